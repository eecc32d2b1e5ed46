/// One coaching rule, as read from a `rules/*.yml` file.
public struct Rule: Hashable, Sendable, Identifiable {
    public var id: String
    public var severity: Severity
    public var target: RuleTarget
    public var check: RuleCheck
    /// What is wrong, in one line.
    public var message: String
    /// The reasoning behind the rule, in one or two plain sentences.
    public var why: String
    /// The question that leads the writer to a better line.
    public var ask: String
    /// Rules that, when they already flagged the same line, make this one redundant.
    public var skipIf: [String]
    /// A rewrite template with `{slots}` filled from the analyser's reading; unknown numbers stay
    /// blanks ("__"), never invented.
    public var suggest: String?
    /// What the coach may offer after this rule's finding.
    public var offers: [CoachOffer] = CoachOffer.defaults
    public var examples: Examples
    /// The file the rule came from, for error messages and `okr rules`.
    public var origin: String

    public struct Examples: Hashable, Sendable {
        public var flag: [String]
        public var pass: [String]
    }
}
