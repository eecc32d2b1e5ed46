/// One word or number of a line, lower-cased, with its 1-based column in the line.
public struct Token: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case word
        /// A plain number such as `40`, `1,200` or `3.5k`.
        case number
        case percent
        case money
        /// A four-digit year (1900-2199): part of a date, not a quantity to measure.
        case year
    }

    public var kind: Kind
    public var text: String
    public var column: Int

    public var isQuantity: Bool { kind == .number || kind == .percent || kind == .money }
}
