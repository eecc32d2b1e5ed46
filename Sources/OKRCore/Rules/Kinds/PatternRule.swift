/// Flags a line where a sequence of token tests matches, as LanguageTool's pattern rules do:
///
///     kind: pattern
///     at: start                 # or end, line (the whole line), anywhere (the default)
///     tokens:
///       - lemma: [try, aim, strive]
///         mark: true
///       - text: [to]
///       - class: verb
///     unless:
///       - [{lemma: [reduce]}]   # a pattern that, found anywhere, keeps the rule quiet
///
/// The finding points at the marked tokens, or at the whole match.
struct PatternRule: LineRuleKind {
    static let name = "pattern"
    static let keys = ["tokens", "at", "unless"]
    static let summary = "a sequence of token tests (lemma, text, class, tag) matches, unless an 'unless' pattern does"

    private(set) var pattern: TokenPattern
    private(set) var exceptions: TokenExceptions

    init(fields: RuleFields) throws(YAMLTree.Problem) {
        pattern = try TokenPattern(tokens: try fields.required("tokens"), at: fields.node("at"), what: "'tokens'")
        exceptions = try TokenExceptions(fields.node("unless"))
    }

    mutating func link(_ words: inout WordTable) {
        pattern.link(&words)
        exceptions.link(&words)
    }

    func evaluate(_ line: RuleLine) -> RuleHit? {
        guard let match = pattern.firstMatch(in: line), !exceptions.excuse(line) else { return nil }
        return RuleHit(focus: match.marked)
    }
}
