/// Flags an objective with more than `max` or fewer than `min` key results, or a set with too
/// many or too few objectives.
struct CountRule: StructureRuleKind {
    static let name = "count"
    static let keys = ["min", "max"]
    static let summary = "an objective with more than 'max' / fewer than 'min' key results, or a set with too many / few objectives"

    let min: Int?
    let max: Int?

    init(fields: RuleFields) throws(YAMLTree.Problem) {
        try fields.requireTarget(in: [.objective, .set])
        min = try fields.integer("min")
        max = try fields.integer("max")
        guard min != nil || max != nil else { throw YAMLTree.problem(fields.kindNode, "a count rule needs 'min' or 'max'") }
        if let min, let max, min > max, let node = fields.node("min") { throw YAMLTree.problem(node, "'min' is above 'max'") }
    }

    private func flags(count n: Int) -> Bool { (min.map { n < $0 } ?? false) || (max.map { n > $0 } ?? false) }

    func flags(objective: Objective, in set: OKRSet) -> Bool { flags(count: objective.keyResults.count) }

    func flags(set: OKRSet) -> Bool { flags(count: set.objectives.count) }
}
