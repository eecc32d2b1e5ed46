/// Words mapped to values, looked up by the hash a `Word` carries: open addressing over a
/// power-of-two table, so a lookup is one probe in the common case and never hashes a string.
/// Built once (word lists, unit and number tables); read on every token.
struct WordMap<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var words: [Word]
    private var values: [Value?]
    private var mask: Int
    private(set) var count = 0

    init() {
        keys = Array(repeating: 0, count: 8)
        words = Array(repeating: Word(""), count: 8)
        values = Array(repeating: nil, count: 8)
        mask = 7
    }

    init(_ pairs: some Sequence<(String, Value)>) {
        self.init()
        for (word, value) in pairs { self[Word(word)] = value }
    }

    subscript(word: Word) -> Value? {
        get {
            var i = Int(truncatingIfNeeded: word.key) & mask
            while true {
                let key = keys[i]
                if key == 0 { return nil }
                if key == word.key, words[i] == word { return values[i] }
                i = (i + 1) & mask
            }
        }
        set {
            guard let newValue else { preconditionFailure("WordMap never removes a word") }
            if (count + 1) * 2 > keys.count { grow() }
            var i = Int(truncatingIfNeeded: word.key) & mask
            while keys[i] != 0 {
                if keys[i] == word.key, words[i] == word { values[i] = newValue; return }
                i = (i + 1) & mask
            }
            keys[i] = word.key
            words[i] = word
            values[i] = newValue
            count += 1
        }
    }

    /// The slow way in, for a string that is not a token: hashes it first. A long string is
    /// compared as a string, so looking it up never interns it.
    subscript(string: String) -> Value? {
        if string.utf8.count <= 16 { return self[Word(string)] }
        let key = Word.key(of: string)
        var i = Int(truncatingIfNeeded: key) & mask
        while keys[i] != 0 {
            if keys[i] == key, words[i].string == string { return values[i] }
            i = (i + 1) & mask
        }
        return nil
    }

    var entries: [(Word, Value)] {
        keys.indices.compactMap { i in keys[i] == 0 ? nil : values[i].map { (words[i], $0) } }
    }

    private mutating func grow() {
        let old = entries
        let size = keys.count * 2
        keys = Array(repeating: 0, count: size)
        words = Array(repeating: Word(""), count: size)
        values = Array(repeating: nil, count: size)
        mask = size - 1
        count = 0
        for (word, value) in old { self[word] = value }
    }
}

/// A set of words with the same one-probe membership test (`WordMap` without values).
struct WordSet: Sendable, ExpressibleByArrayLiteral, Sequence {
    private var map = WordMap<Bool>()

    init(arrayLiteral elements: String...) { self.init(elements) }

    init(_ elements: some Sequence<String>) {
        for element in elements { map[Word(element)] = true }
    }

    @inline(__always) func contains(_ word: Word) -> Bool { map[word] != nil }
    /// The slow way in, for a string that is not a token: hashes it first.
    func contains(_ string: String) -> Bool { map[string] != nil }

    mutating func insert(_ string: String) { map[Word(string)] = true }
    var count: Int { map.count }
    var isEmpty: Bool { map.count == 0 }

    func makeIterator() -> IndexingIterator<[String]> { map.entries.map(\.0.string).makeIterator() }
}
