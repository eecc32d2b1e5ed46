import Yams

/// Conditions on the analyser's reading of a line: its kind and, for a key result, its parts.
/// Shared by the `reading` kind and by `when:` in a `suggest` template.
struct ReadingCondition: Hashable, Sendable {
    /// Raw values of `KRReading.Kind` or `ObjectiveReading.Kind`, by the rule's target.
    var kinds: Set<String>?
    var joinsOutcomes: Bool?
    var hasTarget: Bool?
    var hasBaseline: Bool?
    var hasChange: Bool?
    var hasMetric: Bool?
    var hasDeadline: Bool?
    var hasCadence: Bool?
    var comparators: [KRReading.Comparator]?
    var directions: [KRReading.Direction]?

    static let keys = ["kinds", "joins_outcomes", "has_target", "has_baseline", "has_change", "has_metric",
                       "has_deadline", "has_cadence", "comparator", "direction"]
    /// The keys only a key result's reading has.
    static let keyResultKeys = Array(keys.dropFirst())

    static let comparatorNames = ["atMost", "below", "atLeast", "above", "exactly"].filter { KRReading.Comparator(rawValue: $0) != nil }
    static let directionNames = ["up", "down", "hold"].filter { KRReading.Direction(rawValue: $0) != nil }

    /// Reads the condition keys of `values`; `target` decides which reading they are about.
    init(_ values: [String: Node], target: RuleTarget, targetNode: Node) throws(YAMLTree.Problem) {
        if target != .kr, let key = Self.keyResultKeys.first(where: { values[$0] != nil }), let node = values[key] {
            throw YAMLTree.problem(node, "'\(key)' is part of a key result's reading; an objective's reading has only 'kinds'")
        }
        if let node = values["kinds"] {
            let names = try YAMLTree.strings(node, what: "'kinds'")
            guard !names.isEmpty else { throw YAMLTree.problem(node, "'kinds' is an empty list") }
            switch target {
            case .kr:
                kinds = Set(try YAMLTree.choices(names, node: node, what: "'kinds' of a key result", allowed: KRReading.Kind.allCases.map(\.rawValue)) {
                    KRReading.Kind(rawValue: $0)?.rawValue
                })
            case .objective:
                kinds = Set(try YAMLTree.choices(names, node: node, what: "'kinds' of an objective", allowed: ObjectiveReading.Kind.allCases.map(\.rawValue)) {
                    ObjectiveReading.Kind(rawValue: $0)?.rawValue
                })
            case .set:
                throw YAMLTree.problem(targetNode, "a set's title has no reading; use target 'kr' or 'objective'")
            }
        }
        func flag(_ key: String) throws(YAMLTree.Problem) -> Bool? {
            guard let node = values[key] else { return nil }
            return try YAMLTree.bool(node, what: "'\(key)'")
        }
        joinsOutcomes = try flag("joins_outcomes")
        hasTarget = try flag("has_target")
        hasBaseline = try flag("has_baseline")
        hasChange = try flag("has_change")
        hasMetric = try flag("has_metric")
        hasDeadline = try flag("has_deadline")
        hasCadence = try flag("has_cadence")
        if let node = values["comparator"] {
            comparators = try YAMLTree.choices(try YAMLTree.strings(node, what: "'comparator'"), node: node, what: "'comparator'",
                                               allowed: Self.comparatorNames) { KRReading.Comparator(rawValue: $0) }
        }
        if let node = values["direction"] {
            directions = try YAMLTree.choices(try YAMLTree.strings(node, what: "'direction'"), node: node, what: "'direction'",
                                              allowed: Self.directionNames) { KRReading.Direction(rawValue: $0) }
        }
    }

    var isEmpty: Bool { self == ReadingCondition() }

    private init() {}

    func holds(for line: RuleLine) -> Bool {
        switch line.reading {
        case .keyResult(let r): return holds(for: r)
        case .objective(let r): return kinds.map { $0.contains(r.kind.rawValue) } ?? true
        case .none: return false
        }
    }

    func holds(for r: KRReading) -> Bool {
        if let kinds, !kinds.contains(r.kind.rawValue) { return false }
        if let joinsOutcomes, r.joinsOutcomes != joinsOutcomes { return false }
        if let hasTarget, (r.target != nil) != hasTarget { return false }
        if let hasBaseline, (r.baseline != nil) != hasBaseline { return false }
        if let hasChange, (r.change != nil) != hasChange { return false }
        if let hasMetric, (r.metric != nil) != hasMetric { return false }
        if let hasDeadline, (r.deadline != nil) != hasDeadline { return false }
        if let hasCadence, (r.cadence != nil) != hasCadence { return false }
        if let comparators { guard let c = r.comparator, comparators.contains(c) else { return false } }
        if let directions { guard let d = r.direction, directions.contains(d) else { return false } }
        return true
    }
}
