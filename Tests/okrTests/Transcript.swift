import Foundation

/// A recorded session file, literally what the user saw:
/// ```
/// $ okr                      <- a command; sessions in one file share one data folder
/// Which cycle is this set for? ...
/// > Q3 2026                  <- what the user typed
/// Cycle: Q3 2026 ...
/// Saved to .../sets/x.json.  <- `...` in a line matches any text; a line of just `...` any lines
/// ```
struct Transcript {
    struct Session {
        var arguments: [String]
        var expected: [String]
        var inputs: [String] { expected.filter { $0.hasPrefix("> ") || $0 == ">" }.map { String($0.dropFirst(2)) } }
    }

    var sessions: [Session]

    init(_ text: String) {
        sessions = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("$ okr") {
                let arguments = line.dropFirst(5).split(separator: " ").map(String.init)
                sessions.append(Session(arguments: arguments, expected: []))
            } else if !sessions.isEmpty {
                sessions[sessions.count - 1].expected.append(line)
            }
        }
        // The file's final newline is not an empty output line.
        if let last = sessions.indices.last, sessions[last].expected.last == "" { sessions[last].expected.removeLast() }
    }

    /// Whether the actual lines fit the expected ones, with `...` wildcards.
    static func matches(_ expected: ArraySlice<String>, _ actual: ArraySlice<String>) -> Bool {
        guard let first = expected.first else { return actual.isEmpty }
        if first == "..." {
            let rest = expected.dropFirst()
            var tail = actual
            while true {
                if matches(rest, tail) { return true }
                if tail.isEmpty { return false }
                tail = tail.dropFirst()
            }
        }
        guard let line = actual.first, lineMatches(first, line) else { return false }
        return matches(expected.dropFirst(), actual.dropFirst())
    }

    static func lineMatches(_ pattern: String, _ line: String) -> Bool {
        let pieces = pattern.components(separatedBy: "...")
        if pieces.count == 1 { return pattern == line }
        guard line.hasPrefix(pieces[0]), line.hasSuffix(pieces[pieces.count - 1]) else { return false }
        var rest = Substring(line.dropFirst(pieces[0].count))
        for piece in pieces.dropFirst().dropLast() {
            guard let range = rest.range(of: piece) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.count >= pieces[pieces.count - 1].count
    }
}
