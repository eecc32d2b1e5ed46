/// What the analyser reads in a key result: what kind of statement it is and its parts.
/// "Cut p95 API latency from 900 ms to 300 ms by June" is a `.change` of "p95 api latency",
/// direction down, baseline 900 ms, target 300 ms, deadline "June".
public struct KRReading: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// A metric asked to move: the shape of a key result.
        case change
        /// A level to hold or a threshold with no change asked: a KPI.
        case level
        /// A milestone or state to reach, a piece of work, stated as to-do or as done: a task.
        case milestone
        /// A count of activity or of things produced: an output.
        case activity
        /// A duty repeated on a cadence ("close the books every month"): a KPI.
        case routine
        /// Neither measurable nor a piece of work.
        case unmeasurable
    }

    public enum Direction: String, Hashable, Sendable {
        case up, down, hold
    }

    public enum Comparator: String, Hashable, Sendable {
        case atMost, below, atLeast, above, exactly
    }

    public var kind: Kind
    /// The tokens of the metric phrase (indices into `tokens`, in order), empty when the line
    /// names none. The phrase's text and key are made from them only when asked for: most lines
    /// are checked without either being read.
    public var metricTokens: [Int] = []
    /// A metric given as text instead of by its tokens (readings built by hand, in tests).
    private var metricText: String?
    /// The metric phrase as written, lower-cased ("p95 api latency").
    public var metric: String? {
        get { metricText ?? (metricTokens.isEmpty ? nil : TaggedToken.joined(tokens, metricTokens)) }
        set {
            metricText = newValue
            metricTokens = []
        }
    }
    /// Whether the line names a metric, without building its text.
    public var hasMetric: Bool { metricText != nil || !metricTokens.isEmpty }
    /// The tokens the metric spans, first to last (nil when there is none or it cannot be found).
    var metricRange: Range<Int>? {
        if let metricText { return RuleLine.tokenRange(of: metricText, in: tokens) }
        guard let first = metricTokens.first, let last = metricTokens.last else { return nil }
        return first..<(last + 1)
    }
    /// The metric normalised for comparison: lemmas, synonyms and units folded ("p95 api latency").
    public var metricKey: String? { metricTokens.isEmpty ? nil : MetricKey.text(tokens, metricTokens, words: .shared) }
    /// `metricKey` as a hash, built without a string.
    var metricKeyHash: UInt64? { metricTokens.isEmpty ? nil : MetricKey.hash(tokens, metricTokens, words: .shared) }
    public var direction: Direction?
    public var baseline: Quantity?
    public var target: Quantity?
    /// A relative change: "by 20%", "by 10 points", "double" (2x).
    public var change: Quantity?
    public var comparator: Comparator?
    public var unit: String?
    public var deadline: String?
    public var cadence: String?
    /// The line joins two outcomes with "and" ("Raise NPS to 50 and cut churn to 2%").
    public var joinsOutcomes: Bool
    /// The index in `tokens` of the words a finding about this reading should point at, and how many.
    public var focus: Range<Int>
    /// The line's tokens, tagged.
    public var tokens: [TaggedToken]
    /// A short reason in words, for `okr explain --reading` and tests ("past participle 'hired' after a noun").
    public var evidence: String

    public init(kind: Kind, tokens: [TaggedToken], focus: Range<Int> = 0..<0, evidence: String = "") {
        self.kind = kind
        self.tokens = tokens
        self.focus = focus
        self.joinsOutcomes = false
        self.evidence = evidence
    }

    /// The column a finding should point at (1 when the line is empty).
    public var focusColumn: Int { focus.lowerBound < tokens.count ? tokens[focus.lowerBound].column : 1 }
}

/// A number as the line states it, with what it counts.
public struct Quantity: Hashable, Sendable {
    public var value: Double
    /// As written, normalised lightly: "8%", "$1.2M", "300 ms".
    public var text: String {
        get { textWord.string }
        set { textWord = Word(newValue) }
    }
    /// "%", "$", "ms", "days", "points", or nil.
    public var unit: String? {
        get { unitWord?.string }
        set { unitWord = newValue.map(Word.init) }
    }
    /// The text and unit as words: plain bits, so a reading copies without reference counting.
    var textWord: Word
    var unitWord: Word?

    public init(value: Double, text: String, unit: String? = nil) {
        self.init(value: value, text: Word(text), unit: unit.map(Word.init))
    }

    init(value: Double, text: Word, unit: Word?) {
        self.value = value
        textWord = text
        unitWord = unit
    }
}
