import Yams

/// Flags a line by what the analyser reads in it, not by its words:
///
///     kind: reading
///     target: kr
///     kinds: [milestone]          # KRReading.Kind (or ObjectiveReading.Kind for an objective)
///     has_target: true            # and any of: joins_outcomes, has_baseline, has_change,
///     has_baseline: false         #   has_metric, has_deadline, has_cadence (true/false),
///     comparator: [atMost, below] #   comparator, direction (lists of values)
///     point_at: [{lemma: [and]}]  # optional: where this pattern matches (its marked tokens), else the reading's focus
///     unless:                     # optional token patterns that keep the rule quiet
///       - [{lemma: [pilot]}]
///
/// The finding points at the reading's focus (the words that made it what it is).
struct ReadingRule: LineRuleKind {
    static let name = "reading"
    static let keys = ReadingCondition.keys + ["point_at", "unless"]
    static let summary = "the analyser's reading of the line: its kind (milestone, activity, level...) and parts"

    let condition: ReadingCondition
    private(set) var pointAt: TokenPattern?
    private(set) var exceptions: TokenExceptions

    init(fields: RuleFields) throws(YAMLTree.Problem) {
        try fields.requireTarget(in: [.kr, .objective])
        condition = try ReadingCondition(fields.values, target: fields.target, targetNode: fields.targetNode)
        guard !condition.isEmpty else {
            throw YAMLTree.problem(fields.kindNode, "a reading rule needs 'kinds' or a condition on the reading (" +
                                   ReadingCondition.keys.dropFirst().joined(separator: ", ") + ")")
        }
        pointAt = try fields.node("point_at").map { node throws(YAMLTree.Problem) in try TokenPattern(exception: node, what: "'point_at'") }
        exceptions = try TokenExceptions(fields.node("unless"))
    }

    mutating func link(_ words: inout WordTable) {
        pointAt?.link(&words)
        exceptions.link(&words)
    }

    func evaluate(_ line: RuleLine) -> RuleHit? {
        guard condition.holds(for: line), !exceptions.excuse(line) else { return nil }
        if let match = pointAt?.firstMatch(in: line) { return RuleHit(focus: match.marked) }
        return RuleHit(focus: line.readingFocus)
    }
}
