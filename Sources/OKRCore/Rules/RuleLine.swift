/// One line (a key result, an objective's title or a set's title) as every rule sees it. The
/// engine builds it once per line, so the analyser runs once however many rules look (a class,
/// so handing it to each rule passes a reference, not a copy of its arrays and strings).
final class RuleLine: Sendable {
    let text: String
    /// Whether the text is all ASCII, where a column in characters is a byte offset: slices are
    /// then cut by offset instead of walking the text.
    let isASCII: Bool
    let tokens: [TaggedToken]
    /// The reading of a key result or an objective (neither for a set's title), stored apart so a
    /// rule reads a part of it in place instead of copying the whole reading out of an enum.
    let keyResult: KRReading?
    let objective: ObjectiveReading?
    /// The reading's focus: the words a finding about the reading points at.
    let readingFocus: Range<Int>
    /// The reading's parts conditions test, packed (empty for a set's title).
    let facts: ReadingFacts
    /// The engine's word table, and each token's lemma and text as ids in it (-1 for words no
    /// rule names): looked up up front when a pattern runs on every line, else when first asked.
    let words: WordTable
    /// Token i's lemma id at 2i and its text id at 2i + 1: one list, one allocation a line.
    let ids: [Int32]

    init(text: String, target: RuleTarget, words: WordTable, precomputeIDs: Bool = true, cache: TagCache? = nil) {
        self.text = text
        isASCII = Self.isASCII(text)
        switch target {
        case .kr:
            let reading = Analyser.read(keyResult: text, cache: cache)
            keyResult = reading
            objective = nil
            readingFocus = reading.focus
            tokens = reading.tokens
            facts = ReadingFacts(reading)
        case .objective:
            let reading = Analyser.read(objective: text, cache: cache)
            keyResult = nil
            objective = reading
            readingFocus = reading.focus
            tokens = reading.tokens
            facts = ReadingFacts(reading)
        case .set:
            keyResult = nil
            objective = nil
            readingFocus = 0..<0
            tokens = Analyser.tag(text, cache: cache)
            facts = ReadingFacts()
        }
        self.words = words
        if words.isEmpty || !precomputeIDs {
            ids = []
        } else {
            let tokens = tokens
            ids = [Int32](unsafeUninitializedCapacity: 2 * tokens.count) { out, made in
                for (i, token) in tokens.enumerated() {
                    out[2 * i] = words.id(of: token.lemma)
                    out[2 * i + 1] = words.id(of: token.text)
                }
                made = 2 * tokens.count
            }
        }
    }

    /// A key result with a reading given whole (tests of templates and kinds, apart from the analyser).
    init(text: String, reading: KRReading, words: WordTable = WordTable()) {
        self.text = text
        isASCII = Self.isASCII(text)
        keyResult = reading
        objective = nil
        readingFocus = reading.focus
        tokens = reading.tokens
        facts = ReadingFacts(reading)
        self.words = words
        ids = []
    }

    @inline(__always) func lemmaID(_ i: Int) -> Int32 { ids.isEmpty ? words.id(of: tokens[i].lemma) : ids[2 * i] }
    @inline(__always) func textID(_ i: Int) -> Int32 { ids.isEmpty ? words.id(of: tokens[i].text) : ids[2 * i + 1] }

    /// The line's own text for tokens `range`, as written: from the first token to where the next
    /// begins (or the line ends), so signs such as "%" stay with their number.
    func slice(_ range: Range<Int>) -> String? {
        guard !range.isEmpty, range.upperBound <= tokens.count else { return nil }
        if isASCII { return asciiSlice(range) }
        let scalars = text.unicodeScalars
        let start = tokens[range.lowerBound].column - 1
        guard start >= 0, let from = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex) else { return nil }
        var to = scalars.endIndex
        if range.upperBound < tokens.count {
            let length = tokens[range.upperBound].column - 1 - start
            guard length > 0, let end = scalars.index(from, offsetBy: length, limitedBy: scalars.endIndex) else { return nil }
            to = end
        }
        var piece = scalars[from..<to]
        while let last = piece.last, last.properties.isWhitespace || last == "," || last == ";" || last == ":" || last == "-" { piece = piece.dropLast() }
        return piece.isEmpty ? nil : String(piece)
    }

    /// `slice` for an ASCII text, by byte offsets; the same trimming of spaces and , ; : - at the end.
    private func asciiSlice(_ range: Range<Int>) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            let start = tokens[range.lowerBound].column - 1
            guard start >= 0, start <= bytes.count else { return nil }
            var end = bytes.count
            if range.upperBound < tokens.count {
                end = tokens[range.upperBound].column - 1
                guard end > start, end <= bytes.count else { return nil }
            }
            while end > start {
                let last = bytes[end - 1]
                guard last == 0x20 || (0x09...0x0D).contains(last) || last == UInt8(ascii: ",") || last == UInt8(ascii: ";")
                        || last == UInt8(ascii: ":") || last == UInt8(ascii: "-") else { break }
                end -= 1
            }
            return end > start ? String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self) : nil
        }
    }

    /// Eight bytes at a time: a line is tested once, but every line is.
    static func isASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            var i = 0
            var high: UInt64 = 0
            while i + 8 <= bytes.count {
                high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            }
            while i < bytes.count {
                high |= UInt64(bytes[i])
                i += 1
            }
            return high & 0x8080_8080_8080_8080 == 0
        }
    }

    /// The tokens whose texts, joined by single spaces, spell `phrase` (the analyser's metric is
    /// written so), or nil. Compares bytes: no string is built.
    static func tokenRange(of phrase: String, in tokens: [TaggedToken]) -> Range<Int>? {
        var phrase = phrase
        return phrase.withUTF8 { target -> Range<Int>? in
            guard !target.isEmpty else { return nil }
            for start in tokens.indices {
                var at = 0
                var end = start
                while end < tokens.count {
                    let matched = tokens[end].text.matches(target, at: at)
                    guard matched > 0 else { break }
                    at += matched
                    end += 1
                    if at == target.count { return start..<end }
                    guard target[at] == UInt8(ascii: " ") else { break }
                    at += 1
                }
            }
            return nil
        }
    }

    /// What lies between token `i - 1` and token `i` in the text ("-" in "sign-on").
    func gap(before i: Int) -> String {
        guard i > 0, i < tokens.count else { return "" }
        let start = tokens[i - 1].column - 1 + tokens[i - 1].length, end = tokens[i].column - 1
        guard start < end else { return "" }  // touching tokens: nothing between, and no index walked
        let scalars = text.unicodeScalars
        let from = scalars.index(scalars.startIndex, offsetBy: start)
        return String(scalars[from..<scalars.index(from, offsetBy: end - start)])
    }
}

/// Where a rule found its problem: the tokens the finding points at.
struct RuleHit: Hashable, Sendable {
    var focus: Range<Int>
}
