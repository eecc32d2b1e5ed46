import Yams

/// One example of a rule: a line (or a whole document) it flags or lets pass. A flagged
/// example marks the words the finding points at with `{{` and `}}`:
///
///     flag:
///       - "{{Launch}} the new pricing page"
///       - text: "Make 100 sales {{calls}} a week"
///         suggest: "What should the sales calls change? e.g. ..."   # the suggestion it must give
///
/// The generic example test checks that the finding is at that line and column.
public struct RuleExample: Hashable, Sendable {
    /// The example without its marks.
    public var text: String
    /// Where the marked words start in `text` (1-based line and column, in Unicode scalars), and
    /// how many scalars they span.
    public var mark: SourceLocation?
    public var markLength: Int
    /// The suggestion the finding must carry, when the example says.
    public var suggestion: String?

    public var isDocument: Bool { text.contains("\n") }

    static let open = "{{", close = "}}"

    /// `text` with `{{ }}` marks taken out; nil when the marks are unbalanced or more than one.
    static func parse(_ raw: String) -> (text: String, mark: SourceLocation?, length: Int)? {
        guard let open = raw.range(of: Self.open) else {
            return raw.contains(Self.close) ? nil : (raw, nil, 0)
        }
        guard let close = raw.range(of: Self.close, range: open.upperBound..<raw.endIndex) else { return nil }
        let before = raw[..<open.lowerBound], inside = raw[open.upperBound..<close.lowerBound], after = raw[close.upperBound...]
        guard !inside.isEmpty, !inside.contains("{{"), !after.contains(Self.open), !after.contains(Self.close) else { return nil }
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        let mark = SourceLocation(line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)
        return (String(before) + inside + after, mark, inside.unicodeScalars.count)
    }

    init(_ node: Node, flag: Bool) throws(YAMLTree.Problem) {
        var textNode = node
        if case .mapping = node {
            let fields = try YAMLTree.mapping(node, allowed: ["text", "suggest"], what: "an example")
            guard let text = fields["text"] else { throw YAMLTree.problem(node, "an example written as a mapping needs 'text'") }
            guard flag || fields["suggest"] == nil else {
                throw YAMLTree.problem(node, "a 'pass' example gives no finding, so it has no 'suggest'")
            }
            textNode = text
            suggestion = try fields["suggest"].map { node throws(YAMLTree.Problem) in try YAMLTree.string(node, what: "'suggest'") }
        }
        let raw = try YAMLTree.string(textNode, what: "an example")
        guard let parsed = Self.parse(raw) else {
            throw YAMLTree.problem(textNode, "an example marks the words its finding points at with one '{{' and '}}' pair")
        }
        if flag, parsed.mark == nil {
            throw YAMLTree.problem(textNode, "a 'flag' example marks the words its finding points at: \"{{Launch}} the new pricing page\"")
        }
        if !flag, parsed.mark != nil {
            throw YAMLTree.problem(textNode, "a 'pass' example gives no finding, so it marks no words")
        }
        text = parsed.text
        mark = parsed.mark
        markLength = parsed.length
    }
}
