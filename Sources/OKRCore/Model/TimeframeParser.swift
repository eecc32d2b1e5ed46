import Foundation

extension Timeframe {
    private static let months = ["january", "february", "march", "april", "may", "june", "july",
                                 "august", "september", "october", "november", "december"]

    /// Parses a whole timeframe expression. Relative ones (`Q3`, `this quarter`) are resolved
    /// against `reference`, the day the text is read.
    public static func parse(_ raw: String, reference: CalendarDay) throws(TimeframeError) -> Timeframe {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters.subtracting(CharacterSet(charactersIn: "-"))))
            .lowercased()
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
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
        guard word.first == letter, word.count >= 2 else { return nil }
        return Int(word.dropFirst())
    }

    private static func yearNumber(_ word: String) -> Int? {
        guard word.count == 4, let y = Int(word), (1900...2199).contains(y) else { return nil }
        return y
    }

    private static let timeframeStarts: Set<String> = ["by", "until", "before", "end", "the", "this", "next"]

    private static func canStartTimeframe(_ word: String) -> Bool {
        let lower = word.lowercased()
        if timeframeStarts.contains(lower) { return true }
        guard let first = lower.first else { return false }
        if first.isNumber { return lower.count >= 4 }
        if first == "q" || first == "h" { return lower.dropFirst().first?.isNumber == true }
        return lower.hasPrefix("fy")
    }

    /// Finds a timeframe inside a longer text such as a title ("Platform OKRs — Q3 2026"),
    /// preferring the longest expression. Text with none gives nil; a malformed one (`Q5 2027`)
    /// throws, since a typo there would otherwise pass for a missing timeframe.
    public static func find(in text: String, reference: CalendarDay) throws(TimeframeError) -> Timeframe? {
        let words = text.split(whereSeparator: { " \t—–(),;:".contains($0) }).map(String.init)
        var i = 0
        while i < words.count {
            // Only a few words can begin a timeframe; skipping the rest keeps long titles cheap.
            guard canStartTimeframe(words[i]) else {
                i += 1
                continue
            }
            for length in stride(from: min(5, words.count - i), through: 1, by: -1) {
                let candidate = words[i..<(i + length)].joined(separator: " ")
                do {
                    return try parse(candidate, reference: reference)
                } catch {
                    switch error {
                    case .invalidQuarter, .invalidHalf, .invalidDate:
                        if length <= 2 { throw error }
                    case .unrecognized: break
                    }
                }
            }
            i += 1
        }
        return nil
    }
}
