import Foundation

/// Where okr keeps the user's files: `$OKR_HOME`, else `$XDG_DATA_HOME/okr`, else
/// `~/.local/share/okr`. Holds the autosaved draft, the line history and saved sets.
struct DataFolder {
    let url: URL

    static func current() -> DataFolder {
        let env = ProcessInfo.processInfo.environment
        if let home = env["OKR_HOME"], !home.isEmpty { return DataFolder(url: URL(fileURLWithPath: home)) }
        if let xdg = env["XDG_DATA_HOME"], !xdg.isEmpty { return DataFolder(url: URL(fileURLWithPath: xdg).appendingPathComponent("okr")) }
        let home = env["HOME"] ?? NSHomeDirectory()
        return DataFolder(url: URL(fileURLWithPath: home).appendingPathComponent(".local/share/okr"))
    }

    var draft: URL { url.appendingPathComponent("draft.json") }
    var history: URL { url.appendingPathComponent("history") }
    var sets: URL { url.appendingPathComponent("sets") }

    func ensureExists() throws {
        try FileManager.default.createDirectory(at: sets, withIntermediateDirectories: true)
    }
}
