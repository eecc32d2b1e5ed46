/// A kind of rule: what a rule file's `kind:` names. Each kind is a type with its own keys, read
/// and checked when the file is loaded; keys every rule has (id, message, examples...) are read
/// once by `RuleLoader`. Kinds are listed in one place, `RuleKinds.all`.
protocol RuleKind: Hashable, Sendable {
    /// The value of `kind:` in a rule file.
    static var name: String { get }
    /// The keys this kind reads, beyond the common ones.
    static var keys: [String] { get }
    /// One line for `okr explain` and the README.
    static var summary: String { get }

    /// Reads the kind's keys; a problem is reported at the node where it was written.
    init(fields: RuleFields) throws(YAMLTree.Problem)

    /// Gives the words the kind matches ids in the engine's table (called once per engine).
    mutating func link(_ words: inout WordTable)
}

extension RuleKind {
    mutating func link(_ words: inout WordTable) {}
    var name: String { Self.name }
}

/// A kind that judges one line at a time from its tokens and reading.
protocol LineRuleKind: RuleKind {
    func evaluate(_ line: RuleLine) -> RuleHit?
}

/// A kind that flags a key result repeating an earlier one of its objective: it gives each line
/// keys, and the engine flags a line when one of its keys was already seen in the objective. One
/// hash lookup per key, so the work grows linearly with the number of key results.
protocol RepeatRuleKind: RuleKind {
    /// The line's keys: 64-bit hashes of what makes two lines the same (hashes, so a line costs
    /// no string building; two different keys share one with odds of about one in 2⁶⁴).
    func keys(of line: RuleLine) -> RepeatKeys
}

/// A line's keys, at most two (a metric key and a wording key), held inline: every key result
/// is given keys, and a list of them would be an allocation a line.
struct RepeatKeys: Sequence, Sendable {
    private var first = 0, second = 0
    private(set) var count = 0

    init() {}

    mutating func append(_ key: Int) {
        precondition(count < 2, "a line has at most two repeat keys")
        if count == 0 { first = key } else { second = key }
        count += 1
    }

    struct Iterator: IteratorProtocol {
        fileprivate let keys: RepeatKeys
        fileprivate var index = 0
        mutating func next() -> Int? {
            guard index < keys.count else { return nil }
            defer { index += 1 }
            return index == 0 ? keys.first : keys.second
        }
    }

    func makeIterator() -> Iterator { Iterator(keys: self) }
    var underestimatedCount: Int { count }
}

/// A kind that judges an objective or a set as a whole (how many lines it has, its timeframe).
protocol StructureRuleKind: RuleKind {
    func flags(objective: Objective, in set: OKRSet) -> Bool
    func flags(set: OKRSet) -> Bool
}

/// Every kind a rule file can name.
enum RuleKinds {
    static let all: [any RuleKind.Type] = [ReadingRule.self, PatternRule.self, DuplicateRule.self, CountRule.self, TimeframeRule.self]

    static func named(_ name: String) -> (any RuleKind.Type)? { all.first { $0.name == name } }

    static var names: [String] { all.map { $0.name } }

    /// The kinds that read `key`, for saying where a misplaced key belongs.
    static func owners(of key: String) -> [String] { all.filter { $0.keys.contains(key) }.map { $0.name } }
}
