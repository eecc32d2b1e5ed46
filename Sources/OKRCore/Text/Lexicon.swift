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
/// there). Built on first use into a hash index over the file's own bytes: each form's hash points
/// at the line of its lemma, and a lookup decodes that line. No string is made per form, so
/// building it is one quick pass, not 160,000 allocations.
public struct Lexicon: Sendable {
    /// The lexicon built into the binary, indexed on first use.
    public static let english = Lexicon(tsv: embeddedText)

    static let embeddedPath = "lexicon/english.tsv"
    static var embeddedText: String { EmbeddedRules.files.first { $0.path == embeddedPath }?.text ?? "" }

    private let bytes: [UInt8]
    /// Open addressing: a form's FNV hash (0 = empty slot) and the start of a line that has it. A
    /// form with readings on several lines ("saw") takes a slot per line.
    private let keys: [UInt64]
    private let lineStarts: [UInt32]
    private let mask: Int
    /// 1-based numbers of the lines that could not be read (and were left out); empty for good data.
    public let malformedLines: [Int]
    /// How many distinct word forms the lexicon knows.
    public let formCount: Int

    /// All readings of a lower-cased word form, most frequent class first; empty if unknown.
    public func readings(of word: String) -> [LexicalReading] {
        readings(of: Word(word))
    }

    func readings(of word: Word) -> [LexicalReading] {
        var matcher = FormMatcher(target: Array(word.utf8))
        var i = Int(truncatingIfNeeded: word.key) & mask
        bytes.withUnsafeBufferPointer { s in
            while keys[i] != 0 {
                if keys[i] == word.key {
                    let start = Int(lineStarts[i])
                    var end = start
                    while end < s.count, s[end] != LexiconParser.newline { end += 1 }
                    _ = LexiconParser.line(s, start, end, &matcher)
                }
                i = (i + 1) & mask
            }
        }
        return matcher.found
    }

    /// The union of the classes the word form can have; empty if unknown.
    public func classes(of word: String) -> WordClass {
        var result: WordClass = []
        for reading in readings(of: word) { result.formUnion(reading.wordClass) }
        return result
    }

    /// The lemma of the word form's most frequent reading in one of `wordClass`, if it has one.
    public func lemma(of word: String, as wordClass: WordClass) -> String? {
        readings(of: word).first { !$0.wordClass.isDisjoint(with: wordClass) }?.lemma
    }

    public func isKnown(_ word: String) -> Bool {
        !readings(of: word).isEmpty
    }

    /// Indexes the text format of english.tsv. A malformed line is left out whole and its number
    /// kept in `malformedLines`.
    public init(tsv text: String) {
        bytes = Array(text.utf8)
        // Every form is a word between spaces or tabs, so their count bounds the slots needed.
        var words = 1
        for byte in bytes where byte == LexiconParser.space || byte == LexiconParser.tab || byte == LexiconParser.newline { words += 1 }
        var size = 16
        while size < words * 2 { size <<= 1 }
        var index = LineIndexer(size: size)
        var malformed: [Int] = []
        bytes.withUnsafeBufferPointer { s in
            var start = 0
            var lineNumber = 0
            while start < s.count {
                var end = start
                while end < s.count, s[end] != LexiconParser.newline { end += 1 }
                lineNumber += 1
                if end > start, s[start] != UInt8(ascii: "#") {
                    index.startLine(UInt32(start))
                    if !LexiconParser.line(s, start, end, &index) {
                        // Indexed as it was read: a line found malformed half-way takes its forms back.
                        index.undoLine()
                        malformed.append(lineNumber)
                    }
                }
                start = end + 1
            }
        }
        (keys, lineStarts) = index.finish()
        mask = size - 1
        formCount = index.distinct
        malformedLines = malformed
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

/// What the parser does with each form of a line it reads. A form is handed over as the lemma's
/// first `kept` bytes and a suffix (a form written whole after "=" keeps none), so no form is
/// spelled out unless a visitor needs it.
private protocol FormVisitor {
    /// Called once a line, with its lemma, before its forms.
    mutating func start(lemma: UnsafeBufferPointer<UInt8>)
    mutating func visit(lemma: UnsafeBufferPointer<UInt8>, kept: Int, suffix: UnsafeBufferPointer<UInt8>, wordClass: WordClass,
                        inflection: Inflection, frequency: Int)
}

/// Puts each form of a line in the index once (a form can repeat across a line's class blocks).
private struct LineIndexer: FormVisitor {
    /// The table while it is built, as raw buffers: no bounds or uniqueness checks on the
    /// quarter of a million inserts at start-up. `finish()` hands them over as arrays.
    private let keys: UnsafeMutableBufferPointer<UInt64>
    private let lines: UnsafeMutableBufferPointer<UInt32>
    let mask: Int
    private var line: UInt32 = 0
    /// The current line's forms (a form can repeat across its class blocks) and the slots they took.
    private var taken: [(slot: Int, new: Bool)] = []
    /// How many of `taken` belong to the current line (the array is reused, not cleared).
    private var takenCount = 0
    private(set) var distinct = 0

    init(size: Int) {
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0)
        lines = .allocate(capacity: size)
        lines.initialize(repeating: 0)
        mask = size - 1
    }

    /// The table as arrays; the buffers are freed.
    func finish() -> (keys: [UInt64], lines: [UInt32]) {
        defer {
            keys.deallocate()
            lines.deallocate()
        }
        return (Array(keys), Array(lines))
    }

    mutating func startLine(_ start: UInt32) {
        line = start
        takenCount = 0
    }

    /// Frees the current line's slots, last first: only this line's later forms can have probed
    /// past them, so no other chain is broken.
    mutating func undoLine() {
        for (slot, new) in taken[0..<takenCount].reversed() {
            keys[slot] = 0
            if new { distinct -= 1 }
        }
        takenCount = 0
    }

    /// The hash states after the current lemma's first k bytes, so each form is hashed from its
    /// lemma's prefix and its suffix: the pass at start-up is a few instructions a byte.
    private var prefixes: [Word.FNV] = []

    mutating func start(lemma: UnsafeBufferPointer<UInt8>) {
        // Overwritten in place, line after line: the array only ever grows to the longest lemma.
        if prefixes.count <= lemma.count { prefixes += Array(repeating: Word.FNV(), count: lemma.count + 1 - prefixes.count) }
        var hash = Word.FNV()
        prefixes[0] = hash
        for (k, byte) in lemma.enumerated() {
            hash.add(byte)
            prefixes[k + 1] = hash
        }
    }

    mutating func visit(lemma: UnsafeBufferPointer<UInt8>, kept: Int, suffix: UnsafeBufferPointer<UInt8>, wordClass: WordClass,
                        inflection: Inflection, frequency: Int) {
        var hash = prefixes[kept]
        for byte in suffix { hash.add(byte) }
        add(hash.value)
    }

    private mutating func add(_ key: UInt64) {
        for k in 0..<takenCount where keys[taken[k].slot] == key { return }
        var i = Int(truncatingIfNeeded: key) & mask
        var known = false
        while keys[i] != 0 {
            if keys[i] == key { known = true }
            i = (i + 1) & mask
        }
        keys[i] = key
        lines[i] = line
        if takenCount < taken.count { taken[takenCount] = (i, !known) } else { taken.append((i, !known)) }
        takenCount += 1
        if !known { distinct += 1 }
    }
}

/// Collects the readings of one form, in `Lexicon.precedes` order.
private struct FormMatcher: FormVisitor {
    let target: [UInt8]
    var found: [LexicalReading] = []

    mutating func start(lemma: UnsafeBufferPointer<UInt8>) {}

    mutating func visit(lemma: UnsafeBufferPointer<UInt8>, kept: Int, suffix: UnsafeBufferPointer<UInt8>, wordClass: WordClass,
                        inflection: Inflection, frequency: Int) {
        guard kept + suffix.count == target.count,
              target[0..<kept].elementsEqual(lemma[0..<kept]), target[kept...].elementsEqual(suffix) else { return }
        let reading = LexicalReading(wordClass: wordClass, lemma: String(decoding: lemma, as: UTF8.self), inflection: inflection,
                                     frequency: frequency)
        var index = found.endIndex
        while index > found.startIndex, Lexicon.precedes(reading, found[index - 1]) { index -= 1 }
        found.insert(reading, at: index)
    }
}

/// Reads one line of english.tsv: `lemma TAB block [TAB block...]`, a block being
/// `class[count] form...`. Returns whether the line is well formed; hands each form to the visitor.
private enum LexiconParser {
    static let tab = UInt8(ascii: "\t"), space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")

    static func line<V: FormVisitor>(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ visitor: inout V) -> Bool {
        var i = start
        while i < end, s[i] != tab, s[i] != space { i += 1 }
        guard i > start, i < end, s[i] == tab else { return false }
        let lemma = UnsafeBufferPointer(rebasing: s[start..<i])
        let none = UnsafeBufferPointer(rebasing: s[i..<i])
        visitor.start(lemma: lemma)
        while i < end {
            i += 1  // the tab before a block
            guard i < end, let wordClass = wordClass(s[i]) else { return false }
            i += 1
            var frequency = 0
            var digits = 0
            while i < end, let digit = digit(s[i]) {
                frequency = frequency * 10 + digit
                digits += 1
                i += 1
            }
            guard digits <= 9 else { return false }
            visitor.visit(lemma: lemma, kept: lemma.count, suffix: none, wordClass: wordClass, inflection: .base, frequency: frequency)
            while i < end, s[i] == space {
                i += 1
                guard i < end, let inflection = inflection(s[i]) else { return false }
                i += 1
                var tokenEnd = i
                while tokenEnd < end, s[tokenEnd] != space, s[tokenEnd] != tab { tokenEnd += 1 }
                var kept = 0
                if i < tokenEnd, s[i] == UInt8(ascii: "=") {
                    i += 1
                } else {
                    var strip = 0
                    if i < tokenEnd, let digit = digit(s[i]) {
                        strip = digit
                        i += 1
                    }
                    guard strip <= lemma.count else { return false }
                    kept = lemma.count - strip
                }
                guard kept + (tokenEnd - i) > 0 else { return false }
                visitor.visit(lemma: lemma, kept: kept, suffix: UnsafeBufferPointer(rebasing: s[i..<tokenEnd]), wordClass: wordClass,
                              inflection: inflection, frequency: frequency)
                i = tokenEnd
            }
            guard i == end || s[i] == tab else { return false }
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
