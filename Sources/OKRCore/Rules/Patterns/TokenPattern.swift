import Yams

/// A sequence of token tests matched over a line's tagged tokens, like a LanguageTool pattern:
/// anchored at the line's start or end, or anywhere. Elements repeat between their `min` and
/// `max`; the match is found by trying the longest repetition first and backing off, which for
/// the few short patterns a rule has costs little.
struct TokenPattern: Hashable, Sendable {
    enum Anchor: String, Hashable, Sendable, CaseIterable {
        case anywhere, start, end, line
    }

    private(set) var elements: [TokenTest]
    let anchor: Anchor

    /// A match: the tokens it covers and the marked ones (the whole match when none is marked).
    struct Match: Hashable {
        var range: Range<Int>
        var marked: Range<Int>
    }

    /// Reads `tokens:` (a list of token tests) and `at:`.
    init(tokens node: Node, at anchorNode: Node?, what: String) throws(YAMLTree.Problem) {
        let items = try YAMLTree.sequence(node, what: what)
        guard !items.isEmpty else { throw YAMLTree.problem(node, "\(what) is an empty list; a pattern needs at least one token") }
        var elements: [TokenTest] = []
        for item in items { elements.append(try TokenTest(item, what: "a token of \(what)")) }
        guard elements.contains(where: { $0.min > 0 }) else {
            throw YAMLTree.problem(node, "every token of \(what) is optional, so it would match anywhere; make one required")
        }
        let marked = elements.indices.filter { elements[$0].mark }
        if let first = marked.first, let last = marked.last, marked.count != last - first + 1 {
            throw YAMLTree.problem(items[marked[1]], "the marked tokens of \(what) must stand next to each other")
        }
        self.elements = elements
        if let anchorNode {
            let name = try YAMLTree.string(anchorNode, what: "'at'")
            anchor = try YAMLTree.choices([name], node: anchorNode, what: "'at'", allowed: Anchor.allCases.map(\.rawValue)) { Anchor(rawValue: $0) }[0]
        } else {
            anchor = .anywhere
        }
    }

    /// An `unless:` entry: a list of token tests (anywhere in the line), or `{at:, tokens:}`.
    init(exception node: Node, what: String) throws(YAMLTree.Problem) {
        if case .mapping = node {
            let fields = try YAMLTree.mapping(node, allowed: ["tokens", "at"], what: what)
            guard let tokens = fields["tokens"] else { throw YAMLTree.problem(node, "\(what) needs 'tokens'") }
            try self.init(tokens: tokens, at: fields["at"], what: what)
        } else {
            try self.init(tokens: node, at: nil, what: what)
        }
    }

    mutating func link(_ table: inout WordTable) {
        for i in elements.indices { elements[i].link(&table) }
    }

    /// The first match in the line, or nil.
    func firstMatch(in line: RuleLine) -> Match? {
        firstMatch(count: line.tokens.count) { test, i in test.matches(line, i) }
    }

    /// The same search from the strings alone: the reference the linked form is tested against.
    func firstMatchUnlinked(in tokens: [TaggedToken]) -> Match? {
        firstMatch(count: tokens.count) { test, i in test.matchesUnlinked(tokens[i]) }
    }

    private func firstMatch(count: Int, _ test: (TokenTest, Int) -> Bool) -> Match? {
        let lastStart = anchor == .start || anchor == .line ? 0 : count
        let mustEnd = anchor == .end || anchor == .line
        var start = 0
        while start <= lastStart {
            var marked: Range<Int>?
            if let end = extend(element: 0, at: start, count: count, mustEnd: mustEnd, marked: &marked, test), end > start {
                return Match(range: start..<end, marked: marked ?? start..<end)
            }
            start += 1
        }
        return nil
    }

    /// Matches elements from `element` on at token `at`; returns where the match ends.
    private func extend(element: Int, at position: Int, count: Int, mustEnd: Bool, marked: inout Range<Int>?,
                        _ test: (TokenTest, Int) -> Bool) -> Int? {
        guard element < elements.count else { return !mustEnd || position == count ? position : nil }
        // The element's bounds read in place: copying the test would retain its word lists.
        let min = elements[element].min, max = elements[element].max
        var run = 0
        while run < max, position + run < count, test(elements[element], position + run) { run += 1 }
        guard run >= min else { return nil }
        var take = run
        while take >= min {
            if let end = extend(element: element + 1, at: position + take, count: count, mustEnd: mustEnd, marked: &marked, test) {
                if elements[element].mark {
                    let lower = Swift.min(marked?.lowerBound ?? position, position)
                    let upper = Swift.max(marked?.upperBound ?? position + take, position + take)
                    marked = lower..<upper
                }
                return end
            }
            take -= 1
        }
        return nil
    }
}
