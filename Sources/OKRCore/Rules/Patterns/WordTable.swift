/// The words rules match on, interned to small integers when the engine is built: each token's
/// lemma and text are looked up once per line, and every token test after that is a bit test
/// instead of a string hash.
struct WordTable: Sendable {
    private var ids = WordMap<Int32>()

    mutating func intern(_ word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(ids.count)
        ids[Word(word)] = id
        return id
    }

    /// The word's id, or -1 for a word no rule names.
    @inline(__always) func id(of word: Word) -> Int32 { ids.count == 0 ? -1 : ids[word] ?? -1 }
    func id(of word: String) -> Int32 { id(of: Word(word)) }

    var isEmpty: Bool { ids.count == 0 }
}

/// A set of word ids as a bit set.
struct WordBits: Hashable, Sendable {
    private var bits: [UInt64] = []

    init(_ ids: [Int32] = []) {
        for id in ids {
            let index = Int(id) >> 6
            if index >= bits.count { bits += Array(repeating: 0, count: index - bits.count + 1) }
            bits[index] |= 1 << UInt64(id & 63)
        }
    }

    @inline(__always) func contains(_ id: Int32) -> Bool {
        guard id >= 0 else { return false }
        let index = Int(id) >> 6
        return index < bits.count && bits[index] & (1 << UInt64(id & 63)) != 0
    }
}

/// Words as a rule file lists them: exact words, and `launch*` / `*ed` wildcards. Exact words
/// become bits once the engine links the rule to its word table.
struct WordList: Hashable, Sendable {
    var exact: Set<String> = []
    var prefixes: [String] = []
    var suffixes: [String] = []
    var bits = WordBits()

    var isEmpty: Bool { exact.isEmpty && prefixes.isEmpty && suffixes.isEmpty }

    init() {}

    /// Parses the listed words; nil (with the bad entry) when one is empty or only a wildcard.
    init(parsing words: [String]) throws(WordListError) {
        for raw in words {
            let word = raw.lowercased().trimmingCharacters(in: .whitespaces)
            if word.hasSuffix("*"), !word.hasPrefix("*") {
                let stem = String(word.dropLast())
                guard !stem.isEmpty, !stem.contains("*") else { throw WordListError(word: raw) }
                prefixes.append(stem)
            } else if word.hasPrefix("*") {
                let tail = String(word.dropFirst())
                guard !tail.isEmpty, !tail.contains("*") else { throw WordListError(word: raw) }
                suffixes.append(tail)
            } else {
                guard !word.isEmpty, !word.contains("*"), !word.contains(" ") else { throw WordListError(word: raw) }
                exact.insert(word)
            }
        }
    }

    mutating func link(_ table: inout WordTable) {
        bits = WordBits(exact.sorted().map { table.intern($0) })
    }

    /// Whether the word (with its id in the linked table) is in the list.
    /// Takes the token's word, not its string: most tests are answered by the id's bit, and a
    /// string would be made for every token only to be thrown away.
    @inline(__always) func contains(_ word: Word, id: Int32) -> Bool {
        if bits.contains(id) { return true }
        for prefix in prefixes where word.hasPrefix(prefix) { return true }
        for suffix in suffixes where word.hasSuffix(suffix) { return true }
        return false
    }

    /// The same test straight from the strings, before linking (the reference for tests).
    func containsUnlinked(_ word: String) -> Bool {
        exact.contains(word) || prefixes.contains { word.hasPrefix($0) } || suffixes.contains { word.hasSuffix($0) }
    }
}

struct WordListError: Error {
    var word: String
}
