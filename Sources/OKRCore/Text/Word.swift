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

    /// For the scanner: lower-cased bytes it hashed as it read them, with no string made unless
    /// the word is longer than 16 bytes.
    init(bytes: UnsafeBufferPointer<UInt8>, key: UInt64) {
        var packed = Packed()
        for byte in bytes { packed.add(byte) }
        self.init(packed.count <= 16 ? "" : String(decoding: bytes, as: UTF8.self), key: key, packed: packed)
    }

    /// For the scanner: `bytes` already hashed and packed as it read them (`packed` holds all
    /// of them), so a word of up to 16 bytes is made without reading them again.
    init(bytes: UnsafeBufferPointer<UInt8>, key: UInt64, packed: Packed) {
        self.init(packed.count <= 16 ? "" : String(decoding: bytes, as: UTF8.self), key: key, packed: packed)
    }

    /// For the scanner: a word of at most 16 bytes, hashed and packed as it read them.
    init(short packed: Packed, key: UInt64) {
        self.init("", key: key, packed: packed)
    }

    /// A word of these bytes, hashed here.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        var hash = FNV()
        for byte in bytes { hash.add(byte) }
        self.init(bytes: bytes, key: hash.value)
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

    /// How many bytes of `bytes` from `at` the word spells, whole: its byte count, or 0 when it
    /// does not fit there (or is empty). Reads the inline bytes, making no string.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, at: Int) -> Int {
        if length == Word.long {
            let own = Array(string.utf8)
            guard at + own.count <= bytes.count else { return 0 }
            for k in own.indices where bytes[at + k] != own[k] { return 0 }
            return own.count
        }
        let count = Int(length)
        guard count > 0, at + count <= bytes.count else { return 0 }
        for k in 0..<count where bytes[at + k] != byte(k) { return 0 }
        return count
    }

    public var description: String { string }
    public var isEmpty: Bool { length == 0 }
    /// The number of UTF-8 bytes.
    public var byteCount: Int { length == Word.long ? string.utf8.count : Int(length) }
    public var utf8: String.UTF8View { string.utf8 }
    /// Characters: the byte count for an inline ASCII word, read without making a string.
    public var count: Int { length != Word.long && isASCII ? Int(length) : string.count }

    /// An affix test on the inline bytes for ASCII words and affixes (as the analyser's are);
    /// else as `String` answers it, by characters.
    public func hasPrefix(_ prefix: String) -> Bool {
        guard length != Word.long, isASCII else { return string.hasPrefix(prefix) }
        var k = 0
        for byte in prefix.utf8 {
            guard byte < 0x80 else { return string.hasPrefix(prefix) }
            guard k < Int(length), self.byte(k) == byte else { return false }
            k += 1
        }
        return true
    }

    public func hasSuffix(_ suffix: String) -> Bool {
        guard length != Word.long, isASCII else { return string.hasSuffix(suffix) }
        let count = suffix.utf8.count
        guard count <= Int(length) else { return suffix.utf8.contains { $0 >= 0x80 } ? string.hasSuffix(suffix) : false }
        var k = Int(length) - count
        for byte in suffix.utf8 {
            guard byte < 0x80 else { return string.hasSuffix(suffix) }
            guard self.byte(k) == byte else { return false }
            k += 1
        }
        return true
    }

    /// Whether every inline byte is ASCII.
    private var isASCII: Bool { (low | high) & 0x8080_8080_8080_8080 == 0 }

    @inline(__always) private func byte(_ k: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: k < 8 ? low >> (8 * UInt64(k)) : high >> (8 * UInt64(k - 8)))
    }

    public static func == (a: Word, b: Word) -> Bool { a.key == b.key && a.low == b.low && a.high == b.high && a.length == b.length }
    public static func < (a: Word, b: Word) -> Bool { a.string < b.string }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// Words are compared with literals all through the analyser: the literal's bytes are packed
    /// the same way and compared as two integers, without making a string.
    @inline(__always) public static func == (a: Word, b: String) -> Bool {
        // A literal of up to 15 bytes is a small string: its bytes sit in the string itself, in
        // the order `Word` packs them, with the count in the top byte. Compared as two integers.
        if Word.smallStringLayout, a.length < 16 {
            let (low, high) = unsafeBitCast(b, to: (UInt64, UInt64).self)
            let top = high >> 56
            if top & 0xA0 == 0xA0 {  // small (and immortal): the bytes are inline
                return top & 0x0F == UInt64(a.length) && low == a.low && high & 0x00FF_FFFF_FFFF_FFFF == a.high
            }
        }
        return a.string == b
    }

    /// Whether strings of up to 15 bytes are laid out as this build expects (checked once, so a
    /// different layout only makes comparisons slower, never wrong).
    private static let smallStringLayout: Bool = {
        guard MemoryLayout<String>.size == 16, UInt8(littleEndian: 1) == 1 else { return false }
        let probe = String(decoding: [0x61, 0x62, 0x63], as: UTF8.self)  // "abc", made at run time
        let (low, high) = unsafeBitCast(probe, to: (UInt64, UInt64).self)
        return low == 0x63_6261 && high >> 56 == 0xE3 && high & 0x00FF_FFFF_FFFF_FFFF == 0
    }()
    @inline(__always) public static func != (a: Word, b: String) -> Bool { !(a == b) }
    @inline(__always) public static func == (a: String, b: Word) -> Bool { b == a }
    @inline(__always) public static func != (a: String, b: Word) -> Bool { !(b == a) }
    @inline(__always) public static func ~= (pattern: String, value: Word) -> Bool { value == pattern }

    /// The key a word of these bytes has, without making the word (nothing is interned).
    static func key(of string: String) -> UInt64 {
        var hash = FNV()
        for byte in string.utf8 { hash.add(byte) }
        return hash.value
    }

    /// The 64-bit FNV-1a hash, fed a byte at a time.
    struct FNV {
        private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) mutating func add(_ byte: UInt8) {
            state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        var value: UInt64 { state == 0 ? 1 : state }
    }

    /// Up to 16 bytes packed into two integers; `count` goes on past 16 to say the word is long.
    struct Packed {
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

