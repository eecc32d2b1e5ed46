/// Small questions about UTF-8 text asked on its bytes, for readers that must not go through
/// Foundation for every line of a big file.
enum TextBytes {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    static func string(_ s: Bytes, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: s[start..<end]), as: UTF8.self)
    }

    static func isASCII(_ s: Bytes, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            if s[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// How many characters (what `String.count` counts) the bytes hold.
    static func characterCount(_ s: Bytes, _ start: Int, _ end: Int) -> Int {
        isASCII(s, start, end) ? end - start : string(s, start, end).count
    }

    /// The length of a space other than U+0020 and tab at `i`: what `CharacterSet.whitespaces`
    /// holds beyond them (General Category Zs: U+00A0, U+1680, U+2000-U+200A, U+202F, U+205F,
    /// U+3000); 0 when there is none.
    @inline(__always)
    static func wideSpace(_ s: Bytes, at i: Int, before end: Int) -> Int {
        let lead = s[i]
        if lead < 0xC2 { return 0 }
        if lead == 0xC2 { return i + 1 < end && s[i + 1] == 0xA0 ? 2 : 0 }
        guard lead >= 0xE1, lead <= 0xE3, i + 2 < end else { return 0 }
        let b1 = s[i + 1], b2 = s[i + 2]
        switch lead {
        case 0xE1: return b1 == 0x9A && b2 == 0x80 ? 3 : 0
        case 0xE2: return (b1 == 0x80 && (b2 <= 0x8A || b2 == 0xAF)) || (b1 == 0x81 && b2 == 0x9F) ? 3 : 0
        default: return b1 == 0x80 && b2 == 0x80 ? 3 : 0
        }
    }

    /// The length of a wide space (as above) that ends just before `end`, or 0.
    @inline(__always)
    static func wideSpace(_ s: Bytes, endingAt end: Int, after start: Int) -> Int {
        if end - start >= 2, s[end - 2] == 0xC2, s[end - 1] == 0xA0 { return 2 }
        if end - start >= 3, wideSpace(s, at: end - 3, before: end) == 3 { return 3 }
        return 0
    }

    /// The range without the blanks `trimmingCharacters(in: .whitespaces)` removes.
    static func trimmed(_ s: Bytes, _ start: Int, _ end: Int) -> (Int, Int) {
        var a = start, b = end
        while a < b {
            let byte = s[a]
            if byte == 0x20 || byte == 0x09 {
                a += 1
            } else if byte >= 0xC2, case let n = wideSpace(s, at: a, before: b), n > 0 {
                a += n
            } else {
                break
            }
        }
        while b > a {
            let byte = s[b - 1]
            if byte == 0x20 || byte == 0x09 {
                b -= 1
            } else if byte >= 0x80, case let n = wideSpace(s, endingAt: b, after: a), n > 0 {
                b -= n
            } else {
                break
            }
        }
        return (a, b)
    }

    /// The length of what a regular expression's `\s` matches at `i` ([\t\n\f\r\p{Z}]), or 0.
    @inline(__always)
    static func regexSpace(_ s: Bytes, at i: Int, before end: Int) -> Int {
        let byte = s[i]
        if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D { return 1 }
        if byte < 0xC2 { return 0 }
        // U+2028 and U+2029, the line and paragraph separators, are Z too.
        if byte == 0xE2, i + 2 < end, s[i + 1] == 0x80, s[i + 2] == 0xA8 || s[i + 2] == 0xA9 { return 3 }
        return wideSpace(s, at: i, before: end)
    }

    /// Whether the bytes at `i` spell `word` (lower-case ASCII) in any case.
    @inline(__always)
    static func hasWord(_ s: Bytes, at i: Int, before end: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard end - i >= n else { return false }
        let w = word.utf8Start
        for k in 0..<n {
            let byte = s[i + k]
            let lower = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
            if lower != w[k] { return false }
        }
        return true
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// ASCII letters lower-cased; other text as `lowercased()` does it.
    static func lowercased(_ s: Bytes, _ start: Int, _ end: Int) -> String {
        guard isASCII(s, start, end) else { return string(s, start, end).lowercased() }
        return String(unsafeUninitializedCapacity: end - start) { buffer in
            for k in start..<end {
                let byte = s[k]
                buffer[k - start] = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
            }
            return end - start
        }
    }
}
