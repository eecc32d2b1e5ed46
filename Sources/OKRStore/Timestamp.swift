import Foundation

/// Times are stored as ISO 8601 text in UTC: the same on both backends and readable in a shell.
enum Timestamp {
    static func now() -> String {
        frozen ?? iso8601(time(nil))
    }

    /// `OKR_NOW` freezes the time for tests and transcripts; read once, as the environment is
    /// copied into a new dictionary on every read.
    private static let frozen: String? = {
        guard let value = ProcessInfo.processInfo.environment["OKR_NOW"], !value.isEmpty else { return nil }
        return value.count == 10 ? value + "T00:00:00Z" : value
    }()

    /// `2026-07-01T09:30:00Z`, written by hand: building an ISO8601DateFormatter on every save
    /// was a fifth of its cost.
    static func iso8601(_ seconds: time_t) -> String {
        var parts = tm()
        var t = seconds
        gmtime_r(&t, &parts)
        func digits(_ value: Int32, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return digits(parts.tm_year + 1900, 4) + "-" + digits(parts.tm_mon + 1, 2) + "-" + digits(parts.tm_mday, 2)
            + "T" + digits(parts.tm_hour, 2) + ":" + digits(parts.tm_min, 2) + ":" + digits(parts.tm_sec, 2) + "Z"
    }
}
