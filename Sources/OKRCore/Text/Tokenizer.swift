/// Splits a line into tokens in one pass over its Unicode scalars: fast enough to run every
/// rule over hundreds of thousands of key results a second.
public enum Tokenizer {
    public static func tokens(_ text: String) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var result: [Token] = []
        result.reserveCapacity(scalars.count / 4)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if isCurrency(c), i + 1 < scalars.count, isDigit(scalars[i + 1]) {
                let start = i
                i += 1
                let (digits, next) = readNumber(scalars, from: i)
                i = skipMagnitude(scalars, from: next)
                result.append(Token(kind: .money, text: digits, column: start + 1))
            } else if isDigit(c) {
                let start = i
                let (digits, next) = readNumber(scalars, from: i)
                i = next
                var kind = Token.Kind.number
                if i < scalars.count, scalars[i] == "%" {
                    kind = .percent
                    i += 1
                } else {
                    let afterMagnitude = skipMagnitude(scalars, from: i)
                    if afterMagnitude != i {
                        i = afterMagnitude
                    } else if digits.count == 4, !digits.contains("."), let year = Int(digits), (1900...2199).contains(year) {
                        kind = .year
                    }
                }
                result.append(Token(kind: kind, text: digits, column: start + 1))
            } else if isLetter(c) {
                let start = i
                var word = String.UnicodeScalarView()
                while i < scalars.count {
                    let s = scalars[i]
                    if isLetter(s) || isDigit(s) {
                        word.append(contentsOf: s.properties.lowercaseMapping.unicodeScalars)
                    } else if (s == "'" || s == "’"), i + 1 < scalars.count, isLetter(scalars[i + 1]) {
                        word.append("'")
                    } else {
                        break
                    }
                    i += 1
                }
                result.append(Token(kind: .word, text: String(word), column: start + 1))
            } else {
                i += 1
            }
        }
        return result
    }

    private static func readNumber(_ s: [Unicode.Scalar], from start: Int) -> (String, Int) {
        var i = start
        var digits = String.UnicodeScalarView()
        while i < s.count {
            if isDigit(s[i]) {
                digits.append(s[i])
            } else if (s[i] == "," || s[i] == "."), i + 1 < s.count, isDigit(s[i + 1]) {
                if s[i] == "." { digits.append(".") }  // thousands separators carry no value
            } else {
                break
            }
            i += 1
        }
        return (String(digits), i)
    }

    /// `3k`, `1.5M`, `2bn`: a magnitude letter glued to the number belongs to it.
    private static func skipMagnitude(_ s: [Unicode.Scalar], from i: Int) -> Int {
        guard i < s.count else { return i }
        let lower = s[i].properties.lowercaseMapping
        var end = i
        if lower == "k" || lower == "m" || lower == "b" {
            end = i + 1
            if lower == "b", end < s.count, s[end] == "n" { end += 1 }
        } else {
            return i
        }
        if end < s.count, isLetter(s[end]) { return i }  // "3 months" is not "3m" + "onths"
        return end
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    @inline(__always) static func isCurrency(_ c: Unicode.Scalar) -> Bool { c == "$" || c == "€" || c == "£" || c == "¥" }
    @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 128 { return (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122) }
        return c.properties.isAlphabetic
    }
}
