import Yams

/// Conditions on the analyser's reading of a line: its kind and, for a key result, its parts.
/// Shared by the `reading` kind and by `when:` in a `suggest` template.
struct ReadingCondition: Hashable, Sendable {
    /// The kinds allowed, as `ReadingFacts` kind bits (nil: any kind).
    var kinds: UInt16?
    /// Which `ReadingFacts` flags are tested, and the values they must have.
    var flagMask: UInt8 = 0
    var flagValues: UInt8 = 0
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
                kinds = try YAMLTree.choices(names, node: node, what: "'kinds' of a key result", allowed: KRReading.Kind.allCases.map(\.rawValue)) {
                    KRReading.Kind(rawValue: $0).map(ReadingFacts.bit)
                }.reduce(0, |)
            case .objective:
                kinds = try YAMLTree.choices(names, node: node, what: "'kinds' of an objective", allowed: ObjectiveReading.Kind.allCases.map(\.rawValue)) {
                    ObjectiveReading.Kind(rawValue: $0).map(ReadingFacts.bit)
                }.reduce(0, |)
            case .set:
                throw YAMLTree.problem(targetNode, "a set's title has no reading; use target 'kr' or 'objective'")
            }
        }
        for (key, flag) in zip(Self.keyResultKeys, ReadingFacts.flagOrder) {
            guard let node = values[key] else { continue }
            flagMask |= flag
            if try YAMLTree.bool(node, what: "'\(key)'") { flagValues |= flag }
        }
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

    @inline(__always)
    func holds(for line: RuleLine) -> Bool {
        let facts = line.facts
        if let kinds, kinds & facts.kind == 0 { return false }
        if facts.flags & flagMask != flagValues { return false }
        if let comparators { guard let c = facts.comparator, comparators.contains(c) else { return false } }
        if let directions { guard let d = facts.direction, directions.contains(d) else { return false } }
        return true
    }
}

/// What conditions test in a reading, packed: read once a line, tested by every rule.
struct ReadingFacts: Sendable {
    /// The reading's kind as one bit: a key result's kinds low, an objective's from bit 8.
    var kind: UInt16 = 0
    var flags: UInt8 = 0
    var comparator: KRReading.Comparator?
    var direction: KRReading.Direction?

    static let joinsOutcomes: UInt8 = 1, hasTarget: UInt8 = 2, hasBaseline: UInt8 = 4, hasChange: UInt8 = 8,
               hasMetric: UInt8 = 16, hasDeadline: UInt8 = 32, hasCadence: UInt8 = 64
    /// In the order of `ReadingCondition.keyResultKeys`.
    static let flagOrder: [UInt8] = [joinsOutcomes, hasTarget, hasBaseline, hasChange, hasMetric, hasDeadline, hasCadence]

    // A switch, not `allCases.firstIndex`, which would build an array a line. Any distinct bits
    // do: they never leave the process.
    static func bit(_ kind: KRReading.Kind) -> UInt16 {
        switch kind {
        case .change: 1 << 0
        case .level: 1 << 1
        case .milestone: 1 << 2
        case .activity: 1 << 3
        case .routine: 1 << 4
        case .unmeasurable: 1 << 5
        }
    }

    static func bit(_ kind: ObjectiveReading.Kind) -> UInt16 {
        switch kind {
        case .direction: 1 << 8
        case .deliverable: 1 << 9
        case .number: 1 << 10
        }
    }

    init() {}

    init(_ r: KRReading) {
        kind = Self.bit(r.kind)
        if r.joinsOutcomes { flags |= Self.joinsOutcomes }
        if r.target != nil { flags |= Self.hasTarget }
        if r.baseline != nil { flags |= Self.hasBaseline }
        if r.change != nil { flags |= Self.hasChange }
        if r.hasMetric { flags |= Self.hasMetric }
        if r.deadline != nil { flags |= Self.hasDeadline }
        if r.cadence != nil { flags |= Self.hasCadence }
        comparator = r.comparator
        direction = r.direction
    }

    init(_ r: ObjectiveReading) {
        kind = Self.bit(r.kind)
    }
}
