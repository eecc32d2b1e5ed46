import Foundation
import OKRCore

/// Colour only when a person is looking: standard output is a terminal and NO_COLOR is unset.
enum Terminal {
    static let colour: Bool = {
        let env = ProcessInfo.processInfo.environment
        if let noColour = env["NO_COLOR"], !noColour.isEmpty { return false }
        if env["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }()

    static func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// A prompt's colour codes must sit between \u{1} and \u{2}, or readline miscounts its width.
    static func promptMarker(_ text: String) -> String {
        colour ? "\u{1}\u{1B}[1;32m\u{2}\(text)\u{1}\u{1B}[0m\u{2}" : text
    }

    static func bold(_ text: String) -> String { paint(text, "1") }
    static func dim(_ text: String) -> String { paint(text, "2") }

    /// Standard output is a terminal (not a pipe or a file).
    static let standardOutputIsTerminal = isatty(STDOUT_FILENO) == 1

    /// Text from a user, a file or a store, made safe for a terminal line by line: escape and
    /// control sequences are removed, line breaks kept.
    static func safe(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSafe.clean(String($0)) }.joined(separator: "\n")
    }

    /// Errors quote what the user typed or a file held, so they are made safe too.
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data((safe(text) + "\n").utf8))
    }
}
