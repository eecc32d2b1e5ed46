/// Where a piece of a document came from, so findings and errors can point at it (1-based).
public struct SourceLocation: Codable, Hashable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int = 1) {
        self.line = line
        self.column = column
    }
}
