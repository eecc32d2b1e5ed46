/// What the analyser reads in an objective: a direction or end state (the shape of an objective),
/// a deliverable (a task), or a number (a key result in the wrong place).
public struct ObjectiveReading: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case direction, deliverable, number
    }

    public var kind: Kind
    public var focus: Range<Int>
    public var tokens: [TaggedToken]
    public var evidence: String

    public init(kind: Kind, tokens: [TaggedToken], focus: Range<Int> = 0..<0, evidence: String = "") {
        self.kind = kind
        self.tokens = tokens
        self.focus = focus
        self.evidence = evidence
    }

    public var focusColumn: Int { focus.lowerBound < tokens.count ? tokens[focus.lowerBound].column : 1 }
}
