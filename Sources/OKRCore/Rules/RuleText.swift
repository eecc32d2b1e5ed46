/// How a rule reads for a person: shared by `okr explain` and the coach's `/explain`.
public enum RuleText {
    public static func targetHeading(_ target: RuleTarget) -> String {
        switch target {
        case .kr: return "Key results"
        case .objective: return "Objectives"
        case .set: return "Whole sets"
        }
    }

    /// `emphasis` wraps the rule id, so a terminal can make it bold.
    public static func explanation(of rule: Rule, emphasis: (String) -> String = { $0 }) -> String {
        var out = "\(emphasis(rule.id)) (\(rule.severity.rawValue), on \(targetHeading(rule.target).lowercased()))\n"
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
