import OKRCore

/// How a rule reads for a person: shared by `okr explain` and, later, the coach's `/explain`.
enum RuleText {
    static func targetHeading(_ target: RuleTarget) -> String {
        switch target {
        case .kr: return "Key results"
        case .objective: return "Objectives"
        case .set: return "Whole sets"
        }
    }

    static func explanation(of rule: Rule) -> String {
        var out = "\(Terminal.bold(rule.id)) (\(rule.severity.rawValue), on \(targetHeading(rule.target).lowercased()))\n"
        out += "\(rule.message)\n\n"
        out += "Why: \(oneLine(rule.why))\n"
        out += "Ask yourself: \(oneLine(rule.ask))\n\n"
        out += "Flagged:\n" + examples(rule.examples.flag)
        out += "Fine:\n" + examples(rule.examples.pass)
        return out
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    private static func examples(_ list: [String]) -> String {
        list.map { example in
            example.contains("\n")
                ? example.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n") + "\n\n"
                : "  - \(example)\n"
        }.joined()
    }
}
