/// How a rule reads for a person: shared by `okr explain` and the coach's `/explain`.
public enum RuleText {
    public static func targetHeading(_ target: RuleTarget) -> String {
        switch target {
        case .kr: return "Key results"
        case .objective: return "Objectives"
        case .set: return "Whole sets"
        }
    }

    /// `emphasis` wraps the rule id and the words a flagged example's finding points at, so a
    /// terminal can make them bold.
    public static func explanation(of rule: Rule, emphasis: (String) -> String = { $0 }) -> String {
        var out = "\(emphasis(rule.id)) (\(rule.severity.rawValue), on \(targetHeading(rule.target).lowercased()))\n"
        out += "\(rule.message)\n\n"
        out += "Why: \(oneLine(rule.why))\n"
        out += "Ask yourself: \(oneLine(rule.ask))\n"
        if let suggest = rule.suggest {
            out += suggest.sources.count == 1 ? "Suggests: \(suggest.sources[0])\n" : "Suggests the first that fits:\n"
                + suggest.sources.map { "  - \($0)\n" }.joined()
        }
        out += "\nFlagged:\n" + examples(rule.examples.flag, emphasis: emphasis)
        out += "Fine:\n" + examples(rule.examples.pass, emphasis: emphasis)
        return out
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    private static func examples(_ list: [RuleExample], emphasis: (String) -> String) -> String {
        list.map { example in
            let text = marked(example, emphasis: emphasis)
            var out = example.isDocument
                ? text.split(separator: "\n").map { "    \($0)" }.joined(separator: "\n") + "\n\n"
                : "  - \(text)\n"
            if let suggestion = example.suggestion { out += "    Try: \(suggestion)\n" }
            return out
        }.joined()
    }

    /// The example with its marked words passed through `emphasis`.
    static func marked(_ example: RuleExample, emphasis: (String) -> String) -> String {
        guard let mark = example.mark else { return example.text }
        var lines = example.text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        guard mark.line - 1 < lines.count else { return example.text }
        let scalars = lines[mark.line - 1]
        let start = mark.column - 1, end = min(scalars.count, start + example.markLength)
        guard start >= 0, start <= end else { return example.text }
        let words = String(String.UnicodeScalarView(scalars[start..<end]))
        lines[mark.line - 1] = Array(String(String.UnicodeScalarView(scalars[..<start])).unicodeScalars)
            + Array(emphasis(words).unicodeScalars) + Array(scalars[end...])
        return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
    }
}
