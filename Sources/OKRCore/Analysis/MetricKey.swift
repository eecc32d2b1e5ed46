/// A key result's metric normalised for comparison: lemmas, units in one spelling, synonyms
/// folded, stop words gone ("Cut p95 API latency" and "Reduce the p95 API latency" meet). As text
/// for comparing lines across cycles, as a hash for `duplicate-kr`, from one folding, so the two
/// agree: equal texts, equal hashes.
enum MetricKey {
    /// The words of the key, in order, each folded (nil for a stop word).
    @inline(__always)
    static func folded(_ token: TaggedToken, words: OKRWords) -> Word? {
        var lemma = token.lemma
        if let folded = words.units[token.text] { lemma = folded } else if let synonym = words.synonyms[token.lemma] { lemma = synonym }
        if let synonym = words.synonyms[lemma] { lemma = synonym }
        return stopWords.contains(lemma) ? nil : lemma
    }

    /// "p95 api latency": the folded words joined by spaces.
    static func text(_ tokens: [TaggedToken], _ indices: [Int], words: OKRWords) -> String {
        var key = ""
        key.reserveCapacity(48)
        for i in indices {
            guard let word = folded(tokens[i], words: words) else { continue }
            if !key.isEmpty { key += " " }
            key += word.string
        }
        return key
    }

    /// The same key as a hash of the folded words in order (each word carries its hash: no string
    /// is built), or nil when every word is a stop word.
    static func hash(_ tokens: [TaggedToken], _ indices: [Int], words: OKRWords) -> UInt64? {
        var key: UInt64 = 0xcbf2_9ce4_8422_2325
        var any = false
        for i in indices {
            guard let word = folded(tokens[i], words: words) else { continue }
            key = (key ^ word.key) &* 0x0000_0100_0000_01B3
            any = true
        }
        return any ? key : nil
    }

    static let stopWords: WordSet = ["the", "a", "an", "our", "of", "all", "its", "their", "total", "overall"]
}
