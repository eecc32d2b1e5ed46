/// Reads the Markdown form of an OKR set:
/// ```
/// # Platform team OKRs — Q3 2026
/// Owner: Dana
/// Team: Platform
/// ## Objective: Make deploys boring
/// Timeframe: Q3 2026
/// Parent: engineering-q3-2026 / Ship with confidence
/// - Cut median deploy time from 40 to 10 minutes
/// - KPI: Uptime: at least 99.9% as reported by Grafana, measured every week
/// ```
/// Anything else is an error with its line: a document is never read with parts dropped.
///
/// One pass over the UTF-8 bytes: lines are split once (CR LF, CR and LF alike), each line is
/// told apart by its first bytes, and strings are made only of the parts kept. Columns count
/// characters, as `String` does.
struct MarkdownReader {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    let file: String
    let reference: CalendarDay

    static let setKeys = ["owner", "team", "timeframe", "cycle"]
    static let objectiveKeys = ["owner", "timeframe", "parent"]
    static let subHeadings = ["key results", "krs", "kpis", "kpi", "health metrics"]

    func read(_ text: String) throws(DocumentError) -> OKRSet {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(DocumentError) -> OKRSet in try read(bytes) }
        }
        return try result.get()
    }

    func read(_ s: Bytes) throws(DocumentError) -> OKRSet {
        var set = OKRSet()
        var sawTitle = false
        var comment: Int?  // the line an open comment started on
        // A byte order mark is not text (Foundation drops it when it decodes a file, too).
        let start = s.count >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0
        for line in SourceLines(s, from: start) {
            let number = line.number
            if let nul = line.nul {
                throw error(number, "a NUL character (byte 0) in the line; an OKR document is plain text",
                            column: TextBytes.characterCount(s, line.start, nul) + 1)
            }
            // The line without blanks around it, and how many blanks indented it.
            var a = line.start, b = line.end
            while a < b, s[a] == 0x20 || s[a] == 0x09 { a += 1 }
            while b > a, s[b - 1] == 0x20 || s[b - 1] == 0x09 { b -= 1 }
            let indent = a - line.start
            if comment != nil {
                if Self.find(s, a, b, "-->") { comment = nil }
                continue
            }
            if a == b { continue }
            let first = s[a]
            if first == UInt8(ascii: "<"), TextBytes.hasWord(s, at: a, before: b, "<!--") {
                if !Self.find(s, a, b, "-->") { comment = number }
                continue
            }
            if first == UInt8(ascii: "#") {
                if try heading(s, a, b, indent: indent, line: number, into: &set, sawTitle: &sawTitle) { continue }
            } else if let marker = Self.listItemStart(s, a, b) {
                try item(s, a + marker, b, column: indent + marker + 1, line: number, into: &set)
                continue
            }
            // A `Key: value` line: the key is one word, or a few (at most 12 characters).
            var colon = a
            while colon < b, s[colon] != UInt8(ascii: ":") { colon += 1 }
            if colon < b, !Self.contains(s, a, colon, 0x20) || TextBytes.characterCount(s, a, colon) <= 12 {
                let (v0, v1) = TextBytes.trimmed(s, colon + 1, b)
                try apply(key: TextBytes.lowercased(s, a, colon), value: TextBytes.string(s, v0, v1), to: &set, line: number)
                continue
            }
            throw error(number, "unexpected text; a line is a '# ' title, an '## ' objective, a 'Key: value' field or a '- ' key result")
        }
        if let comment {
            throw error(comment, "a comment opened with '<!--' is never closed with '-->', so the rest of the document would be skipped")
        }
        guard !set.objectives.isEmpty else {
            throw error(1, "no objectives found; start each with '## Objective: ...'")
        }
        return set
    }

    /// A line starting with '#': the title, an objective, or a sub-heading. False when it is none
    /// of them (a `#Word` line), so the caller reads it as a field or refuses it.
    private func heading(_ s: Bytes, _ a: Int, _ b: Int, indent: Int, line: Int, into set: inout OKRSet,
                         sawTitle: inout Bool) throws(DocumentError) -> Bool {
        var hashes = 0
        while a + hashes < b, hashes < 4, s[a + hashes] == UInt8(ascii: "#") { hashes += 1 }
        let spaced = a + hashes < b && s[a + hashes] == 0x20
        if a + hashes == b, hashes <= 2 {
            throw error(line, hashes == 1 ? "a '#' title needs text" : "an objective needs a title after '##'")
        }
        guard spaced else { return false }
        switch hashes {
        case 1:
            guard !sawTitle else { throw error(line, "a document holds one OKR set, so only one '# ' title") }
            guard set.objectives.isEmpty else { throw error(line, "the '# ' title must come before the objectives") }
            sawTitle = true
            let (t0, t1) = TextBytes.trimmed(s, a + 2, b)
            set.title = TextBytes.string(s, t0, t1)
            set.location = SourceLocation(line: line, column: indent + 3)
            set.timeframe = try timeframe(in: set.title, line: line)
        case 2:
            let start = a + 3
            let label = Self.objectiveLabel(s, start, b)
            let (t0, t1) = TextBytes.trimmed(s, start + (label?.bytes ?? 0), b)
            guard t0 < t1 else { throw error(line, "an objective needs a title after '##'") }
            let title = TextBytes.string(s, t0, t1)
            // The coach reads titles with the same initializer, so it refuses what this refuses.
            do {
                set.objectives.append(try Objective(title: title, reference: reference,
                                                    location: SourceLocation(line: line, column: indent + 4 + (label?.characters ?? 0))))
            } catch {
                throw self.error(line, error.description)
            }
        case 3:
            let (h0, h1) = TextBytes.trimmed(s, a + 4, b)
            guard Self.subHeadings.contains(TextBytes.lowercased(s, h0, h1)) else {
                throw error(line, "unknown sub-heading '\(TextBytes.string(s, a, b))'; only '### Key results' and '### KPIs' may group an objective's lines")
            }
            guard !set.objectives.isEmpty else { throw error(line, "'\(TextBytes.string(s, a, b))' must come under an '## ' objective") }
        default:
            return false
        }
        return true
    }

    /// A list item from just after its marker: a key result, or a KPI kept beside the objective.
    private func item(_ s: Bytes, _ a: Int, _ b: Int, column: Int, line: Int, into set: inout OKRSet) throws(DocumentError) {
        guard !set.objectives.isEmpty else {
            throw error(line, "a key result must come under an '## ' objective")
        }
        let last = set.objectives.count - 1
        if let label = Self.kpiLabel(s, a, b) {
            let location = SourceLocation(line: line, column: column + label.characters)
            do {
                set.objectives[last].kpis.append(try KPI(line: TextBytes.string(s, a + label.bytes, b), location: location))
            } catch {
                throw self.error(line, error.description, column: location.column)
            }
            return
        }
        let label = Self.keyResultLabel(s, a, b)
        let (t0, t1) = TextBytes.trimmed(s, a + (label?.bytes ?? 0), b)
        guard t0 < t1 else { throw error(line, "an empty key result") }
        let kr = KeyResult(text: TextBytes.string(s, t0, t1), location: SourceLocation(line: line, column: column + (label?.characters ?? 0)))
        set.objectives[last].keyResults.append(kr)
    }

    private func apply(key: String, value: String, to set: inout OKRSet, line: Int) throws(DocumentError) {
        let onObjective = !set.objectives.isEmpty
        let allowed = onObjective ? Self.objectiveKeys : Self.setKeys
        guard allowed.contains(key) else {
            let place = onObjective ? "an objective" : "the set"
            throw error(line, "unknown field '\(key)' for \(place); expected one of: \(allowed.map { $0.capitalized }.joined(separator: ", "))")
        }
        guard !value.isEmpty else { throw error(line, "the field '\(key.capitalized)' is empty") }
        if onObjective {
            let index = set.objectives.count - 1
            switch key {
            case "owner": set.objectives[index].owner = value
            case "parent": set.objectives[index].parent = ParentRef(text: value)
            default: set.objectives[index].timeframe = try parseTimeframe(value, line: line)
            }
        } else {
            switch key {
            case "owner": set.owner = value
            case "team": set.team = value
            default: set.timeframe = try parseTimeframe(value, line: line)
            }
        }
    }

    private func parseTimeframe(_ text: String, line: Int) throws(DocumentError) -> Timeframe {
        do {
            return try Timeframe.parse(text, reference: reference)
        } catch {
            throw self.error(line, error.description)
        }
    }

    private func timeframe(in text: String, line: Int) throws(DocumentError) -> Timeframe? {
        do {
            return try Timeframe.find(in: text, reference: reference)
        } catch {
            throw self.error(line, error.description)
        }
    }

    private func error(_ line: Int, _ problem: String, column: Int = 1) -> DocumentError {
        DocumentError(file: file, line: line, column: column, problem: problem)
    }

    // MARK: - Recognising a line by its first bytes

    /// The length of a list marker (`- `, `* `, `+ `, `1. `, `2) `), or nil when the line is no item.
    static func listItemStart(_ s: Bytes, _ a: Int, _ b: Int) -> Int? {
        let first = s[a]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            return a + 1 < b && s[a + 1] == 0x20 ? 2 : nil
        }
        var digits = 0
        while digits < 3, a + digits < b, TextBytes.isDigit(s[a + digits]) { digits += 1 }
        // One to three digits, then '.' or ')' and a space (a fourth digit fails the mark test).
        guard digits >= 1, a + digits + 1 < b else { return nil }
        let mark = s[a + digits]
        guard mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")"), s[a + digits + 1] == 0x20 else { return nil }
        return digits + 2
    }

    /// A label's length in bytes and in characters (the column it moves the text by).
    typealias Label = (bytes: Int, characters: Int)

    /// `Objective:`, `Objective 2 -`, `O1:` and the like before an objective's title, as the
    /// expression `^(Objective(\s*\d+)?|O\s*\d+)\s*[:.)-]\s*`, ignoring case, would match it.
    static func objectiveLabel(_ s: Bytes, _ a: Int, _ b: Int) -> Label? {
        guard a < b, s[a] | 0x20 == UInt8(ascii: "o") else { return nil }
        var cursor = LabelCursor(s: s, at: a, end: b)
        if TextBytes.hasWord(s, at: a, before: b, "objective") {
            cursor.advance(9)
            cursor.optionalNumber()
        } else {
            cursor.advance(1)
            cursor.spaces()
            guard cursor.digits() > 0 else { return nil }
        }
        return cursor.punctuationAndSpaces()
    }

    /// `KR:`, `KR2:`, `Key result 3 -` and the like before a key result, as the expression
    /// `^(KR\s*\d*|Key result(\s*\d+)?)\s*[:.)-]\s*`, ignoring case, would match it.
    static func keyResultLabel(_ s: Bytes, _ a: Int, _ b: Int) -> Label? {
        guard a < b, s[a] | 0x20 == UInt8(ascii: "k") else { return nil }
        var cursor = LabelCursor(s: s, at: a, end: b)
        if TextBytes.hasWord(s, at: a, before: b, "kr") {
            cursor.advance(2)
            cursor.spaces()
            _ = cursor.digits()
        } else if TextBytes.hasWord(s, at: a, before: b, "key result") {
            cursor.advance(10)
            cursor.optionalNumber()
        } else {
            return nil
        }
        return cursor.punctuationAndSpaces()
    }

    /// `KPI:` before a KPI's line, as `^KPI\s*:\s*`, ignoring case, would match it.
    static func kpiLabel(_ s: Bytes, _ a: Int, _ b: Int) -> Label? {
        guard a < b, s[a] | 0x20 == UInt8(ascii: "k"), TextBytes.hasWord(s, at: a, before: b, "kpi") else { return nil }
        var cursor = LabelCursor(s: s, at: a, end: b)
        cursor.advance(3)
        cursor.spaces()
        guard cursor.take(UInt8(ascii: ":")) else { return nil }
        cursor.spaces()
        return cursor.label
    }

    /// Walks over a label, counting bytes and characters.
    struct LabelCursor {
        let s: Bytes
        let start: Int
        let end: Int
        var i: Int
        var characters = 0

        init(s: Bytes, at start: Int, end: Int) {
            self.s = s
            self.start = start
            self.end = end
            i = start
        }

        var label: Label { (i - start, characters) }

        mutating func advance(_ n: Int) {
            i += n
            characters += n
        }

        mutating func spaces() {
            while i < end, case let n = TextBytes.regexSpace(s, at: i, before: end), n > 0 {
                i += n
                characters += 1
            }
        }

        mutating func digits() -> Int {
            var n = 0
            while i < end, TextBytes.isDigit(s[i]) {
                advance(1)
                n += 1
            }
            return n
        }

        /// `(\s*\d+)?`: blanks and a number, or nothing at all.
        mutating func optionalNumber() {
            let saved = self
            spaces()
            if digits() == 0 { self = saved }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard i < end, s[i] == byte else { return false }
            advance(1)
            return true
        }

        /// `\s*[:.)-]\s*`, ending the label.
        mutating func punctuationAndSpaces() -> Label? {
            spaces()
            guard i < end, [UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: ")"), UInt8(ascii: "-")].contains(s[i]) else { return nil }
            advance(1)
            spaces()
            return label
        }
    }

    static func contains(_ s: Bytes, _ a: Int, _ b: Int, _ byte: UInt8) -> Bool {
        var i = a
        while i < b {
            if s[i] == byte { return true }
            i += 1
        }
        return false
    }

    /// Whether `needle` (ASCII) occurs in the bytes.
    static func find(_ s: Bytes, _ a: Int, _ b: Int, _ needle: StaticString) -> Bool {
        let n = needle.utf8CodeUnitCount
        var i = a
        while i + n <= b {
            if s[i] == needle.utf8Start[0], TextBytes.hasWord(s, at: i, before: b, needle) { return true }
            i += 1
        }
        return false
    }
}
