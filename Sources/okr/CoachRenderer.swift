import OKRCore

/// How the coach's messages look in a terminal: findings with their reason and question.
enum CoachRenderer {
    static func render(_ message: CoachMessage) -> String {
        switch message.kind {
        case .say:
            return message.text
        case .ask:
            return Terminal.bold(message.text)
        case .problem:
            return Terminal.paint("! \(message.text)", "31")
        case .finding(let finding):
            let label: String
            switch finding.severity {
            case .error: label = Terminal.paint("error", "1;31")
            case .warning: label = Terminal.paint("warning", "1;33")
            case .info: label = Terminal.paint("note", "1;36")
            }
            return "  \(label) [\(finding.rule)] \(finding.message)\n"
                + "    Why: \(oneLine(finding.why))\n"
                + "    Ask yourself: \(oneLine(finding.ask))"
        }
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
