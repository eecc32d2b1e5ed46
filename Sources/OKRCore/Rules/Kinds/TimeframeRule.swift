/// Flags an objective with no timeframe of its own nor from its set.
struct TimeframeRule: StructureRuleKind {
    static let name = "timeframe"
    static let keys: [String] = []
    static let summary = "an objective with no timeframe of its own or from its set"

    init(fields: RuleFields) throws(YAMLTree.Problem) {
        try fields.requireTarget(in: [.objective])
    }

    func flags(objective: Objective, in set: OKRSet) -> Bool { objective.timeframe == nil && set.timeframe == nil }

    func flags(set: OKRSet) -> Bool { false }
}
