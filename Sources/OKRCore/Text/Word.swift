import Synchronization

/// A word of a line, as plain bits: up to 16 UTF-8 bytes held inline (longer words, which are
/// rare, are interned once in `LongWords`) and a hash of the bytes computed when the line is
/// tagged. A token made of words copies as bits, with no reference counting, and the analyser's
/// word sets answer with one probe and no hashing of a string (`WordSet`).
public struct Word: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// FNV-1a of the UTF-8 bytes, never 0 (0 marks an empty slot in `WordMap`).
    let key: UInt64
    /// The bytes, little-endian, for a word of up to 16; the index in `LongWords` for a longer one.
    private let low: UInt64
    private let high: UInt64
    /// The byte count, or `Word.long`.
    private let length: UInt8

    private static let long: UInt8 = 255

    public init(_ string: String) {
        var hash = Word.FNV()
        var packed = Packed()
        for byte in string.utf8 {
            hash.add(byte)
            packed.add(byte)
        }
        self.init(string, key: hash.value, packed: packed)
    }

    /// For the tagger, which hashed the bytes while it read them.
    init(_ string: String, key: UInt64) {
        var packed = Packed()
        for byte in string.utf8 { packed.add(byte) }
        self.init(string, key: key, packed: packed)
    }

    private init(_ string: String, key: UInt64, packed: Packed) {
        self.key = key
        if packed.count <= 16 {
            low = packed.low
            high = packed.high
            length = UInt8(packed.count)
        } else {
            low = UInt64(LongWords.shared.index(of: string))
            high = 0
            length = Word.long
        }
    }

    public var string: String {
        if length == Word.long { return LongWords.shared.string(at: Int(low)) }
        var bytes = (low.littleEndian, high.littleEndian)
        let count = Int(length)
        return withUnsafeBytes(of: &bytes) { String(decoding: UnsafeRawBufferPointer(rebasing: $0[0..<count]), as: UTF8.self) }
    }

    public var description: String { string }
    public var isEmpty: Bool { length == 0 }
    /// The number of UTF-8 bytes.
    public var byteCount: Int { length == Word.long ? string.utf8.count : Int(length) }
    public var utf8: String.UTF8View { string.utf8 }
    public var count: Int { string.count }
    public func hasPrefix(_ prefix: String) -> Bool { string.hasPrefix(prefix) }
    public func hasSuffix(_ suffix: String) -> Bool { string.hasSuffix(suffix) }

    public static func == (a: Word, b: Word) -> Bool { a.key == b.key && a.low == b.low && a.high == b.high && a.length == b.length }
    public static func < (a: Word, b: Word) -> Bool { a.string < b.string }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// Words are compared with literals all through the analyser: the literal's bytes are packed
    /// the same way and compared as two integers, without making a string.
    @inline(__always) public static func == (a: Word, b: String) -> Bool {
        if a.length == Word.long { return a.string == b }
        var packed = Packed()
        for byte in b.utf8 {
            packed.add(byte)
            if packed.count > Int(a.length) { return false }
        }
        return packed.count == Int(a.length) && packed.low == a.low && packed.high == a.high
    }
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

    /// Up to 16 bytes packed into two integers; `count` goes on past 16 to say the word is long.
    private struct Packed {
        var low: UInt64 = 0, high: UInt64 = 0, count = 0
        @inline(__always) mutating func add(_ byte: UInt8) {
            if count < 8 {
                low |= UInt64(byte) << (8 * UInt64(count))
            } else if count < 16 {
                high |= UInt64(byte) << (8 * UInt64(count - 8))
            }
            count += 1
        }
    }
}

/// Words of more than 16 bytes, each stored once for the life of the process, so a `Word` can
/// stay plain bits. Few words are that long ("responsibilities"), so one lock is no bottleneck.
final class LongWords: Sendable {
    static let shared = LongWords()

    private struct Table {
        var strings: [String] = []
        var indices: [String: Int] = [:]
    }
    private let table = Mutex(Table())

    func index(of string: String) -> Int {
        table.withLock { table in
            if let index = table.indices[string] { return index }
            table.strings.append(string)
            table.indices[string] = table.strings.count - 1
            return table.strings.count - 1
        }
    }

    func string(at index: Int) -> String {
        table.withLock { $0.strings[index] }
    }
}

extension String {
    init(_ word: Word) { self = word.string }
}

extension Set<String> {
    /// Membership of a word in a plain set of strings (the slow way; `WordSet` is the fast one).
    func contains(_ word: Word) -> Bool { contains(word.string) }
}
