import Foundation
import OKRCore

/// The draft in progress, written after every change with an atomic rename, so a crash or a
/// `kill -9` loses at most the line being typed.
struct DraftAutosave {
    let file: URL

    func load() -> CoachState? {
        guard let data = try? Data(contentsOf: file) else { return nil }
        return try? JSONDecoder().decode(CoachState.self, from: data)
    }

    func save(_ state: CoachState) throws {
        let data = try JSONEncoder().encode(state)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file, options: .atomic)
    }

    func discard() {
        try? FileManager.default.removeItem(at: file)
    }
}
