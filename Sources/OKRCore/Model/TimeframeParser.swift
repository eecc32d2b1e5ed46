import Foundation

extension Timeframe {
    private static let months = ["january", "february", "march", "april", "may", "june", "july",
                                 "august", "september", "october", "november", "december"]

    /// Parses a whole timeframe expression. Relative ones (`Q3`, `this quarter`) are resolved
    /// against `reference`, the day the text is read.
    public static func parse(_ raw: String, reference: CalendarDay) throws(TimeframeError) -> Timeframe {
        let words = Self.words(of: raw)
        guard !words.isEmpty else { throw .unrecognized(raw) }

        switch words.count {
        case 1:
            return try single(words[0], reference: reference, raw: raw)
        case 2:
            switch (words[0], words[1]) {
            case ("this", "quarter"): return .quarter(reference.quarter, of: reference.year)
            case ("next", "quarter"):
                return reference.quarter == 4 ? .quarter(1, of: reference.year + 1) : .quarter(reference.quarter + 1, of: reference.year)
            case ("this", "year"): return .year(reference.year)
            case ("next", "year"): return .year(reference.year + 1)
            case ("this", "half"): return .half(reference.month <= 6 ? 1 : 2, of: reference.year)
            default: break
            }
            if let year = yearNumber(words[1]) {
                if let q = prefixed("q", words[0]) { return try quarter(q, year) }
                if let h = prefixed("h", words[0]) { return try half(h, year) }
                if words[0] == "fy" { return .fiscalYear(year) }
            }
            if words[0] == "by" || words[0] == "until" || words[0] == "before" {
                return try parse(words[1], reference: reference).endingAsDeadline(reference: reference)
            }
        default:
            break
        }
        // by end of March 2027 / end of March / by March 2027 / by the end of 2027
        var rest = words[...]
        var deadline = false
        if let first = rest.first, ["by", "until", "before"].contains(first) { rest = rest.dropFirst(); deadline = true }
        if rest.first == "the" { rest = rest.dropFirst() }
        if rest.first == "end", rest.dropFirst().first == "of" { rest = rest.dropFirst(2); deadline = true }
        if deadline, !rest.isEmpty, rest.count <= 2 {
            if let m = months.firstIndex(where: { $0 == rest.first || $0.prefix(3) == rest.first! }) {
                var year = reference.year
                if rest.count == 2 {
                    guard let y = yearNumber(rest.last!) else { throw .unrecognized(raw) }
                    year = y
                } else if m + 1 < reference.month {
                    year += 1  // "by end of March" said in November means next March
                }
                let end = CalendarDay.lastDay(ofMonth: m + 1, year: year)
                let name = months[m].prefix(1).uppercased() + months[m].dropFirst()
                return .until(end, reference: reference, label: "by end of \(name) \(year)")
            }
            if rest.count == 1 || rest.count == 2 {
                let inner = try parse(rest.joined(separator: " "), reference: reference)
                return inner.endingAsDeadline(reference: reference)
            }
        }
        throw .unrecognized(raw)
    }

    private func endingAsDeadline(reference: CalendarDay) -> Timeframe {
        if label.hasPrefix("by ") { return self }
        return .until(end, reference: reference, label: "by end of \(label)")
    }

    private static func single(_ word: String, reference: CalendarDay, raw: String) throws(TimeframeError) -> Timeframe {
        if let year = yearNumber(word) { return .year(year) }
        if let q = prefixed("q", word) { return try quarter(q, reference.year) }
        if let h = prefixed("h", word) { return try half(h, reference.year) }
        if word.hasPrefix("fy"), let digits = Int(word.dropFirst(2)) {
            if word.count == 6 { return .fiscalYear(digits) }
            if word.count == 4 { return .fiscalYear(2000 + digits) }
        }
        let dashed = word.split(separator: "-").map(String.init)
        if dashed.count == 2, let year = yearNumber(dashed[0]) {
            if let q = prefixed("q", dashed[1]) { return try quarter(q, year) }
            if let h = prefixed("h", dashed[1]) { return try half(h, year) }
        }
        if dashed.count == 3, let year = yearNumber(dashed[0]), let month = Int(dashed[1]), let day = Int(dashed[2]),
           dashed[1].count == 2, dashed[2].count == 2 {
            guard (1...12).contains(month), (1...CalendarDay.daysIn(month: month, year: year)).contains(day) else {
                throw .invalidDate(word)
            }
            let date = CalendarDay(year: year, month: month, day: day)
            return .until(date, reference: reference, label: "by \(date)")
        }
        throw .unrecognized(raw)
    }

    private static func quarter(_ q: Int, _ year: Int) throws(TimeframeError) -> Timeframe {
        guard (1...4).contains(q) else { throw .invalidQuarter(q) }
        return .quarter(q, of: year)
    }

    private static func half(_ h: Int, _ year: Int) throws(TimeframeError) -> Timeframe {
        guard (1...2).contains(h) else { throw .invalidHalf(h) }
        return .half(h, of: year)
    }

    private static func prefixed(_ letter: Character, _ word: String) -> Int? {
        // Int() takes ASCII digits only, so counting bytes is counting characters wherever it matters.
        guard word.first == letter, word.utf8.count >= 2 else { return nil }
        return Int(word.dropFirst())
    }

    private static func yearNumber(_ word: String) -> Int? {
        guard word.utf8.count == 4, let y = Int(word), (1900...2199).contains(y) else { return nil }
        return y
    }

    /// How many words a timeframe starting with `word` can have, 0 when none starts with it. Only
    /// a few words can begin one; the grammar above fixes the rest: a number (`2027`, `2027-Q1`,
    /// `2027-06-30`) stands alone, `Q3 2026`, `H2 2026`, `FY 2027`, `this quarter`, `next year`
    /// take two words, and only a deadline (`by`, `until`, `before`, `the`, `end`) takes more
    /// (`by the end of March 2027`). Longer candidates would all be unrecognised: not trying them
    /// keeps long titles cheap. Plain ASCII, nearly every word, is decided on its bytes.
    static func wordsStartingWith(_ word: Substring) -> Int {
        let ascii = word.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard !bytes.isEmpty, !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return asciiWordsStartingWith(bytes)
        }
        if let decided = ascii ?? nil { return decided }
        // Other text: by characters, as Foundation sees them.
        let lower = word.lowercased()
        for (start, length) in startWords where lower == start.description { return length }
        guard let first = lower.first else { return 0 }
        if first.isNumber { return lower.count >= 4 ? 1 : 0 }
        if first == "q" || first == "h" { return lower.dropFirst().first?.isNumber == true ? 2 : 0 }
        return lower.hasPrefix("fy") ? 2 : 0
    }

    /// `wordsStartingWith` for a word of ASCII bytes (not empty).
    private static func asciiWordsStartingWith(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let first = bytes[0]
        if isDigit(first) { return bytes.count >= 4 ? 1 : 0 }
        let lower = first | 0x20
        if lower == UInt8(ascii: "q") || lower == UInt8(ascii: "h") { return bytes.count > 1 && isDigit(bytes[1]) ? 2 : 0 }
        if lower == UInt8(ascii: "f"), bytes.count > 1, bytes[1] | 0x20 == UInt8(ascii: "y") { return 2 }
        guard bytes.count <= 6, lower >= UInt8(ascii: "b"), lower <= UInt8(ascii: "u") else { return 0 }
        for (start, length) in startWords where start.utf8CodeUnitCount == bytes.count {
            var same = true
            for k in 0..<bytes.count where bytes[k] | 0x20 != start.utf8Start[k] { same = false }
            if same { return length }
        }
        return 0
    }

    private static let startWords: [(StaticString, Int)] = [("by", 5), ("until", 5), ("before", 5), ("end", 5), ("the", 5), ("this", 2), ("next", 2)]

    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// The characters `find` splits a text into words at.
    private static func isFindSeparator(_ c: Character) -> Bool {
        switch c {
        case " ", "\t", "—", "–", "(", ")", ",", ";", ":": return true
        default: return false
        }
    }

    /// The byte ranges of an ASCII text's words as `find` splits them (at blanks, tabs, brackets,
    /// commas, semicolons and colons); nil when a byte is not ASCII.
    private static func asciiWordRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var words: [Range<Int>] = []
        words.reserveCapacity(16)
        var start = 0
        for i in 0..<bytes.count {
            let b = bytes[i]
            if b >= 0x80 { return nil }
            guard b == 0x20 || b == 0x09 || b == 0x28 || b == 0x29 || b == 0x2C || b == 0x3B || b == 0x3A else { continue }
            if i > start { words.append(start..<i) }
            start = i + 1
        }
        if bytes.count > start { words.append(start..<bytes.count) }
        return words
    }

    /// A text's words as `find` sees them: split at blanks, dashes set as separators, brackets,
    /// commas, semicolons and colons.
    static func findWords(_ text: String) -> [Substring] {
        let ascii = text.utf8.withContiguousStorageIfAvailable { asciiWordRanges($0) }
        if let ranges = ascii ?? nil {
            // ASCII: every byte offset is a character boundary.
            let utf8 = text.utf8
            return ranges.map { text[utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)] }
        }
        // Other text is split by whole characters, so a separator followed by a combining mark stays a letter.
        return text.split(whereSeparator: isFindSeparator)
    }

    /// The characters `parse` trims from both ends: blanks, line ends and punctuation but the
    /// hyphen, which belongs to `2027-Q1`.
    private static let trimmedCharacters = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters.subtracting(CharacterSet(charactersIn: "-")))

    /// The same set for ASCII, as a table: `trimmedCharacters` holds these and no other ASCII.
    static let trimmedASCII: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for byte in [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20] { table[byte] = true }
        for byte in "!\"#%&'()*,./:;?@[\\]_{}".utf8 { table[Int(byte)] = true }
        return table
    }()

    /// A timeframe expression's words, lower-cased, with blanks and punctuation trimmed from its
    /// ends. ASCII text is done on its bytes; other text goes through Foundation.
    static func words(of raw: String) -> [String] {
        let ascii = raw.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var start = 0, end = bytes.count
            while start < end, trimmedASCII[Int(bytes[start])] { start += 1 }
            while end > start, trimmedASCII[Int(bytes[end - 1])] { end -= 1 }
            var words: [String] = []
            var wordStart = start
            var i = start
            while i <= end {
                if i == end || bytes[i] == 0x20 || bytes[i] == 0x09 {
                    if i > wordStart {
                        words.append(String(unsafeUninitializedCapacity: i - wordStart) { buffer in
                            for k in wordStart..<i {
                                let b = bytes[k]
                                buffer[k - wordStart] = b >= 65 && b <= 90 ? b | 0x20 : b
                            }
                            return i - wordStart
                        })
                    }
                    wordStart = i + 1
                }
                i += 1
            }
            return words
        }
        if let words = ascii ?? nil { return words }
        return raw.trimmingCharacters(in: trimmedCharacters).lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    /// Finds a timeframe inside a longer text such as a title ("Platform OKRs — Q3 2026"),
    /// preferring the longest expression. Text with none gives nil; a malformed one (`Q5 2027`)
    /// throws, since a typo there would otherwise pass for a missing timeframe.
    public static func find(in text: String, reference: CalendarDay) throws(TimeframeError) -> Timeframe? {
        if let found = asciiFind(text, reference: reference) { return try found.get() }
        let words = findWords(text)
        var i = 0
        while i < words.count {
            let longest = wordsStartingWith(words[i])
            if longest > 0, let found = try candidates(longest: min(longest, words.count - i), reference: reference, { words[i..<(i + $0)].joined(separator: " ") }) {
                return found
            }
            i += 1
        }
        return nil
    }

    /// Tries the candidates of `longest` words down to one, longest first: the first that parses
    /// wins; a malformed one of one or two words (`Q5 2027`) is an error.
    private static func candidates(longest: Int, reference: CalendarDay, _ words: (Int) -> String) throws(TimeframeError) -> Timeframe? {
        for length in stride(from: longest, through: 1, by: -1) {
            do {
                return try parse(words(length), reference: reference)
            } catch {
                switch error {
                case .invalidQuarter, .invalidHalf, .invalidDate:
                    if length <= 2 { throw error }
                case .unrecognized: break
                }
            }
        }
        return nil
    }

    /// `find` for ASCII text, on its bytes: no string is made but the candidates tried. Nil for
    /// other text.
    private static func asciiFind(_ text: String, reference: CalendarDay) -> Result<Timeframe?, TimeframeError>? {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Result<Timeframe?, TimeframeError>? in
            guard let words = asciiWordRanges(bytes) else { return nil }
            for i in words.indices {
                let word = UnsafeBufferPointer(rebasing: bytes[words[i]])
                let longest = min(asciiWordsStartingWith(word), words.count - i)
                guard longest > 0 else { continue }
                // A number is a timeframe only from a year (1900-2199) on: `2027`, `2027-Q1`, `2027-06-30`.
                if isDigit(word[0]) && !startsWithYear(word) { continue }
                let joined = { (length: Int) -> String in
                    let range = words[i].lowerBound..<words[i + length - 1].upperBound
                    // Separators between the words become single spaces, as `joined(separator: " ")` gave.
                    return String(unsafeUninitializedCapacity: range.count) { buffer in
                        var n = 0
                        for k in 0..<length {
                            if k > 0 {
                                buffer[n] = 0x20
                                n += 1
                            }
                            for b in bytes[words[i + k]] {
                                buffer[n] = b
                                n += 1
                            }
                        }
                        return n
                    }
                }
                do throws(TimeframeError) {
                    if let found = try candidates(longest: longest, reference: reference, joined) { return .success(found) }
                } catch {
                    return .failure(error)
                }
            }
            return .success(nil)
        }
        return found ?? nil
    }

    private static func startsWithYear(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count >= 4, word.count == 4 || !isDigit(word[4]) else { return false }
        var year = 0
        for k in 0..<4 {
            guard isDigit(word[k]) else { return false }
            year = year * 10 + Int(word[k] - 48)
        }
        return (1900...2199).contains(year)
    }
}
