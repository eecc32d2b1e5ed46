import Yams

/// `unless:` patterns: when one of them matches anywhere in the line, the rule stays quiet.
struct TokenExceptions: Hashable, Sendable {
    private(set) var patterns: [TokenPattern] = []

    init() {}

    init(_ node: Node?) throws(YAMLTree.Problem) {
        guard let node else { return }
        let items = try YAMLTree.sequence(node, what: "'unless'")
        guard !items.isEmpty else { throw YAMLTree.problem(node, "'unless' is an empty list") }
        for (i, item) in items.enumerated() { patterns.append(try TokenPattern(exception: item, what: "pattern \(i + 1) of 'unless'")) }
    }

    mutating func link(_ table: inout WordTable) {
        for i in patterns.indices { patterns[i].link(&table) }
    }

    func excuse(_ line: RuleLine) -> Bool {
        for pattern in patterns where pattern.firstMatch(in: line) != nil { return true }
        return false
    }
}
