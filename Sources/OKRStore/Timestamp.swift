import Foundation

/// Times are stored as ISO 8601 text in UTC: the same on both backends and readable in a shell.
enum Timestamp {
    static func now() -> String {
        if let frozen = ProcessInfo.processInfo.environment["OKR_NOW"], !frozen.isEmpty {
            return frozen.count == 10 ? frozen + "T00:00:00Z" : frozen
        }
        return ISO8601DateFormatter().string(from: Date())
    }
}
