/// Writes pretty-printed JSON straight to a `ByteWriter`, one value at a time, in the layout
/// Foundation's JSONEncoder uses (two-space indent, `"key" : value`, an empty container as
/// `[`, a blank line and `]`), so reports read as they always have. Keys are written in the
/// order given: callers give them sorted.
public struct JSONStream {
    public let out: ByteWriter
    /// How many containers are open (at most 63), and for each, a bit: whether it has a member yet.
    private var depth = 0
    private var hasMembers: UInt64 = 0

    public init(_ out: ByteWriter) {
        self.out = out
    }

    public mutating func beginObject() { begin(UInt8(ascii: "{")) }
    public mutating func endObject() { end(UInt8(ascii: "}")) }
    public mutating func beginArray() { begin(UInt8(ascii: "[")) }
    public mutating func endArray() { end(UInt8(ascii: "]")) }

    /// Starts an object member: the key, then a value must follow.
    public mutating func key(_ name: StaticString) {
        newMember()
        out.write(UInt8(ascii: "\""))
        out.write(name)
        out.write("\" : " as StaticString)
    }

    /// Starts an array element: a value must follow.
    public mutating func element() { newMember() }

    public func value(_ text: String) { Self.writeString(text, to: out) }
    public func value(_ number: Int) { out.write(number) }

    public mutating func member(_ name: StaticString, _ text: String) {
        key(name)
        value(text)
    }

    public mutating func member(_ name: StaticString, _ number: Int) {
        key(name)
        value(number)
    }

    private mutating func begin(_ bracket: UInt8) {
        precondition(depth < 63, "JSON nested deeper than 63 levels")
        out.write(bracket)
        depth += 1
        hasMembers &= ~(1 << UInt64(depth))
    }

    private mutating func end(_ bracket: UInt8) {
        let hadMembers = hasMembers & (1 << UInt64(depth)) != 0
        depth -= 1
        if !hadMembers { out.write(UInt8(ascii: "\n")) }
        newLine()
        out.write(bracket)
        if depth == 0 { out.write(UInt8(ascii: "\n")) }
    }

    private mutating func newMember() {
        let bit: UInt64 = 1 << UInt64(depth)
        if hasMembers & bit != 0 { out.write(UInt8(ascii: ",")) }
        hasMembers |= bit
        newLine()
    }

    /// A line end and the indentation of the current depth, in one write.
    private func newLine() {
        let width = 1 + 2 * depth
        Self.indentation.withUTF8Buffer { spaces in
            if width <= spaces.count {
                out.write(UnsafeBufferPointer(rebasing: spaces[0..<width]))
            } else {
                out.write(UInt8(ascii: "\n"))
                out.write(repeating: UInt8(ascii: " "), count: width - 1)
            }
        }
    }

    private static let indentation: StaticString = "\n                                                                "

    /// What each byte needs inside a JSON string: 0 nothing, 1 a `\u00XX` escape, 2 a check for
    /// U+2028/U+2029 (lead byte E2), any other value the letter of its short escape (`\n`, `\"`).
    private static let escapes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in 0..<0x20 { table[byte] = 1 }
        table[0x08] = UInt8(ascii: "b")
        table[0x09] = UInt8(ascii: "t")
        table[0x0A] = UInt8(ascii: "n")
        table[0x0C] = UInt8(ascii: "f")
        table[0x0D] = UInt8(ascii: "r")
        table[Int(UInt8(ascii: "\""))] = UInt8(ascii: "\"")
        table[Int(UInt8(ascii: "\\"))] = UInt8(ascii: "\\")
        table[0xE2] = 2
        return table
    }()

    private static let hex: StaticString = "0123456789abcdef"

    /// Whether any of eight bytes is a control character, a quote, a backslash or not ASCII
    /// (the classic "has a byte less than n" and "has a zero byte" bit tricks).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let control = (word &- ones &* 0x20) & ~word & highs
        return (control | hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C)) | (word & highs)) != 0
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259), and
    /// U+2028/U+2029 too, which JavaScript before ES2019 reads as line ends. Everything else,
    /// emoji included, is copied as UTF-8. A Swift string holds only whole scalars, so no lone
    /// surrogate can reach here; text that merely looks like one (`\uD800`) keeps its backslash.
    public static func writeString(_ text: String, to out: ByteWriter) {
        out.write(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            escapes.withUnsafeBufferPointer { table in
                var runStart = 0
                var i = 0
                while i < bytes.count {
                    // Eight plain bytes at a time: none below 0x20, no '"', no '\\', nothing above 0x7F.
                    if i + 8 <= bytes.count {
                        let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                        if !Self.mayNeedEscape(word) {
                            i += 8
                            continue
                        }
                    }
                    let action = table[Int(bytes[i])]
                    if action == 0 {
                        i += 1
                        continue
                    }
                    if action == 2 {
                        // E2 80 A8 / E2 80 A9 are U+2028 / U+2029; other E2 sequences are plain text.
                        guard i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 else {
                            i += 1
                            continue
                        }
                        out.write(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                        out.write(bytes[i + 2] == 0xA8 ? "\\u2028" as StaticString : "\\u2029")
                        i += 3
                        runStart = i
                        continue
                    }
                    out.write(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                    out.write(UInt8(ascii: "\\"))
                    if action == 1 {
                        out.write("u00" as StaticString)
                        hex.withUTF8Buffer { digits in
                            out.write(digits[Int(bytes[i] >> 4)])
                            out.write(digits[Int(bytes[i] & 0xF)])
                        }
                    } else {
                        out.write(action)
                    }
                    i += 1
                    runStart = i
                }
                out.write(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            }
        }
        out.write(UInt8(ascii: "\""))
    }
}
