import Foundation

/// Where a key result or KPI stood at one moment: its value (or, for a milestone, done or not),
/// how confident the owner is of reaching it (1 to 10), and a note; who said so and when.
public struct CheckIn: Codable, Hashable, Sendable {
    public var item: SetItem
    /// The line as it read when checked in. A check-in follows its line across versions of the
    /// set; a reworded line is a new line and starts a new history.
    public var text: String
    public var value: Double?
    public var done: Bool?
    public var confidence: Int?
    public var note: String?
    public var author: String
    /// ISO 8601, UTC.
    public var at: String
    /// The set version the check-in was made against.
    public var setVersion: Int

    public init(item: SetItem, text: String, value: Double? = nil, done: Bool? = nil, confidence: Int? = nil, note: String? = nil,
                author: String = "", at: String = "", setVersion: Int = 0) {
        self.item = item
        self.text = text
        self.value = value
        self.done = done
        self.confidence = confidence
        self.note = note
        self.author = author
        self.at = at
        self.setVersion = setVersion
    }

    /// True when it says where the line stands (a value or done / not done), not only a note.
    public var hasReading: Bool { value != nil || done != nil }

    /// The check-ins about `item`'s current line in `set`, oldest first.
    public static func history(of item: SetItem, in set: OKRSet, from checkIns: [CheckIn]) -> [CheckIn] {
        guard let text = item.text(in: set) else { return [] }
        return checkIns.filter { $0.item.kind == item.kind && $0.text == text }
    }
}

/// Reading what a person typed as a check-in: a number (as the analyser reads numbers, so `44%`,
/// `$1,200` or `3.5k` mean what they mean in a key result), a confidence, done / not done.
public enum CheckInInput {
    public enum Problem: Error, Equatable, CustomStringConvertible {
        case notANumber(String)
        case confidence(String)
        case doneOrNot(String)
        case valueOrState(String)

        public var description: String {
            switch self {
            case .notANumber(let text): return "'\(text)' is not a number: type the current value, like 44 (or 44%)"
            case .confidence(let text): return "'\(text)' is not a confidence from 1 to 10: type a whole number, like 7"
            case .doneOrNot(let text): return "'\(text)' is neither done nor not done: type 'done' or 'not done'"
            case .valueOrState(let text): return "'\(text)' is neither a number nor done / not done: type the current value, like 44, or 'done'"
            }
        }
    }

    /// One quantity, optionally followed by the unit the key result counts in (`300 ms`).
    public static func value(_ text: String, unit: String? = nil) throws(Problem) -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Figures only (the analyser would also read "4x" as 4, or "forty" as 40): digits with
        // their separators, a sign, a currency or percent sign and a k/m/b magnitude, then a unit.
        var figures = Substring(trimmed)
        if let unit, !unit.isEmpty, figures.lowercased().hasSuffix(unit.lowercased()) {
            figures = figures.dropLast(unit.count)
        }
        let allowed = Set("0123456789.,-+%$€£ kKmMbB")
        guard figures.contains(where: \.isNumber), figures.allSatisfy(allowed.contains),
              figures.filter(\.isLetter).count <= 1 else { throw .notANumber(trimmed) }
        let tokens = Analyser.tag(trimmed)
        let quantities = tokens.filter(\.isQuantity)
        guard quantities.count == 1, let quantity = quantities.first else { throw .notANumber(trimmed) }
        let others = tokens.filter { !$0.isQuantity && $0.tag != .punctuation }
        guard others.allSatisfy({ $0.text.string == unit?.lowercased() }) else { throw .notANumber(trimmed) }
        // A leading minus is not a token; a value below zero is rare but real (net change).
        let negative = trimmed.hasPrefix("-")
        guard let value = quantity.value ?? Double(quantity.text.string.filter { $0 != "," }) else { throw .notANumber(trimmed) }
        return negative ? -value : value
    }

    public static func confidence(_ text: String) throws(Problem) -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let number = trimmed.hasSuffix("/10") ? String(trimmed.dropLast(3)) : trimmed
        guard let value = Int(number), (1...10).contains(value) else { throw .confidence(trimmed) }
        return value
    }

    public static func done(_ text: String) throws(Problem) -> Bool {
        guard let done = doneAnswer(text) else { throw .doneOrNot(text.trimmingCharacters(in: .whitespaces)) }
        return done
    }

    /// True for done, false for not done, nil for anything else.
    static func doneAnswer(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "done", "yes", "y", "reached", "shipped", "met": return true
        case "not done", "not-done", "no", "n", "not yet", "missed", "undone": return false
        default: return nil
        }
    }

    /// A number or done / not done, for a line that could be either.
    public static func valueOrDone(_ text: String) throws(Problem) -> (value: Double?, done: Bool?) {
        if let done = doneAnswer(text) { return (nil, done) }
        do {
            return (try value(text), nil)
        } catch {
            throw .valueOrState(text.trimmingCharacters(in: .whitespaces))
        }
    }

    /// A number as a person would write it back: `44`, `2.5`, `0.75`.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
