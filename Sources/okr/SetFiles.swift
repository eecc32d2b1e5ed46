import Foundation
import OKRCore
import OKRStore

/// Saving a finished set as a JSON file, and loading sets from files: the export path that
/// stays when the shared store arrives.
enum SetFiles {
    /// The same name the store gives the set, so a file copy and a stored set match.
    static func slug(_ title: String) -> String {
        SetStore.name(for: OKRSet(title: title))
    }

    static func save(_ set: OKRSet, in folder: URL) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(slug(set.title) + ".json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(set).write(to: file, options: .atomic)
        return file
    }

    /// Reads a set saved by `save` (JSON of the model) or any OKR document okr check reads.
    static func load(_ path: String, savedIn folder: URL, reference: CalendarDay) throws -> OKRSet {
        var candidates = [URL(fileURLWithPath: path)]
        candidates.append(folder.appendingPathComponent(path))
        candidates.append(folder.appendingPathComponent(slug(path) + ".json"))
        guard let file = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw CLIError.unreadable(path: path, reason: "no such file")
        }
        let text = try InputFile.read(file.path, format: DocumentFormat(path: file.path))
        if file.pathExtension == "json", let set = try? JSONDecoder().decode(OKRSet.self, from: Data(text.utf8)) {
            return set
        }
        return try DocumentReader.read(text, file: path, format: DocumentFormat(path: file.path), reference: reference)
    }
}
