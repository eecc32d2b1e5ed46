/// Flags a key result that repeats an earlier one of the same objective: the same metric once
/// synonyms and units are folded, or the same words once numbers are left out.
///
///     kind: duplicate
///     target: kr
///     by: [metric, wording]   # which keys to compare (both by default)
///
/// Each line gets its keys once and the engine looks them up in a hash set per objective, so a
/// document of N key results costs N lookups, never N² comparisons.
struct DuplicateRule: RepeatRuleKind {
    static let name = "duplicate"
    static let keys = ["by"]
    static let summary = "a key result with the same metric (synonyms and units folded) or the same words but for numbers as an earlier one of its objective"

    enum Key: String, Hashable, Sendable, CaseIterable {
        case metric, wording
    }

    let by: Set<Key>

    init(fields: RuleFields) throws(YAMLTree.Problem) {
        try fields.requireTarget(in: [.kr])
        by = Set(try fields.choices("by", Key.allCases.map(\.rawValue)) { Key(rawValue: $0) } ?? Key.allCases)
    }

    func keys(of line: RuleLine) -> [Int] {
        var keys: [Int] = []
        if by.contains(.metric), let reading = line.keyResult, let key = Self.metricKey(reading) { keys.append(key) }
        if by.contains(.wording), let key = Self.wordingKey(line.tokens) { keys.append(key) }
        return keys
    }

    /// The analyser's metric key (lemmas, synonyms and units folded) with the line's other content
    /// words, so "p95 latency of search" and "p95 latency of checkout" stay apart while "CSAT"
    /// and "customer satisfaction", if the analyser folds them, meet.
    static func metricKey(_ reading: KRReading) -> Int? {
        guard let key = reading.metricKey, !key.isEmpty, let metric = reading.metric else { return nil }
        let words = metric.split(separator: " ")
        let tokens = reading.tokens
        guard !words.isEmpty, words.count <= tokens.count,
              let start = (0...(tokens.count - words.count)).first(where: { s in zip(tokens[s...], words).allSatisfy { $0.text == $1 } })
        else { return nil }
        var hasher = Hasher()
        hasher.combine(Key.metric)
        hasher.combine(key)
        hasher.combine(wordingKey(Array(tokens[..<start]) + Array(tokens[(start + words.count)...])) ?? 0)
        return hasher.finalize()
    }

    /// The line's content words as lemmas, numbers left out (but their % or $), units and
    /// change verbs folded, in any order and without repeats: "Cut p95 latency from 900 ms to
    /// 300 ms" and "Reduce p95 latency from 900 milliseconds to 300 milliseconds" give the same.
    static func wordingKey(_ tokens: [TaggedToken]) -> Int? {
        var hashes: [Int] = []
        hashes.reserveCapacity(tokens.count)
        for token in tokens {
            let word: String?
            switch token.tag {
            case .percent: word = "%"
            case .money: word = "$"
            case .word: word = fold(token)
            default: word = nil  // numbers, dates, quarters, punctuation
            }
            if let word { hashes.append(word.hashValue) }
        }
        guard !hashes.isEmpty else { return nil }
        hashes.sort()
        var hasher = Hasher()
        hasher.combine(Key.wording)
        var last: Int?
        for hash in hashes where hash != last {
            hasher.combine(hash)
            last = hash
        }
        return hasher.finalize()
    }

    /// The same folded words as `wordingKey`, as text, for comparing lines across cycles.
    static func wording(_ tokens: [TaggedToken]) -> String {
        var words: [String] = []
        for token in tokens {
            switch token.tag {
            case .percent: words.append("%")
            case .money: words.append("$")
            case .word: if let word = fold(token) { words.append(word) }
            default: break
            }
        }
        return Array(Set(words)).sorted().joined(separator: " ")
    }

    /// The word as it counts for sameness: nil for a stop word, a change verb or a magnitude, a
    /// unit in one spelling.
    @inline(__always)
    private static func fold(_ token: TaggedToken) -> String? {
        // Units by their spelling first: the lexicon's lemma of "ms" is "m".
        if let unit = unitSpellings[token.text] ?? unitSpellings[token.lemma] { return unit.isEmpty ? nil : unit }
        let word = token.lemma
        return stopWords.contains(word) || changeVerbs.contains(word) ? nil : word
    }

    static let stopWords: Set<String> = ["a", "an", "the", "of", "to", "from", "by", "for", "in", "on", "and", "or", "our", "we",
                                         "with", "at", "per", "each", "every", "all", "its", "their", "is", "are", "be", "than", "into"]

    /// Verbs that say which way a metric moves: which way does not make two lines different metrics.
    static let changeVerbs: Set<String> = ["raise", "increase", "grow", "lift", "boost", "improve", "cut", "reduce", "lower",
                                           "decrease", "drop", "shrink", "shorten", "halve", "double", "triple", "move", "bring",
                                           "get", "reach", "hit", "achieve", "push", "drive", "slash", "trim", "expand",
                                           "accelerate", "speed", "up", "down"]

    /// Spellings of one unit; an empty value is a magnitude word that carries no meaning once numbers are gone.
    static let unitSpellings: [String: String] = [
        "ms": "ms", "msec": "ms", "msecs": "ms", "millisecond": "ms", "milliseconds": "ms", "millis": "ms",
        "s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
        "min": "min", "mins": "min", "minute": "min", "minutes": "min",
        "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
        "d": "day", "day": "day", "days": "day",
        "wk": "week", "wks": "week", "week": "week", "weeks": "week",
        "mo": "month", "month": "month", "months": "month",
        "%": "%", "percent": "%", "pct": "%", "percentage": "%",
        "k": "", "thousand": "", "m": "", "mn": "", "million": "", "bn": "", "billion": "",
    ]
}
