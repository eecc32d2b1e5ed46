/// A word of a line with a hash of its UTF-8 bytes computed once, when the line is tagged. The
/// analyser asks dozens of word sets about each token; with the hash at hand a set answers with
/// one probe and no hashing of the string again (`WordSet`).
public struct Word: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let string: String
    /// FNV-1a of the UTF-8 bytes, never 0 (0 marks an empty slot in `WordSet`).
    let key: UInt64

    public init(_ string: String) {
        var hash = Word.FNV()
        for byte in string.utf8 { hash.add(byte) }
        self.string = string
        key = hash.value
    }

    /// For the tagger, which hashed the bytes while it read them.
    init(_ string: String, key: UInt64) {
        self.string = string
        self.key = key
    }

    public var description: String { string }
    public var isEmpty: Bool { string.isEmpty }
    public var utf8: String.UTF8View { string.utf8 }
    public var count: Int { string.count }
    public func hasPrefix(_ prefix: String) -> Bool { string.hasPrefix(prefix) }
    public func hasSuffix(_ suffix: String) -> Bool { string.hasSuffix(suffix) }

    public static func == (a: Word, b: Word) -> Bool { a.key == b.key && a.string == b.string }
    public static func < (a: Word, b: Word) -> Bool { a.string < b.string }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    // Words are compared with literals all through the analyser: the byte count first, which
    // for short strings is read from the string itself, rejects most at once.
    @inline(__always) public static func == (a: Word, b: String) -> Bool { a.string.utf8.count == b.utf8.count && a.string == b }
    @inline(__always) public static func != (a: Word, b: String) -> Bool { !(a == b) }
    @inline(__always) public static func == (a: String, b: Word) -> Bool { b == a }
    @inline(__always) public static func != (a: String, b: Word) -> Bool { !(b == a) }
    @inline(__always) public static func ~= (pattern: String, value: Word) -> Bool { value == pattern }

    /// The 64-bit FNV-1a hash, fed a byte at a time.
    struct FNV {
        private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) mutating func add(_ byte: UInt8) {
            state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        var value: UInt64 { state == 0 ? 1 : state }
    }
}

extension String {
    init(_ word: Word) { self = word.string }
}

extension Set<String> {
    /// Membership of a word in a plain set of strings (the slow way; `WordSet` is the fast one).
    func contains(_ word: Word) -> Bool { contains(word.string) }
}
