/// The level a KPI holds, read from its target ("at least 99.9%", "at most 2 days", "below 3%"),
/// and whether a reading keeps it.
public struct KPILevel: Hashable, Sendable {
    /// Which side of the level is healthy.
    public enum Side: String, Hashable, Sendable { case atLeast, atMost }

    public var side: Side
    public var level: Quantity

    /// The analyser's reading of the target when it names a comparator; otherwise the comparator
    /// words in front of the number. A target with no number has no level to compare with.
    public init?(target: String) {
        let reading = Analyser.read(keyResult: "Keep it " + target)
        let tokens = Analyser.tag(target)
        guard let index = tokens.firstIndex(where: \.isQuantity) else { return nil }
        let quantity = reading.target ?? Self.quantity(tokens[index])
        switch reading.comparator {
        case .atLeast?, .above?: side = .atLeast
        case .atMost?, .below?: side = .atMost
        case .exactly?, nil:
            side = tokens[..<index].contains { Self.lowerIsHealthy.contains($0.text) } ? .atMost : .atLeast
        }
        level = quantity
    }

    /// Words before the number that say a lower figure is the healthy side ("at most", "under").
    private static let lowerIsHealthy: WordSet = ["most", "below", "under", "max", "maximum", "less", "fewer", "within", "≤", "<"]

    private static func quantity(_ token: TaggedToken) -> Quantity {
        let value = token.value ?? Double(token.text.string.filter { $0 != "," }) ?? 0
        switch token.tag {
        case .percent: return Quantity(value: value, text: token.text.string + "%", unit: "%")
        case .money: return Quantity(value: value, text: "$" + token.text.string, unit: "$")
        default: return Quantity(value: value, text: token.text.string)
        }
    }

    public func holds(_ value: Double) -> Bool {
        switch side {
        case .atLeast: return value >= level.value
        case .atMost: return value <= level.value
        }
    }

    /// A value written in the level's unit: `99.5%`, `$400`, `3`.
    public func render(_ value: Double) -> String { level.written(value) }
}

extension Quantity {
    /// `value` written the way this quantity is written: `52`, `52%`, `$52`.
    public func written(_ value: Double) -> String {
        let number = CheckInInput.format(value)
        if unit == "%" || text.hasSuffix("%") { return number + "%" }
        if unit == "$" || text.hasPrefix("$") { return "$" + number }
        return number
    }
}
