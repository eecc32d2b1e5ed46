import Foundation
import OKRCore

/// When a save fails, the set is written as a Markdown document (the form `okr check` and
/// `okr import` read) in the data folder's `sets/`, never over an earlier copy.
enum RescueCopy {
    static func write(_ set: OKRSet, id: String, in folder: URL, reference: CalendarDay) -> Result<String, Coach.RescueFailure> {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var file = folder.appendingPathComponent("\(id).md")
            var n = 2
            while FileManager.default.fileExists(atPath: file.path) {
                file = folder.appendingPathComponent("\(id)-\(n).md")
                n += 1
            }
            try Data(MarkdownWriter.write(set, reference: reference).utf8).write(to: file, options: .atomic)
            return .success(file.path)
        } catch {
            return .failure(Coach.RescueFailure(reason: error.localizedDescription))
        }
    }
}
