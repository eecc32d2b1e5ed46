/// Turns a line into tagged tokens: lemma and word classes from the lexicon, and tags for
/// numbers, number words, percentages, money, durations, dates, quarters, comparators,
/// cadences and quantifiers. One pass to scan, then a few passes over the short token list.
enum Tagger {
    static func tag(_ text: String, cache: TagCache? = nil) -> [TaggedToken] {
        // Every token takes at least a byte, so a buffer of the line's byte count holds them all:
        // tokens are written there with no check per token, then copied out once, at their size.
        // The cache lends its buffer, kept from line to line.
        let capacity = max(text.utf8.count, 1)
        let buffer = cache?.scratch(capacity) ?? UnsafeMutablePointer<TaggedToken>.allocate(capacity: capacity)
        defer { if cache == nil { buffer.deallocate() } }
        var sink = Sink(cache: cache, buffer: buffer)
        Scanner.scan(text, into: &sink)
        let count = sink.count
        var tokens = [TaggedToken](unsafeUninitializedCapacity: count) { out, made in
            out.baseAddress!.moveInitialize(from: buffer, count: count)
            made = count
        }
        tagISODates(&tokens)
        foldNumbers(&tokens, words: .shared)
        tagPhrases(&tokens)
        return tokens
    }

    /// Tags each token as the scanner reads it.
    private struct Sink: Scanner.Sink {
        let cache: TagCache?
        let buffer: UnsafeMutablePointer<TaggedToken>
        var count = 0

        mutating func add(_ raw: Scanner.Raw) {
            // A word is tagged the same wherever it stands: the cache keeps its token, less the position.
            if raw.kind == .word, let cache {
                let word = raw.word
                if var known = cache.token(word) {
                    known.column = raw.column
                    known.length = raw.length
                    known.depth = raw.depth
                    known.capitalised = raw.capitalised
                    (buffer + count).initialize(to: known)
                } else {
                    let fresh = Tagger.token(raw)
                    cache.insert(fresh, for: word)
                    (buffer + count).initialize(to: fresh)
                }
            } else {
                (buffer + count).initialize(to: Tagger.token(raw))
            }
            count += 1
        }
    }

    /// A token tagged afresh: the lexicon and word lists are read only here, where a word is new.
    private static func token(_ raw: Scanner.Raw) -> TaggedToken {
        let lexicon = Lexicon.english, words = OKRWords.shared
        let word = raw.word
        var t = TaggedToken(text: word, lemma: word, classes: [], tag: .word, column: raw.column, length: raw.length)
        t.depth = raw.depth
        t.capitalised = raw.capitalised
        switch raw.kind {
        case .punctuation:
            t.tag = Tagger.comparatorSigns.contains(word) ? .comparator : .punctuation
        case .number:
            t.value = raw.value
            switch raw.unit?.string {
            case "%": t.tag = .percent; t.unit = "%"
            case "$", "€", "£", "¥": t.tag = .money; t.unitWord = raw.unit
            case "x": t.tag = .number; t.unit = "x"
            case "th": t.tag = .date; t.unit = "th"
            case let unit?:
                if let folded = words.units[Word(unit)] {
                    t.unitWord = folded
                    t.tag = timeUnits.contains(folded) ? .duration : folded == "%" ? .percent : .number
                } else {
                    t.tag = .word  // "2fa", "3d" as a name
                    t.text = Word(word.string + unit)
                    t.lemma = t.text
                    t.value = nil
                }
            case nil:
                let isYear = !raw.grouped && !raw.decimal && word.byteCount == 4 && (1900...2199).contains(Int(raw.value))
                t.tag = isYear ? .year : .number
            }
        case .word:
            let w = word
            if let quarter = quarterTag(w.string) {
                t.tag = quarter
                return t
            }
            if months.contains(w) { t.tag = .date; return t }
            if let value = numberWords[w] { t.tag = .numberWord; t.value = value; return t }
            var readings = lexicon.readings(of: w)
            // "relaunch", "rebrand", "reonboard": WordNet lacks most verbs made again with "re-";
            // they read as the verb they repeat.
            if readings.isEmpty, w.utf8.count >= 6, w.hasPrefix("re") {
                readings = lexicon.readings(of: String(w.string.dropFirst(2))).compactMap { r in
                    r.wordClass == .verb ? LexicalReading(wordClass: .verb, lemma: "re" + r.lemma, inflection: r.inflection, frequency: r.frequency) : nil
                }
            }
            var classes: WordClass = []
            for reading in readings {
                classes.formUnion(reading.wordClass)
                if reading.wordClass == .verb, t.verbForm == nil { t.verbForm = reading.inflection }
                if reading.wordClass == .noun, reading.inflection == .plural { t.plural = true }
                // A comparative only where that is the word's usual reading ("smoother", not "offer").
                if reading.inflection == .comparative, readings.allSatisfy({ $0.inflection == .comparative || $0.frequency <= reading.frequency }) {
                    t.comparative = true
                }
                if reading.wordClass == .verb, reading.inflection == .base { t.baseVerb = true }
            }
            t.classes = classes
            if let first = readings.first {
                t.lemma = Word(first.lemma)
                t.verbFirst = first.wordClass == .verb
            } else if w.utf8.count > 2, w.hasSuffix("s"), case let stem = Word(String(w.string.dropLast())),
                      words.activity.contains(stem) || words.external.contains(stem) || words.insiders.contains(stem) || words.health.contains(stem) {
                // Plurals of words the lexicon lacks: "PRs", "SLAs", "AEs".
                t.lemma = stem
                t.classes = .noun
                t.plural = true
            }
            // Nouns count by their singular: "calls" -> "call" even where the verb reading comes first.
            if let noun = readings.first(where: { $0.wordClass == .noun }), noun.inflection == .plural,
               words.activity.contains(noun.lemma) || words.external.contains(noun.lemma) || words.insiders.contains(noun.lemma) {
                t.lemma = Word(noun.lemma)
            }
        }
        return t
    }

    /// Number + unit word ("40 days", "300 milliseconds", "12 percent", "2 million"), and the number
    /// after a month ("July 28") as part of a date.
    private static func foldNumbers(_ tokens: inout [TaggedToken], words: OKRWords) {
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            guard tokens[i].tag == .number || tokens[i].tag == .numberWord || tokens[i].tag == .money else { continue }
            if i > 0, tokens[i - 1].tag == .date, tokens[i - 1].unit == nil, tokens[i].tag == .number, (tokens[i].value ?? 0) <= 31,
               months.contains(tokens[i - 1].text) {
                tokens[i].tag = .date
                continue
            }
            guard i + 1 < tokens.count, tokens[i + 1].tag == .word else { continue }
            let next = tokens[i + 1].text
            if let scale = scales[next] {
                tokens[i].value = (tokens[i].value ?? 0) * scale
                tokens[i + 1].tag = tokens[i].tag
                tokens[i + 1].value = tokens[i].value
                continue
            }
            // "$2M", and "2.5x year over year": an amount with its own unit takes no other.
            if tokens[i].tag == .money || tokens[i].unit == "x" { continue }
            if Tagger.dayQualifiers.contains(next), i + 2 < tokens.count, let folded = words.units[tokens[i + 2].text] {
                tokens[i].unitWord = folded
                tokens[i].tag = .duration
                continue
            }
            if let folded = words.units[next] ?? words.units[tokens[i + 1].lemma] {
                tokens[i].unitWord = folded
                tokens[i + 1].lemma = folded
                if timeUnits.contains(folded) {
                    tokens[i].tag = .duration
                } else if folded == "%" {
                    tokens[i].tag = .percent
                }
            } else if months.contains(next), tokens[i].tag == .number, (tokens[i].value ?? 0) <= 31 {
                tokens[i].tag = .date  // "28 July"
            }
        }
    }

    /// "2027-06-30", "2027-06": a year, a hyphen and numbers are a date, not quantities.
    private static func tagISODates(_ tokens: inout [TaggedToken]) {
        var i = 0
        while i + 2 < tokens.count {
            if tokens[i].tag == .year, tokens[i + 1].text == "-", tokens[i + 2].tag == .number, tokens[i + 1].column == tokens[i].column + 4 {
                tokens[i].tag = .date
                tokens[i + 2].tag = .date
                if i + 4 < tokens.count, tokens[i + 3].text == "-", tokens[i + 4].tag == .number { tokens[i + 4].tag = .date }
            }
            i += 1
        }
    }

    /// Comparators, cadences and quantifiers, which are a word or a few.
    private static func tagPhrases(_ tokens: inout [TaggedToken]) {
        let n = tokens.count
        var i = 0
        let none = Tagger.none
        func word(_ k: Int) -> Word { k < n && tokens[k].tag == .word ? tokens[k].text : none }
        func isQuantityAt(_ k: Int) -> Bool { k < n && tokens[k].isQuantity }
        func quantitySoon(_ k: Int) -> Bool {
            // A quantity within the next three tokens, allowing "the", "a", "of" and a comparator sign.
            var k = k
            for _ in 0..<3 where k < n {
                if tokens[k].isQuantity { return true }
                let w = tokens[k].text
                // "above `85%`", "at least **30%**": markdown's code and bold marks stand between.
                if !(w == "the" || w == "a" || w == "of" || w == "an" || tokens[k].tag == .comparator || w == "$"
                     || tokens[k].tag == .punctuation && (w == "`" || w == "*")) { return false }
                k += 1
            }
            return false
        }
        while i < n {
            let w = word(i)
            // Most words start no phrase: one probe finds the kind of phrase a word may start, or none.
            guard let start = Tagger.phraseStarts[w] else { i += 1; continue }
            var width = 0
            var tag: TaggedToken.Tag?
            switch start {
            case .at:
                if Tagger.atBounds.contains(word(i + 1)) { width = 2; tag = .comparator }
            case .no, .not:
                if Tagger.noMoreThanWords.contains(word(i + 1)) && word(i + 2) == "than" {
                    width = 3; tag = .comparator
                } else if start == .no && !Tagger.noComparatives.contains(word(i + 1)) {
                    width = 1; tag = .quantifier
                }
            case .than:
                if word(i + 1) == "than" { width = 2; tag = .comparator }
            case .up:
                if word(i + 1) == "to" && quantitySoon(i + 2) { width = 2; tag = .comparator }
            case .bound:
                if quantitySoon(i + 1) { width = 1; tag = .comparator }
            case .or:
                if Tagger.orBounds.contains(word(i + 1)) && i > 0
                    && (tokens[i - 1].isQuantity || i > 1 && tokens[i - 2].isQuantity && tokens[i - 1].tag == .word
                        // "4 hours of interviews or less": an amount of something, then the bound.
                        || i > 3 && tokens[i - 2].text == "of" && tokens[i - 1].tag == .word
                            && (tokens[i - 3].isQuantity || i > 4 && tokens[i - 4].isQuantity && tokens[i - 3].tag == .word)) {
                    width = 2; tag = .comparator
                }
            case .each:
                // "every business day" is a cadence, "every business unit" is not: a qualifier of
                // time ("business", "calendar") counts only with the unit after it.
                if Tagger.dayQualifiers.contains(word(i + 1)) || word(i + 1) == "fiscal" {
                    if timeUnitWords.contains(word(i + 2)) && !Tagger.dayQualifiers.contains(word(i + 2)) {
                        width = 3; tag = .cadence
                    } else if w == "every" || w == "each" {
                        width = 1; tag = .quantifier
                    }
                } else if timeUnitWords.contains(word(i + 1)) {
                    width = 2; tag = .cadence
                } else if w == "every" || w == "each" {
                    // "every other week", "each calendar month"
                    if timeUnitWords.contains(word(i + 2)) { width = 3; tag = .cadence } else { width = 1; tag = .quantifier }
                }
            case .cadence:
                width = 1; tag = .cadence
            case .quantifier:
                width = 1; tag = .quantifier
            case .edge:
                if w.string.hasPrefix("eo") { width = 1; tag = .date } else if word(i + 1) == "of", i + 2 < n,
                    tokens[i + 2].tag == .date || tokens[i + 2].tag == .quarter || tokens[i + 2].tag == .year
                        || Tagger.periodWords.contains(word(i + 2)) {
                    width = 2; tag = .date
                }
            }
            if let tag, width > 0 {
                for k in i..<min(n, i + width) where tokens[k].tag == .word || tag == .comparator || tag == .cadence {
                    if tokens[k].tag == .word { tokens[k].tag = tag }
                }
                i += width
            } else {
                i += 1
            }
        }
    }

    private static func quarterTag(_ w: String) -> TaggedToken.Tag? {
        let b = Array(w.utf8)
        guard b.count >= 2 else { return nil }
        if (b[0] == UInt8(ascii: "q") && b.count == 2 && (49...52).contains(b[1]))
            || (b[0] == UInt8(ascii: "h") && b.count == 2 && (49...50).contains(b[1])) { return .quarter }
        if b.count >= 4, b[0] == UInt8(ascii: "f"), b[1] == UInt8(ascii: "y"), b[2...].allSatisfy({ Scanner.isDigit($0) }) { return .quarter }
        if b.count >= 4, b[0] == UInt8(ascii: "q"), (49...52).contains(b[1]), b[2...].allSatisfy({ Scanner.isDigit($0) || $0 == UInt8(ascii: "y") }) { return .quarter }
        return nil
    }

    static let timeUnits: WordSet = ["ms", "s", "min", "h", "day", "week", "month", "year"]
    static let timeUnitWords: WordSet = ["day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years",
                                             "sprint", "sprints", "cycle", "cycles", "hour", "hours", "fortnight", "semester",
                                             "business", "working", "calendar", "fiscal"]
    static let months: WordSet = ["january", "february", "march", "april", "june", "july", "august", "september", "october",
                                      "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                                      "oct", "nov", "dec"]
    static let numberWords: WordMap<Double> = WordMap<Double>([
        ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10),
        ("eleven", 11), ("twelve", 12), ("thirteen", 13), ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17),
        ("eighteen", 18), ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70),
        ("eighty", 80), ("ninety", 90), ("hundred", 100), ("dozen", 12), ("a dozen", 12), ("thousand", 1_000),
    ])
    static let scales: WordMap<Double> = WordMap<Double>([("thousand", 1_000), ("million", 1_000_000), ("billion", 1_000_000_000), ("k", 1_000), ("m", 1_000_000),
                                           ("mn", 1_000_000), ("bn", 1_000_000_000)])
}

// Word sets used above, built once (array literals in a hot path would be built on every call).
extension Tagger {
    /// The kinds of phrase `tagPhrases` reads, by the word that starts them.
    enum PhraseStart: Sendable {
        case at, no, not, up, or
        /// A comparative before "than": "less than", "more than".
        case than
        /// A bound before a quantity: "below", "within", "max".
        case bound
        /// "every", "each", "per", "a", "once" before a unit of time.
        case each
        case cadence, quantifier
        /// The edge of a period: "end of", "mid", "EOQ".
        case edge
    }

    /// Every word that may start a phrase, with the kind of phrase: the one table `tagPhrases` reads.
    static let phraseStarts: WordMap<PhraseStart> = {
        var starts = WordMap<PhraseStart>()
        func add(_ words: [String], _ start: PhraseStart) { for word in words { starts[Word(word)] = start } }
        add(Array(thanComparatives), .than)
        add(["at"], .at)
        add(["no"], .no)
        add(["not"], .not)
        add(["up"], .up)
        add(["or"], .or)
        add(["below", "under", "above", "over", "beyond", "within", "max", "min", "maximum", "minimum", "sub", "exceeding", "exceeds"], .bound)
        add(["every", "each", "per", "a", "an", "once", "twice"], .each)
        add(["daily", "weekly", "monthly", "quarterly", "yearly", "annually", "biweekly", "fortnightly", "nightly", "hourly",
             "bi-weekly", "semiannually", "biannually"], .cadence)
        add(["all", "zero", "none", "any"], .quantifier)
        add(["end", "mid", "middle", "start", "beginning", "eoq", "eoy", "eom", "eod", "eow"], .edge)
        return starts
    }()
    /// The empty word, for "no word here".
    static let none = Word("")
    static let comparatorSigns: WordSet = ["<", ">", "<=", ">=", "≤", "≥", "<=", "＜", "＞"]
    static let dayQualifiers: WordSet = ["business", "working", "calendar"]
    static let atBounds: WordSet = ["most", "least", "or"]
    static let noMoreThanWords: WordSet = ["more", "less", "fewer", "greater", "higher", "lower", "later", "longer"]
    static let thanComparatives: WordSet = ["less", "fewer", "more", "greater", "higher", "lower", "longer", "shorter", "better", "faster"]
    static let orBounds: WordSet = ["less", "fewer", "more", "better", "lower", "higher", "above", "below"]
    static let noComparatives: WordSet = ["later", "longer", "more", "less", "fewer"]
    static let periodWords: WordSet = ["the", "quarter", "year", "month", "week", "sprint", "cycle", "term"]
}
