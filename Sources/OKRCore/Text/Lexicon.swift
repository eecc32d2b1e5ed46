/// A word class, or a set of them (`classes(of:)` answers a union).
public struct WordClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let noun = WordClass(rawValue: 1 << 0)
    public static let verb = WordClass(rawValue: 1 << 1)
    public static let adjective = WordClass(rawValue: 1 << 2)
    public static let adverb = WordClass(rawValue: 1 << 3)
}

/// How a word form relates to its lemma.
public enum Inflection: UInt8, Sendable {
    /// The lemma itself, or a spelling variant of it ("co-ordinate"), or "am"/"are" for be.
    case base
    case plural
    /// Third person singular present: "calls", "goes", "is".
    case thirdPerson
    /// Past tense or past participle, one form for both: "hired", "planned", "bought", "cut".
    case past
    /// Simple past only, for verbs whose participle differs: "went", "sang", "was".
    case pastTense
    /// Past participle only: "gone", "sung", "been", "proven".
    case pastParticiple
    /// Gerund or present participle: "hiring".
    case gerund
    case comparative
    case superlative
}

/// One way to read a word form: as which class, of which lemma, inflected how.
public struct LexicalReading: Sendable, Hashable {
    /// Exactly one class.
    public let wordClass: WordClass
    public let lemma: String
    public let inflection: Inflection
    /// WordNet's semantic-concordance tag count, summed over the lemma's senses in this class:
    /// how often the lemma was seen used in this class. 0 for most rare words.
    public let frequency: Int

    public init(wordClass: WordClass, lemma: String, inflection: Inflection, frequency: Int) {
        self.wordClass = wordClass
        self.lemma = lemma
        self.inflection = inflection
        self.frequency = frequency
    }
}

/// English word forms with their classes, lemmas and inflections, from WordNet 3.0
/// (rules/lexicon/english.tsv, made by rules/lexicon/make-lexicon.py; the format is described
/// there). Every form is a key of one dictionary, built once on first use.
public struct Lexicon: Sendable {
    /// The lexicon built into the binary, built on first use: about 160,000 forms, some 65 ms of
    /// CPU and 24 MB in a release build.
    public static let english = Lexicon(tsv: embeddedText)

    static let embeddedPath = "lexicon/english.tsv"
    static var embeddedText: String { EmbeddedRules.files.first { $0.path == embeddedPath }?.text ?? "" }

    private let forms: [String: [LexicalReading]]
    /// 1-based numbers of the lines that could not be read (and were left out); empty for good data.
    public let malformedLines: [Int]
    /// How many distinct word forms the lexicon knows.
    public var formCount: Int { forms.count }

    /// All readings of a lower-cased word form, most frequent class first; empty if unknown.
    public func readings(of word: String) -> [LexicalReading] {
        forms[word] ?? []
    }

    /// The union of the classes the word form can have; empty if unknown.
    public func classes(of word: String) -> WordClass {
        var result: WordClass = []
        for reading in forms[word] ?? [] { result.formUnion(reading.wordClass) }
        return result
    }

    /// The lemma of the word form's most frequent reading in one of `wordClass`, if it has one.
    public func lemma(of word: String, as wordClass: WordClass) -> String? {
        forms[word]?.first { !$0.wordClass.isDisjoint(with: wordClass) }?.lemma
    }

    public func isKnown(_ word: String) -> Bool {
        forms[word] != nil
    }

    /// Reads the text format of english.tsv. A malformed line is left out whole and its number
    /// kept in `malformedLines`.
    public init(tsv text: String) {
        var text = text
        var parser = Parser()
        text.withUTF8 { parser.parse($0) }
        forms = parser.forms
        malformedLines = parser.malformedLines
    }

    /// Most frequent first; ties in class order (noun, verb, adjective, adverb), then base
    /// before inflected forms, then by lemma, so the order never depends on the data's order.
    static func precedes(_ a: LexicalReading, _ b: LexicalReading) -> Bool {
        if a.frequency != b.frequency { return a.frequency > b.frequency }
        if a.wordClass.rawValue != b.wordClass.rawValue { return a.wordClass.rawValue < b.wordClass.rawValue }
        if a.inflection != b.inflection { return a.inflection.rawValue < b.inflection.rawValue }
        return a.lemma < b.lemma
    }
}

/// One pass over the bytes of english.tsv. Each line is read twice: once to check it, once to
/// add its readings, so a malformed line adds nothing.
private struct Parser {
    var forms: [String: [LexicalReading]] = [:]
    var malformedLines: [Int] = []
    private var form: [UInt8] = []

    private static let tab = UInt8(ascii: "\t"), space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")

    mutating func parse(_ s: UnsafeBufferPointer<UInt8>) {
        forms.reserveCapacity(s.count / 8)
        var start = 0
        var lineNumber = 0
        while start < s.count {
            var end = start
            while end < s.count, s[end] != Parser.newline { end += 1 }
            lineNumber += 1
            if end > start, s[start] != UInt8(ascii: "#") {
                if line(s, start, end, add: false) {
                    _ = line(s, start, end, add: true)
                } else {
                    malformedLines.append(lineNumber)
                }
            }
            start = end + 1
        }
    }

    /// Adds a reading to a form's readings, in `Lexicon.precedes` order (they are few).
    private mutating func add(_ form: String, _ reading: LexicalReading) {
        forms[form, default: []].insertInOrder(reading)
    }

    /// `lemma TAB block [TAB block...]`, a block being `class[count] form...`. Checks the line,
    /// and adds its readings too if `add`.
    private mutating func line(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, add: Bool) -> Bool {
        var i = start
        while i < end, s[i] != Parser.tab, s[i] != Parser.space { i += 1 }
        guard i > start, i < end, s[i] == Parser.tab else { return false }
        let lemmaBytes = UnsafeBufferPointer(rebasing: s[start..<i])
        let lemma = add ? String(decoding: lemmaBytes, as: UTF8.self) : ""
        while i < end {
            i += 1  // the tab before a block
            guard i < end, let wordClass = Parser.wordClass(s[i]) else { return false }
            i += 1
            var frequency = 0
            var digits = 0
            while i < end, let digit = Parser.digit(s[i]) {
                frequency = frequency * 10 + digit
                digits += 1
                i += 1
            }
            guard digits <= 9 else { return false }
            if add {
                self.add(lemma, LexicalReading(wordClass: wordClass, lemma: lemma, inflection: .base, frequency: frequency))
            }
            while i < end, s[i] == Parser.space {
                i += 1
                guard i < end, let inflection = Parser.inflection(s[i]) else { return false }
                i += 1
                var tokenEnd = i
                while tokenEnd < end, s[tokenEnd] != Parser.space, s[tokenEnd] != Parser.tab { tokenEnd += 1 }
                form.removeAll(keepingCapacity: true)
                if i < tokenEnd, s[i] == UInt8(ascii: "=") {
                    form.append(contentsOf: s[(i + 1)..<tokenEnd])
                } else {
                    var strip = 0
                    if i < tokenEnd, let digit = Parser.digit(s[i]) {
                        strip = digit
                        i += 1
                    }
                    guard strip <= lemmaBytes.count else { return false }
                    form.append(contentsOf: lemmaBytes[0..<(lemmaBytes.count - strip)])
                    form.append(contentsOf: s[i..<tokenEnd])
                }
                guard !form.isEmpty else { return false }
                if add {
                    self.add(String(decoding: form, as: UTF8.self),
                             LexicalReading(wordClass: wordClass, lemma: lemma, inflection: inflection, frequency: frequency))
                }
                i = tokenEnd
            }
            guard i == end || s[i] == Parser.tab else { return false }
        }
        return true
    }

    private static func digit(_ c: UInt8) -> Int? {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") ? Int(c - UInt8(ascii: "0")) : nil
    }

    private static func wordClass(_ c: UInt8) -> WordClass? {
        switch c {
        case UInt8(ascii: "n"): .noun
        case UInt8(ascii: "v"): .verb
        case UInt8(ascii: "a"): .adjective
        case UInt8(ascii: "r"): .adverb
        default: nil
        }
    }

    private static func inflection(_ c: UInt8) -> Inflection? {
        switch c {
        case UInt8(ascii: "B"): .base
        case UInt8(ascii: "P"): .plural
        case UInt8(ascii: "S"): .thirdPerson
        case UInt8(ascii: "D"): .past
        case UInt8(ascii: "T"): .pastTense
        case UInt8(ascii: "N"): .pastParticiple
        case UInt8(ascii: "G"): .gerund
        case UInt8(ascii: "C"): .comparative
        case UInt8(ascii: "X"): .superlative
        default: nil
        }
    }
}

private extension Array where Element == LexicalReading {
    mutating func insertInOrder(_ reading: LexicalReading) {
        var index = endIndex
        while index > startIndex, Lexicon.precedes(reading, self[index - 1]) { index -= 1 }
        insert(reading, at: index)
    }
}
