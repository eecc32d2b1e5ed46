/// One token of a line as the analyser sees it: the word as written (lower-cased), its lemma and
/// word classes from the lexicon, and a tag for what it stands for (a number, a date, a comparator...).
public struct TaggedToken: Hashable, Sendable {
    public enum Tag: String, Hashable, Sendable {
        case word
        /// A plain number: `40`, `1,200`, `3.5k`.
        case number
        /// A number written as words: "three", "a dozen", "twice".
        case numberWord
        case percent
        case money
        /// A length of time: "40 days", "2 hours", "90 minutes" (the number token carries the tag).
        case duration
        /// A calendar date or month: "July 28", "Aug", "2027-03-01", "end of March".
        case date
        /// A quarter, half or fiscal period: "Q3", "H2", "FY27".
        case quarter
        case year
        /// ≤ < > ≥ "at most" "below" "no more than" "under" "over" "at least" "above".
        case comparator
        /// "every month", "weekly", "each quarter", "by the 10th of each month", "a week".
        case cadence
        /// "all", "every", "each", "100% of", "no", "zero".
        case quantifier
        case punctuation
    }

    /// The text as written, lower-cased (punctuation as its character).
    public var text: Word
    /// The dictionary form ("hired" → "hire", "calls" → "call"); the text itself when unknown.
    public var lemma: Word
    /// Every class the lexicon knows for the word (empty for numbers, punctuation, unknown words).
    public var classes: WordClass
    public var tag: Tag
    /// 1-based column of the token's first character in the line (Unicode scalars).
    public var column: Int
    /// Length of the token in Unicode scalars, so a finding can underline it.
    public var length: Int
    /// The value of a number, number word, percentage or amount of money, when it has one.
    public var value: Double?
    /// For quantities: "%", "$", "x", or a folded unit such as "ms", "day", "h".
    public var unit: String? {
        get { unitWord?.string }
        set { unitWord = newValue.map(Word.init) }
    }
    /// The unit as a word: plain bits, so a token copies without reference counting.
    public var unitWord: Word?
    /// The verb form when the lexicon knows the word as a verb ("hired" -> past), else nil.
    public var verbForm: Inflection?
    /// How deep inside brackets the token is: owners and notes "(DRI: Ana)" are at depth 1.
    public var depth: UInt8 = 0
    /// Whether the lexicon's most frequent reading of the word is a verb ("hire", "launch"), as
    /// against a noun ("chat", "post").
    public var verbFirst = false
    /// Whether the lexicon reads the word as a plural noun ("calls", "entries").
    public var plural = false
    /// Whether the lexicon reads the word as a comparative ("smoother", "better").
    public var comparative = false
    /// Whether any verb reading of the word is its base form ("lay" as well as "lie"'s past).
    public var baseVerb = false
    /// Whether the word was written with a capital first letter (a position, not a word's trait:
    /// set per occurrence).
    public var capitalised = false

    public init(text: Word, lemma: Word, classes: WordClass, tag: Tag, column: Int, length: Int, value: Double? = nil) {
        self.text = text
        self.lemma = lemma
        self.classes = classes
        self.tag = tag
        self.column = column
        self.length = length
        self.value = value
    }

    public func isWord(_ word: String) -> Bool { tag != .punctuation && (text == word || lemma == word) }
    public func isWord(_ word: Word) -> Bool { tag != .punctuation && (text == word || lemma == word) }
    public var isVerb: Bool { classes.contains(.verb) }
    public var isNoun: Bool { classes.contains(.noun) }

    public var isQuantity: Bool { tag == .number || tag == .numberWord || tag == .percent || tag == .money || tag == .duration }
}

extension TaggedToken {
    /// Tokens `indices` of `tokens` joined as written: no space where the line had none
    /// ("2027-06-30", "time-to-hire"); an amount of money with its sign.
    static func joined<C: Collection>(_ tokens: [TaggedToken], _ indices: C) -> String where C.Element == Int {
        var out = ""
        out.reserveCapacity(64)
        var previousEnd: Int?
        for i in indices {
            if let end = previousEnd, end != tokens[i].column { out += " " }
            out += tokens[i].tag == .money ? (tokens[i].unit ?? "") + tokens[i].text.string : tokens[i].text.string
            previousEnd = tokens[i].column + tokens[i].length
        }
        return out
    }
}
