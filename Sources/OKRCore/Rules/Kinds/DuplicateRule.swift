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

    func keys(of line: RuleLine) -> RepeatKeys {
        let tokens = line.tokens
        // The words' hashes on the stack: a line costs no allocation.
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: tokens.count) { hashes in
            var keys = RepeatKeys()
            var metric: (key: UInt64, range: Range<Int>)?
            // Read through the line: binding the reading would copy it.
            if byMetric, let key = line.keyResult?.metricKeyHash, let range = line.keyResult?.metricRange { metric = (key, range) }
            // The metric's words first, then the others: the metric key leaves the first `inMetric` out.
            var count = 0, inMetric = 0
            if let metric {
                for index in metric.range { if let hash = Self.wordHash(tokens[index]) { hashes[count] = hash; count += 1 } }
                inMetric = count
            }
            for index in tokens.indices where !(metric?.range.contains(index) ?? false) {
                if let hash = Self.wordHash(tokens[index]) { hashes[count] = hash; count += 1 }
            }
            // The other words with the metric's folded key: "p95 latency of search" and "p95
            // latency of checkout" stay apart, "CSAT" and "customer satisfaction" meet.
            if let metric { keys.append(Self.combine(hashes, inMetric..<count, with: metric.key, seed: 1)) }
            if byWording, count > 0 { keys.append(Self.combine(hashes, 0..<count, seed: 2)) }
            return keys
        }
    }

    /// The wording key alone, for tests.
    static func wordingKey(_ tokens: [TaggedToken]) -> Int? {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: tokens.count) { hashes in
            var count = 0
            for token in tokens { if let hash = wordHash(token) { hashes[count] = hash; count += 1 } }
            return count > 0 ? combine(hashes, 0..<count, seed: 2) : nil
        }
    }

    /// A content word's hash: its lemma's, a unit or change verb folded, nil for a number, a date
    /// or a stop word; "%" and "$" stand for themselves. "Cut p95 latency from 900 ms to 300 ms"
    /// and "Reduce p95 latency from 900 milliseconds to 300 milliseconds" give the same words.
    @inline(__always)
    static func wordHash(_ token: TaggedToken) -> UInt64? {
        switch token.tag {
        case .percent: return percentHash
        case .money: return moneyHash
        case .word:
            // The token's words carry their hash already: no string is hashed here.
            if let folded = foldedHashes[token.text] ?? foldedHashes[token.lemma] { return folded == 0 ? nil : folded }
            return token.lemma.key
        default: return nil  // numbers, dates, quarters, punctuation
        }
    }

    /// One key from the hashes in `range` (and `extra`), in any order and with repeats: each
    /// distinct hash mixed and summed, so nothing is sorted. A line has a few dozen words, so a
    /// repeat is looked for among the earlier ones; past `lookBack` words, in a sorted copy.
    static func combine(_ hashes: UnsafeMutableBufferPointer<UInt64>, _ range: Range<Int>, with extra: UInt64? = nil, seed: UInt64) -> Int {
        var sum: UInt64 = 0
        if range.count <= lookBack {
            for k in range {
                var repeated = false
                for j in range.lowerBound..<k where hashes[j] == hashes[k] {
                    repeated = true
                    break
                }
                if !repeated { sum &+= mix(hashes[k]) }
            }
            if let extra, !range.contains(where: { hashes[$0] == extra }) { sum &+= mix(extra) }
        } else {
            var sorted = Array(hashes[range])
            if let extra { sorted.append(extra) }
            sorted.sort()
            var last: UInt64?
            for hash in sorted where hash != last {
                sum &+= mix(hash)
                last = hash
            }
        }
        return Int(bitPattern: UInt(mix((0xcbf2_9ce4_8422_2325 ^ seed) &+ sum)))
    }

    private static let lookBack = 48

    /// A finaliser that spreads every input bit over the output (splitmix64's).
    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
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
