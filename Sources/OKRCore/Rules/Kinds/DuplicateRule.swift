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

    func keys(of line: RuleLine) -> [String] {
        var keys: [String] = []
        if by.contains(.metric), let metric = line.keyResult?.metricKey {
            let folded = Self.words(metric.split(whereSeparator: { $0 == " " || $0 == "-" }).map { $0.lowercased() }).joined(separator: " ")
            if !folded.isEmpty { keys.append("metric:" + folded) }
        }
        if by.contains(.wording) {
            let words = Self.wording(line.tokens)
            if !words.isEmpty { keys.append("wording:" + words) }
        }
        return keys
    }

    /// The line's content words as lemmas, numbers left out (but their % or $), units and
    /// change verbs folded, sorted and without repeats: "Cut p95 latency from 900 ms to 300 ms"
    /// and "Reduce p95 latency from 900 milliseconds to 300 milliseconds" give the same.
    static func wording(_ tokens: [TaggedToken]) -> String {
        var words: [String] = []
        words.reserveCapacity(tokens.count)
        for token in tokens {
            switch token.tag {
            case .percent: words.append("%")
            case .money: words.append("$")
            case .word: words.append(token.lemma)
            default: break  // numbers, dates, quarters, punctuation
            }
        }
        words = Self.words(words)
        words.sort()
        var unique: [String] = []
        unique.reserveCapacity(words.count)
        for word in words where unique.last != word { unique.append(word) }
        return unique.joined(separator: " ")
    }

    /// Drops stop words and change verbs, folds units to one spelling.
    private static func words(_ words: [String]) -> [String] {
        words.compactMap { word in
            if let unit = unitSpellings[word] { return unit.isEmpty ? nil : unit }
            return stopWords.contains(word) || changeVerbs.contains(word) ? nil : word
        }
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
        "ms": "ms", "msec": "ms", "msecs": "ms", "millisecond": "ms", "milliseconds": "ms",
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
