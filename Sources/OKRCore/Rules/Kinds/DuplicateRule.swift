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

    /// Which keys `by` asks for, as flags read on every line.
    private let byMetric: Bool, byWording: Bool

    init(fields: RuleFields) throws(YAMLTree.Problem) {
        try fields.requireTarget(in: [.kr])
        let by = Set(try fields.choices("by", Key.allCases.map(\.rawValue)) { Key(rawValue: $0) } ?? Key.allCases)
        byMetric = by.contains(.metric)
        byWording = by.contains(.wording)
    }

    func keys(of line: RuleLine) -> [Int] {
        var keys: [Int] = []
        keys.reserveCapacity(2)
        let words = Self.wordHashes(line.tokens)
        if byMetric, let reading = line.keyResult, let key = Self.metricKey(reading, words) { keys.append(key) }
        if byWording {
            var hashes = words.map(\.hash)
            if let key = Self.combine(&hashes, seed: 2) { keys.append(key) }
        }
        return keys
    }

    /// The analyser's metric key (lemmas, synonyms and units folded) with the line's other content
    /// words, so "p95 latency of search" and "p95 latency of checkout" stay apart while "CSAT"
    /// and "customer satisfaction", if the analyser folds them, meet.
    static func metricKey(_ reading: KRReading, _ words: [(index: Int, hash: UInt64)]) -> Int? {
        guard let key = reading.metricKeyHash, let metricRange = reading.metricRange else { return nil }
        var others: [UInt64] = []
        others.reserveCapacity(words.count + 1)
        for word in words where !metricRange.contains(word.index) { others.append(word.hash) }
        others.append(key)
        return combine(&others, seed: 1)
    }

    /// The wording key alone, for tests.
    static func wordingKey(_ tokens: [TaggedToken]) -> Int? {
        var hashes = wordHashes(tokens).map(\.hash)
        return combine(&hashes, seed: 2)
    }

    /// Each content word's hash, with the index of its token: lemmas, numbers left out (but their
    /// % or $), units and change verbs folded. "Cut p95 latency from 900 ms to 300 ms" and "Reduce
    /// p95 latency from 900 milliseconds to 300 milliseconds" give the same words.
    static func wordHashes(_ tokens: [TaggedToken]) -> [(index: Int, hash: UInt64)] {
        var hashes: [(index: Int, hash: UInt64)] = []
        hashes.reserveCapacity(tokens.count)
        for (index, token) in tokens.enumerated() {
            switch token.tag {
            case .percent: hashes.append((index, percentHash))
            case .money: hashes.append((index, moneyHash))
            case .word:
                // The token's words carry their hash already: no string is hashed here.
                if let folded = foldedHashes[token.text] ?? foldedHashes[token.lemma] {
                    if folded != 0 { hashes.append((index, folded)) }
                } else {
                    hashes.append((index, token.lemma.key))
                }
            default: break  // numbers, dates, quarters, punctuation
            }
        }
        return hashes
    }

    /// One key from word hashes in any order and with repeats (sorted in place, repeats dropped).
    static func combine(_ hashes: inout [UInt64], seed: UInt64) -> Int? {
        guard !hashes.isEmpty else { return nil }
        hashes.sort()
        var key: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
        var last: UInt64?
        for hash in hashes where hash != last {
            key = (key ^ hash) &* 0x0000_0100_0000_01B3
            key ^= key >> 29
            last = hash
        }
        return Int(bitPattern: UInt(key))
    }

    /// FNV-1a over the UTF-8 bytes, the hash every `Word` carries: fixed and cheap.
    @inline(__always)
    static func fnv(_ word: String) -> UInt64 { Word.key(of: word) }

    private static let percentHash = fnv("%"), moneyHash = fnv("$")

    /// `folds` as hashes of the folded word, 0 for a word left out.
    private static let foldedHashes = WordMap<UInt64>(folds.map { ($0.key, $0.value.isEmpty ? 0 : fnv($0.value)) })

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
        // By the spelling first: the lexicon's lemma of "ms" is "m".
        guard let folded = folds[token.text.string] ?? folds[token.lemma.string] else { return token.lemma.string }
        return folded.isEmpty ? nil : folded
    }

    /// Stop words, change verbs and magnitudes to "" (left out), units to one spelling: one lookup.
    private static let folds: [String: String] = {
        var table = unitSpellings
        for word in stopWords.union(changeVerbs) where table[word] == nil { table[word] = "" }
        return table
    }()

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
