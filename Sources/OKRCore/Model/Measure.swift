import Foundation

/// What a key result's wording says about its number: "Cut median deploy time from 40 to 10
/// minutes" has metric "median deploy time", baseline 40, target 10, unit "minutes".
public struct Measure: Codable, Hashable, Sendable {
    public var metric: String?
    public var baseline: String?
    public var target: String?
    /// A relative change such as "20%" in "by 20%".
    public var change: String?
    public var unit: String?
    public var deadline: String?

    public init(parsing text: String) {
        let tokens = Tokenizer.tokens(text)
        var metricEnd = tokens.count
        for (i, token) in tokens.enumerated() where token.kind == .word && i + 1 < tokens.count {
            let next = tokens[i + 1]
            switch token.text {
            case "from" where next.isQuantity:
                baseline = Self.render(next)
                metricEnd = min(metricEnd, i)
            case "to" where next.isQuantity:
                target = Self.render(next)
                metricEnd = min(metricEnd, i)
                unit = Self.unit(after: i + 1, in: tokens) ?? unit
            case "by" where next.isQuantity:
                change = Self.render(next)
                metricEnd = min(metricEnd, i)
            default: break
            }
        }
        if baseline != nil, unit == nil, let i = tokens.firstIndex(where: { $0.text == "from" }) {
            unit = Self.unit(after: i + 1, in: tokens)
        }
        if let first = tokens.firstIndex(where: { $0.kind == .word }), metricEnd > first + 1, metricEnd < tokens.count {
            let words = tokens[(first + 1)..<metricEnd].map(\.text)
            metric = words.joined(separator: " ")
        }
        if let range = text.range(of: " by ", options: [.caseInsensitive, .backwards]) {
            let tail = String(text[range.upperBound...])
            if let timeframe = try? Timeframe.parse(tail, reference: CalendarDay(year: 2000, month: 1, day: 1)),
               timeframe.label.contains(where: \.isNumber) || tail.lowercased().hasPrefix("end") {
                deadline = tail
            }
        }
    }

    private static func render(_ token: Token) -> String {
        switch token.kind {
        case .percent: return token.text + "%"
        case .money: return "$" + token.text
        default: return token.text
        }
    }

    private static func unit(after index: Int, in tokens: [Token]) -> String? {
        if tokens[index].kind == .percent { return "%" }
        if tokens[index].kind == .money { return "$" }
        let next = index + 1
        guard next < tokens.count, tokens[next].kind == .word, !["by", "in", "per", "a", "for", "within"].contains(tokens[next].text) else {
            return nil
        }
        return tokens[next].text
    }
}
