/// One coaching rule, as read from a `rules/*.yml` file.
public struct Rule: Hashable, Sendable, Identifiable {
    public var id: String
    public var severity: Severity
    public var target: RuleTarget
    /// What the rule checks, by its kind (`reading`, `pattern`, `duplicate`, `count`, `timeframe`).
    var kind: any RuleKind
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
    public var suggest: SuggestTemplate?
    /// What the coach may offer after this rule's finding.
    public var offers: [CoachOffer] = CoachOffer.defaults
    public var examples: Examples
    /// The file the rule came from, for error messages and `okr rules`.
    public var origin: String

    /// The value of `kind:` in the rule's file.
    public var kindName: String { kind.name }

    /// Whether the rule counts key results or objectives (the coach reviews those at the end).
    public var countsLines: Bool { kind is CountRule }
    /// Whether the rule has a maximum count (the coach warns as the limit is passed).
    public var hasMaximumCount: Bool { (kind as? CountRule)?.max != nil }

    public struct Examples: Hashable, Sendable {
        public var flag: [RuleExample]
        public var pass: [RuleExample]
    }

    public static func == (a: Rule, b: Rule) -> Bool {
        a.id == b.id && a.severity == b.severity && a.target == b.target && AnyHashable(a.kind) == AnyHashable(b.kind)
            && a.message == b.message && a.why == b.why && a.ask == b.ask && a.skipIf == b.skipIf && a.suggest == b.suggest
            && a.offers == b.offers && a.examples == b.examples && a.origin == b.origin
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(origin)
        hasher.combine(AnyHashable(kind))
    }
}
