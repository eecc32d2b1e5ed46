/// The tagged form of every word seen so far in one check: a word's lemma, classes and tags do not
/// depend on where it stands, so a long document looks each distinct word up in the lexicon once.
/// Owned by one check on one thread (a class so the readers share it without copying).
///
/// Its own open-addressing table over raw memory, not a `WordMap`: every word of every line is
/// looked up here, and reading arrays held by a class retains and releases them on each lookup.
/// A token and a word are plain bits, so the slots need no reference counting either.
final class TagCache {
    /// A word's hash (0 for an empty slot), the word, and its token.
    private var keys: UnsafeMutablePointer<UInt64>
    private var words: UnsafeMutablePointer<Word>
    private var tokens: UnsafeMutablePointer<TaggedToken>
    private var mask: Int
    /// How many words it holds.
    private(set) var count = 0
    /// Room for a line's tokens while the tagger makes them, lent to one line at a time.
    private var buffer: UnsafeMutablePointer<TaggedToken>
    private var bufferCapacity = 256

    init() {
        let size = 1_024
        mask = size - 1
        (keys, words, tokens) = Self.allocate(size)
        buffer = .allocate(capacity: bufferCapacity)
    }

    deinit {
        Self.free(keys, words, tokens, mask + 1)
        buffer.deallocate()
    }

    /// Uninitialised room for `capacity` tokens, until the next call; the caller leaves it uninitialised.
    @inline(__always) func scratch(_ capacity: Int) -> UnsafeMutablePointer<TaggedToken> {
        if capacity > bufferCapacity {
            buffer.deallocate()
            bufferCapacity = max(capacity, bufferCapacity * 2)
            buffer = .allocate(capacity: bufferCapacity)
        }
        return buffer
    }

    /// The token of `word` as first tagged (its position is the first line's), if it was seen.
    @inline(__always) func token(_ word: Word) -> TaggedToken? {
        var i = Int(truncatingIfNeeded: word.key) & mask
        while true {
            let key = keys[i]
            if key == 0 { return nil }
            if key == word.key, words[i] == word { return tokens[i] }
            i = (i + 1) & mask
        }
    }

    /// Keeps the token of a word not seen before.
    func insert(_ token: TaggedToken, for word: Word) {
        if (count + 1) * 2 > mask + 1 { grow() }
        var i = Int(truncatingIfNeeded: word.key) & mask
        while keys[i] != 0 {
            if keys[i] == word.key, words[i] == word { tokens[i] = token; return }
            i = (i + 1) & mask
        }
        keys[i] = word.key
        words[i] = word
        tokens[i] = token
        count += 1
    }

    private func grow() {
        let (oldKeys, oldWords, oldTokens, oldSize) = (keys, words, tokens, mask + 1)
        mask = oldSize * 2 - 1
        (keys, words, tokens) = Self.allocate(oldSize * 2)
        count = 0
        for i in 0..<oldSize where oldKeys[i] != 0 { insert(oldTokens[i], for: oldWords[i]) }
        Self.free(oldKeys, oldWords, oldTokens, oldSize)
    }

    private static func allocate(_ size: Int) -> (UnsafeMutablePointer<UInt64>, UnsafeMutablePointer<Word>, UnsafeMutablePointer<TaggedToken>) {
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
        keys.initialize(repeating: 0, count: size)
        let words = UnsafeMutablePointer<Word>.allocate(capacity: size)
        words.initialize(repeating: Word(""), count: size)
        let tokens = UnsafeMutablePointer<TaggedToken>.allocate(capacity: size)
        tokens.initialize(repeating: TaggedToken(text: Word(""), lemma: Word(""), classes: [], tag: .word, column: 0, length: 0), count: size)
        return (keys, words, tokens)
    }

    private static func free(_ keys: UnsafeMutablePointer<UInt64>, _ words: UnsafeMutablePointer<Word>,
                             _ tokens: UnsafeMutablePointer<TaggedToken>, _ size: Int) {
        keys.deinitialize(count: size)
        keys.deallocate()
        words.deinitialize(count: size)
        words.deallocate()
        tokens.deinitialize(count: size)
        tokens.deallocate()
    }
}
