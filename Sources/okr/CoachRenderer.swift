import Foundation
import OKRCore

/// How the coach's and the course's messages look in a terminal: wrapped to its width at word
/// boundaries (80 columns when output is not a terminal, so transcripts stay stable), findings
/// with their reason and question, and nothing from a user or a store printed with control
/// sequences in it.
struct CoachRenderer {
    var width: Int
    /// The course speaks to learners without rule ids.
    var showsRuleIDs = true

    /// The terminal's width now (it may change between messages), or 80.
    static func currentWidth() -> Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            // One column short of the edge: a line that fills it makes some terminals wrap twice.
            return Int(size.ws_col) - 1
        }
        return 80
    }

    func render(_ message: CoachMessage) -> String {
        switch message.kind {
        case .say:
            return wrap(message.text)
        case .ask:
            return paintLines(wrap(message.text)) { Terminal.bold($0) }
        case .problem:
            return paintLines(wrap("! " + message.text)) { Terminal.paint($0, "31") }
        case .finding(let finding, let detail):
            return render(finding, full: detail != .reminder)
        }
    }

    private func render(_ finding: Finding, full: Bool) -> String {
        let label: String
        switch finding.severity {
        case .error: label = "error"
        case .warning: label = "warning"
        case .info: label = "note"
        }
        let id = showsRuleIDs ? " [\(finding.rule)]" : ""
        var lines = ["  \(label)\(id) \(oneLine(finding.message))" + (full ? "" : " (/why says more)")]
        if full {
            lines.append("    Why: \(oneLine(finding.why))")
            lines.append("    Ask yourself: \(oneLine(finding.ask))")
        }
        if let suggestion = finding.suggestion { lines.append("    Try: \(oneLine(suggestion))") }
        let wrapped = wrap(lines.joined(separator: "\n")).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Colour only the label, once the line is wrapped: codes never count towards the width.
        guard let first = wrapped.first, let range = first.range(of: label) else { return wrapped.joined(separator: "\n") }
        let colour = finding.severity == .error ? "1;31" : finding.severity == .warning ? "1;33" : "1;36"
        let painted = first.replacingCharacters(in: range, with: Terminal.paint(label, colour))
        return ([painted] + wrapped.dropFirst()).joined(separator: "\n")
    }

    /// Cleans each line of the text, then wraps it.
    private func wrap(_ text: String) -> String {
        let clean = text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSafe.clean(String($0)) }.joined(separator: "\n")
        return TextWrap.wrap(clean, width: width)
    }

    private func paintLines(_ text: String, _ paint: (String) -> String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { paint(String($0)) }.joined(separator: "\n")
    }

    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Prints messages and flushes, so whoever reads the output (a pipe too) sees them now.
    func show(_ messages: [CoachMessage]) {
        for message in messages { print(render(message)) }
        fflush(nil)  // every stream: stdout itself is shared mutable state to Swift 6
    }
}
