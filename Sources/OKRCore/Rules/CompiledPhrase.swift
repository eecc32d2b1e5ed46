/// Rule words interned to small integers when the engine is built: a token's word is looked up
/// once, and every phrase element after that is a bit test instead of a string hash.
struct Vocabulary {
    private(set) var ids: [String: Int32] = [:]

    mutating func intern(_ word: String) -> Int32 {
        if let id = ids[word] { return id }
        let id = Int32(ids.count)
        ids[word] = id
        return id
    }

    func id(of word: String) -> Int32 { ids[word] ?? -1 }
}

struct WordBits: Sendable {
    private var bits: [UInt64] = []

    init(_ ids: [Int32]) {
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

    var isEmpty: Bool { bits.allSatisfy { $0 == 0 } }
}

/// A `PhrasePattern` compiled against the engine's vocabulary; matches exactly as the pattern does.
struct CompiledPhrase: Sendable {
    enum Element: Sendable {
        case words(WordBits, prefixes: [String])
        case quantity
        case kind(Token.Kind)
        case any
    }

    let elements: [Element]
    let anchored: Bool

    init(_ pattern: PhrasePattern, vocabulary: inout Vocabulary) {
        anchored = pattern.anchored
        elements = pattern.elements.map { element in
            switch element {
            case .words(let words, let prefixes): return .words(WordBits(words.map { vocabulary.intern($0) }), prefixes: prefixes)
            case .quantity: return .quantity
            case .kind(let kind): return .kind(kind)
            case .any: return .any
            }
        }
    }

    func firstMatch(in tokens: [Token], ids: [Int32]) -> Int? {
        let count = elements.count
        guard tokens.count >= count else { return nil }
        let lastStart = anchored ? 0 : tokens.count - count
        var start = 0
        while start <= lastStart {
            var offset = 0
            while offset < count, Self.matches(elements[offset], tokens[start + offset], ids[start + offset]) { offset += 1 }
            if offset == count { return start }
            start += 1
        }
        return nil
    }

    @inline(__always)
    static func matches(_ element: Element, _ token: Token, _ id: Int32) -> Bool {
        switch element {
        case .any: return true
        case .quantity: return token.isQuantity
        case .kind(let kind): return token.kind == kind
        case .words(let bits, let prefixes):
            guard token.kind == .word else { return false }
            if bits.contains(id) { return true }
            for prefix in prefixes where token.text.hasPrefix(prefix) { return true }
            return false
        }
    }
}

/// A rule's text check, compiled: what `Engine.match` runs on every line.
struct CompiledCheck: Sendable {
    enum Kind: Sendable {
        case existence(first: WordBits, phrases: [CompiledPhrase], unless: [CompiledPhrase])
        case absence(phrases: [CompiledPhrase])
        case other
    }

    let kind: Kind

    init(_ check: RuleCheck, vocabulary: inout Vocabulary) {
        switch check {
        case .existence(let first, let phrases, let unless):
            kind = .existence(first: WordBits(first.map { vocabulary.intern($0) }),
                              phrases: phrases.map { CompiledPhrase($0, vocabulary: &vocabulary) },
                              unless: unless.map { CompiledPhrase($0, vocabulary: &vocabulary) })
        case .absence(let phrases):
            kind = .absence(phrases: phrases.map { CompiledPhrase($0, vocabulary: &vocabulary) })
        case .count, .timeframe, .similarity:
            kind = .other
        }
    }

    /// The index of the token where the problem shows, or nil when the text passes.
    func match(_ tokens: [Token], _ ids: [Int32]) -> Int? {
        switch kind {
        case .existence(let first, let phrases, let unless):
            var hit: Int?
            if let firstToken = tokens.first, firstToken.kind == .word, first.contains(ids[0]) { hit = 0 }
            if hit == nil {
                for phrase in phrases {
                    if let index = phrase.firstMatch(in: tokens, ids: ids) {
                        hit = index
                        break
                    }
                }
            }
            guard let found = hit else { return nil }
            for phrase in unless where phrase.firstMatch(in: tokens, ids: ids) != nil { return nil }
            return found
        case .absence(let phrases):
            for phrase in phrases where phrase.firstMatch(in: tokens, ids: ids) != nil { return nil }
            return 0
        case .other:
            return nil
        }
    }
}
