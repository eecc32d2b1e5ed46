/// The first pass of the tagger: splits a line into words, numbers and punctuation in one walk
/// over its UTF-8 bytes, keeping each token's column in Unicode scalars.
struct Scanner {
    enum RawKind { case word, number, punctuation }

    /// Plain bits (words, not strings), so the list of a line's tokens copies without reference counting.
    struct Raw {
        var kind: RawKind
        /// The token as read, lower-cased; for a number its digits ("1200", "3.5", "40%", "2k").
        var word: Word
        var column: Int
        var length: Int
        /// For numbers: value with magnitude applied; `unit` for "%", "$", "x", a glued unit ("300ms"), "th".
        var value: Double = 0
        var unit: Word?
        var depth: UInt8 = 0
        /// "2,000": written with a thousands separator, so never a year.
        var grouped = false
        /// "3.5": written with a decimal point, so never a year.
        var decimal = false
        /// A word written with a capital first letter ("Support" after an outline number "2.3").
        var capitalised = false
    }

    /// Where the scanner hands each token as it reads it: the tagger tags it there and then, so a
    /// line's raw tokens are never stored in a list of their own.
    protocol Sink {
        mutating func add(_ raw: Raw)
    }

    /// The tokens as a list (for tests and tools; the tagger takes them one at a time).
    struct List: Sink {
        var raws: [Raw] = []
        mutating func add(_ raw: Raw) { raws.append(raw) }
    }

    static func scan(_ text: String) -> [Raw] {
        var list = List()
        list.raws.reserveCapacity(text.utf8.count / 2 + 4)  // enough for nearly every line: one allocation
        scan(text, into: &list)
        return list.raws
    }

    static func scan<S: Sink>(_ text: String, into sink: inout S) {
        var text = text
        text.withUTF8 { s in
            // One scratch buffer for every word and number of the line, on the stack when it is
            // short: a token's bytes are never more than the line's.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: s.count + 1) { scratch in
                var bytes = ByteBuffer(storage: scratch)
                scan(s, &bytes, &sink)
            }
        }
    }

    /// Bytes appended to a fixed buffer: no capacity or uniqueness checks per byte.
    struct ByteBuffer {
        let storage: UnsafeMutableBufferPointer<UInt8>
        private(set) var count = 0
        init(storage: UnsafeMutableBufferPointer<UInt8>) { self.storage = storage }
        @inline(__always) mutating func append(_ byte: UInt8) { storage[count] = byte; count += 1 }
        mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) { for byte in bytes { append(byte) } }
        mutating func removeAll() { count = 0 }
        var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: storage[0..<count]) }
    }

    private static func scan<S: Sink>(_ s: UnsafeBufferPointer<UInt8>, _ bytes: inout ByteBuffer, _ out: inout S) {
        var i = 0, column = 1
        var depth: UInt8 = 0
        while i < s.count {
            let c = s[i]
            if c == 0x20 || c == 0x09 { i += 1; column += 1; continue }
            // Currency before a number: "$1.2M", "€40k".
            if let n = currencyLength(s, i), i + n < s.count, isDigit(s[i + n]) {
                let start = column, symbol = Word(bytes: UnsafeBufferPointer(rebasing: s[i..<(i + n)]))
                i += n; column += 1
                var raw = readNumber(s, &i, &column, start: start, &bytes)
                raw.unit = symbol
                raw.depth = depth
                raw.length = column - start
                out.add(raw)
                continue
            }
            if isDigit(c) {
                let start = column
                var raw = readNumber(s, &i, &column, start: start, &bytes)
                raw.depth = depth
                raw.length = column - start
                out.add(raw)
                continue
            }
            if c < 0x80 ? isLetter(c) : isLetterScalar(s, i) {
                // The common word: up to 16 ASCII letters and digits, ended by a byte that cannot
                // go on with it. Lower-cased (`| 0x20` leaves digits as they are), hashed and packed
                // in one tight pass over the line itself; any other word takes the general way below.
                if c < 0x80 {
                    var j = i + 1
                    while j < s.count, isLetter(s[j]) || isDigit(s[j]) { j += 1 }
                    let n = j - i
                    if n <= 16, j == s.count || (s[j] < 0x80 && s[j] != 0x27) {
                        var hash = Word.FNV()
                        var packed = Word.Packed()
                        for k in i..<j {
                            let lower = s[k] | 0x20
                            hash.add(lower)
                            packed.add(lower)
                        }
                        out.add(Raw(kind: .word, word: Word(short: packed, key: hash.value), column: column, length: n, depth: depth, capitalised: isUpper(c)))
                        i = j; column += n
                        continue
                    }
                }
                let start = column
                bytes.removeAll()
                var ascii = true
                var hash = Word.FNV()
                // Packed as it is read: an ASCII word is not walked a second time to make it.
                var packed = Word.Packed()
                while i < s.count {
                    let b = s[i]
                    if b < 0x80 {
                        if isLetter(b) || isDigit(b) {
                            let lower = b | (isUpper(b) ? 0x20 : 0)
                            bytes.append(lower)
                            hash.add(lower)
                            packed.add(lower)
                            i += 1; column += 1
                        } else if (b == 0x27) && i + 1 < s.count && isLetter(s[i + 1]) {
                            bytes.append(b); hash.add(b); packed.add(b); i += 1; column += 1
                        } else { break }
                    } else if isRightQuote(s, i), i + 3 < s.count, isLetter(s[i + 3]) {
                        bytes.append(0x27); hash.add(0x27); packed.add(0x27); i += 3; column += 1
                    } else if isLetterScalar(s, i) {
                        let n = scalarLength(b)
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: s[i..<min(s.count, i + n)]))
                        ascii = false
                        i += n; column += 1
                    } else { break }
                }
                if ascii {
                    let word = Word(bytes: bytes.bytes, key: hash.value, packed: packed)
                    out.add(Raw(kind: .word, word: word, column: start, length: column - start, depth: depth, capitalised: isUpper(c)))
                } else {
                    let word = Word(String(decoding: bytes.bytes, as: UTF8.self).lowercased())
                    out.add(Raw(kind: .word, word: word, column: start, length: column - start, depth: depth))
                }
                continue
            }
            // Punctuation: a few two-character arrows and comparators, else one scalar.
            let start = column
            var n = c < 0x80 ? 1 : scalarLength(c)
            if i + 1 < s.count, c == UInt8(ascii: "-") || c == UInt8(ascii: "=") || c == UInt8(ascii: "<") || c == UInt8(ascii: ">"),
               s[i + 1] == UInt8(ascii: ">") || s[i + 1] == UInt8(ascii: "=") {
                n = 2
            }
            n = min(n, s.count - i)
            let text = Word(bytes: UnsafeBufferPointer(rebasing: s[i..<(i + n)]))
            if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") { depth &+= 1 }
            if (c == UInt8(ascii: ")") || c == UInt8(ascii: "]")) && depth > 0 { depth -= 1 }
            i += n
            column += n == 2 && c < 0x80 ? 2 : 1
            out.add(Raw(kind: .punctuation, word: text, column: start, length: column - start, depth: depth))
        }
    }

    /// Digits with thousands separators and a decimal point, then what is glued on: %, a magnitude
    /// (k, m, bn), a multiplier (x), an ordinal (st, nd, rd, th) or a unit ("300ms", "24h").
    private static func readNumber(_ s: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ column: inout Int, start: Int, _ digits: inout ByteBuffer) -> Raw {
        digits.removeAll()
        var grouped = false, decimal = false
        while i < s.count {
            let b = s[i]
            if isDigit(b) {
                digits.append(b)
            } else if (b == UInt8(ascii: ",") || b == UInt8(ascii: ".")), i + 1 < s.count, isDigit(s[i + 1]) {
                // "1,200" groups thousands; "1,5" or "3.5" is a decimal point.
                if b == UInt8(ascii: ".") || !(i + 3 < s.count && isDigit(s[i + 2]) && isDigit(s[i + 3])) {
                    digits.append(UInt8(ascii: "."))
                    decimal = true
                } else { grouped = true }
            } else { break }
            i += 1; column += 1
        }
        var raw = Raw(kind: .number, word: Word(bytes: digits.bytes), column: start, length: 0,
                      value: value(of: digits.bytes, decimal: decimal))
        raw.grouped = grouped
        raw.decimal = decimal
        guard i < s.count else { return raw }
        if s[i] == UInt8(ascii: "%") {
            raw.unit = Word("%")
            digits.append(UInt8(ascii: "%"))
            raw.word = Word(bytes: digits.bytes)
            i += 1; column += 1
            return raw
        }
        // Letters glued to the number.
        var j = i
        while j < s.count, isLetter(s[j]) { j += 1 }
        guard j > i else { return raw }
        let suffix = String(decoding: UnsafeBufferPointer(rebasing: s[i..<j]), as: UTF8.self).lowercased()
        switch suffix {
        case "k": raw.value *= 1_000
        case "m", "mm", "mn": raw.value *= 1_000_000
        case "b", "bn": raw.value *= 1_000_000_000
        case "x": raw.unit = Word("x")
        case "st", "nd", "rd", "th": raw.unit = Word("th")
        default: raw.unit = Word(suffix)
        }
        if suffix == "k" || suffix == "m" || suffix == "mm" || suffix == "mn" || suffix == "b" || suffix == "bn" {
            for byte in suffix.utf8 { digits.append(byte) }
            raw.word = Word(bytes: digits.bytes)
        }
        column += j - i
        i = j
        return raw
    }

    /// The digits' value: exact for whole numbers; a decimal is read as `Double` reads it.
    private static func value(of digits: UnsafeBufferPointer<UInt8>, decimal: Bool) -> Double {
        if decimal || digits.count > 15 { return Double(String(decoding: digits, as: UTF8.self)) ?? 0 }
        var whole: Int64 = 0
        for digit in digits { whole = whole * 10 + Int64(digit - 48) }
        return Double(whole)
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    @inline(__always) static func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
    @inline(__always) static func scalarLength(_ lead: UInt8) -> Int { lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1 }

    private static func isRightQuote(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i + 2 < s.count && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x99
    }

    private static func isLetterScalar(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = s[i]
        guard c >= 0xC0 else { return false }
        let n = scalarLength(c)
        guard i + n <= s.count else { return false }
        var value = UInt32(c) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
        for k in 1..<n { value = value << 6 | UInt32(s[i + k] & 0x3F) }
        return Unicode.Scalar(value)?.properties.isAlphabetic ?? false
    }

    private static func currencyLength(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        let c = s[i]
        if c == UInt8(ascii: "$") { return 1 }
        if c == 0xC2, i + 1 < s.count, s[i + 1] == 0xA3 || s[i + 1] == 0xA5 { return 2 }
        if c == 0xE2, i + 2 < s.count, s[i + 1] == 0x82, s[i + 2] == 0xAC { return 3 }
        return nil
    }
}
