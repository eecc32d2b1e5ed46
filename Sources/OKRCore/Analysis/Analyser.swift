/// Reads key results and objectives into their parts. Pure: text in, reading out.
/// (Interface first; the reading is filled in by the tagger and the shape rules.)
public enum Analyser {
    /// The line's tokens, tagged with lemma, word classes and what each stands for.
    public static func tag(_ text: String) -> [TaggedToken] {
        Tokenizer.tokens(text).map { token in
            let tag: TaggedToken.Tag
            switch token.kind {
            case .word: tag = .word
            case .number: tag = .number
            case .percent: tag = .percent
            case .money: tag = .money
            case .year: tag = .year
            }
            return TaggedToken(text: token.text, lemma: token.text, classes: [], tag: tag, column: token.column,
                               length: token.text.count, value: Double(token.text))
        }
    }

    public static func read(keyResult text: String) -> KRReading {
        let tokens = tag(text)
        let measure = Measure(parsing: text)
        var reading = KRReading(kind: measure.target != nil || measure.change != nil ? .change : .unmeasurable, tokens: tokens)
        reading.metric = measure.metric
        reading.metricKey = measure.metric
        reading.baseline = measure.baseline.flatMap(quantity)
        reading.target = measure.target.flatMap(quantity)
        reading.change = measure.change.flatMap(quantity)
        reading.unit = measure.unit
        reading.deadline = measure.deadline
        if let b = reading.baseline?.value, let t = reading.target?.value { reading.direction = t < b ? .down : t > b ? .up : .hold }
        return reading
    }

    public static func read(objective text: String) -> ObjectiveReading {
        ObjectiveReading(kind: .direction, tokens: tag(text))
    }

    private static func quantity(_ text: String) -> Quantity? {
        let digits = text.filter { $0.isNumber || $0 == "." }
        guard let value = Double(digits) else { return nil }
        return Quantity(value: value, text: text, unit: text.hasSuffix("%") ? "%" : text.hasPrefix("$") ? "$" : nil)
    }
}
