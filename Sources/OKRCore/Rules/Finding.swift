/// One piece of coaching about one line: what is wrong, why it matters, and what to ask.
public struct Finding: Codable, Hashable, Sendable {
    public var rule: String
    public var severity: Severity
    public var target: RuleTarget
    public var message: String
    public var why: String
    public var ask: String
    /// The text the finding is about (the key result, the objective's title, the set's title).
    public var subject: String
    public var location: SourceLocation?
    /// Where the subject's text starts (the finding's `location` points at the words it is about),
    /// so a fix can replace the whole line's text.
    public var subjectStart: SourceLocation?
    /// A better line built from the rule's template and the analyser's reading; blanks ("__") where
    /// a number is not known.
    public var suggestion: String?
    /// What the coach may offer after this finding, as the rule declares.
    public var offers: [CoachOffer] = CoachOffer.defaults

    // `offers` and `subjectStart` are for the coach and the report in this process; stores carry
    // the rest, and two findings are equal when what is stored is equal.
    enum CodingKeys: String, CodingKey {
        case rule, severity, target, message, why, ask, subject, location, suggestion
    }

    public static func == (a: Finding, b: Finding) -> Bool {
        a.rule == b.rule && a.severity == b.severity && a.target == b.target && a.message == b.message && a.why == b.why
            && a.ask == b.ask && a.subject == b.subject && a.location == b.location && a.suggestion == b.suggestion
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(subject)
        hasher.combine(location)
    }

    public init(rule: String, severity: Severity, target: RuleTarget, message: String, why: String, ask: String,
                subject: String, location: SourceLocation?) {
        self.rule = rule
        self.severity = severity
        self.target = target
        self.message = message
        self.why = why
        self.ask = ask
        self.subject = subject
        self.location = location
    }

    public init(rule: Rule, subject: String, location: SourceLocation?) {
        self.rule = rule.id
        self.severity = rule.severity
        self.target = rule.target
        self.message = rule.message
        self.why = rule.why
        self.ask = rule.ask
        self.subject = subject
        self.location = location
        self.subjectStart = location
        self.offers = rule.offers
    }
}
