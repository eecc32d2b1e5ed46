/// Splits a line into tokens in one pass over its UTF-8 bytes. ASCII, nearly all of what people
/// type, takes a fast path; other characters are decoded and classified by Unicode properties.
/// Columns count Unicode scalars from 1.
public enum Tokenizer {
    public static func tokens(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { bytes in tokens(bytes) }
    }

    private static func tokens(_ s: UnsafeBufferPointer<UInt8>) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(s.count / 5 + 1)
        var i = 0
        var column = 1  // the scalar column of byte i
        while i < s.count {
            let c = s[i]
            if let length = currencyLength(s, i), i + length < s.count, isDigit(s[i + length]) {
                let start = column
                i += length
                column += 1
                let (digits, next) = readNumber(s, from: i)
                column += next - i
                i = next
                let end = skipMagnitude(s, from: i)
                column += end - i
                i = end
                result.append(Token(kind: .money, text: digits, column: start))
            } else if isDigit(c) {
                let start = column
                let (digits, next) = readNumber(s, from: i)
                column += next - i
                i = next
                var kind = Token.Kind.number
                if i < s.count, s[i] == UInt8(ascii: "%") {
                    kind = .percent
                    i += 1
                    column += 1
                } else {
                    let end = skipMagnitude(s, from: i)
                    if end != i {
                        column += end - i
                        i = end
                    } else if digits.utf8.count == 4, !digits.utf8.contains(UInt8(ascii: ".")), let year = Int(digits), (1900...2199).contains(year) {
                        kind = .year
                    }
                }
                result.append(Token(kind: kind, text: digits, column: start))
            } else if letterAt(s, i)?.0 == true {
                let start = column
                var asciiOnly = true
                var word: [UInt8] = []
                word.reserveCapacity(12)
                while i < s.count {
                    let b = s[i]
                    if b < 0x80 {
                        if isASCIILetter(b) || isDigit(b) {
                            word.append(isASCIIUpper(b) ? b | 0x20 : b)
                            i += 1
                            column += 1
                        } else if b == UInt8(ascii: "'"), i + 1 < s.count, letterAt(s, i + 1)?.0 == true {
                            word.append(b)
                            i += 1
                            column += 1
                        } else {
                            break
                        }
                    } else if let (isLetter, n) = letterAt(s, i) {
                        if isLetter {
                            word.append(contentsOf: UnsafeBufferPointer(rebasing: s[i..<(i + n)]))
                            asciiOnly = false
                        } else if isRightQuote(s, i), i + n < s.count, letterAt(s, i + n)?.0 == true {
                            word.append(UInt8(ascii: "'"))  // ’ inside a word reads as '
                        } else {
                            break
                        }
                        i += n
                        column += 1
                    } else {
                        break
                    }
                }
                let raw = String(decoding: word, as: UTF8.self)
                result.append(Token(kind: .word, text: asciiOnly ? raw : raw.lowercased(), column: start))
            } else {
                // Anything else separates tokens; step over one whole scalar.
                i += c < 0x80 ? 1 : scalarLength(c)
                column += 1
            }
        }
        return result
    }

    private static func readNumber(_ s: UnsafeBufferPointer<UInt8>, from start: Int) -> (String, Int) {
        var i = start
        var digits: [UInt8] = []
        while i < s.count {
            let b = s[i]
            if isDigit(b) {
                digits.append(b)
            } else if b == UInt8(ascii: ",") || b == UInt8(ascii: "."), i + 1 < s.count, isDigit(s[i + 1]) {
                if b == UInt8(ascii: ".") { digits.append(b) }  // thousands separators carry no value
            } else {
                break
            }
            i += 1
        }
        return (String(decoding: digits, as: UTF8.self), i)
    }

    /// `3k`, `1.5M`, `2bn`: a magnitude letter glued to the number belongs to it.
    private static func skipMagnitude(_ s: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
        guard i < s.count else { return i }
        let lower = s[i] | 0x20
        guard lower == UInt8(ascii: "k") || lower == UInt8(ascii: "m") || lower == UInt8(ascii: "b") else { return i }
        var end = i + 1
        if lower == UInt8(ascii: "b"), end < s.count, s[end] | 0x20 == UInt8(ascii: "n") { end += 1 }
        if end < s.count, letterAt(s, end)?.0 == true { return i }  // "3 months" is not "3m" + "onths"
        return end
    }

    /// The byte length of a currency symbol at `i` ($, €, £, ¥), or nil.
    @inline(__always)
    private static func currencyLength(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let c = s[i]
        if c == UInt8(ascii: "$") { return 1 }
        if c == 0xC2, i + 1 < s.count, s[i + 1] == 0xA3 || s[i + 1] == 0xA5 { return 2 }
        if c == 0xE2, i + 2 < s.count, s[i + 1] == 0x82, s[i + 2] == 0xAC { return 3 }
        return nil
    }

    @inline(__always)
    private static func isRightQuote(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i + 2 < s.count && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99
    }

    /// Whether the scalar at `i` is a letter, and its length in bytes.
    @inline(__always)
    private static func letterAt(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Bool, Int)? {
        let c = s[i]
        if c < 0x80 { return (isASCIILetter(c), 1) }
        let n = scalarLength(c)
        guard i + n <= s.count else { return nil }
        var value = UInt32(c) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
        for k in 1..<n { value = value << 6 | UInt32(s[i + k] & 0x3F) }
        guard let scalar = Unicode.Scalar(value) else { return (false, n) }
        return (scalar.properties.isAlphabetic, n)
    }

    @inline(__always) private static func scalarLength(_ lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    @inline(__always) static func isASCIIUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
}
