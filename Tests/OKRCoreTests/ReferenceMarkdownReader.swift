import Foundation
@testable import OKRCore

// The Markdown reader as it was before the byte-level one (Foundation strings, regular
// expressions, lines split on "\n"), kept only as the oracle the new reader is compared with
// on LF documents. Not used by okr.

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
struct ReferenceMarkdownReader {
    let file: String
    let reference: CalendarDay

    static let setKeys = ["owner", "team", "timeframe", "cycle"]
    static let objectiveKeys = ["owner", "timeframe", "parent"]

    func read(_ text: String) throws(DocumentError) -> OKRSet {
        var set = OKRSet()
        var sawTitle = false
        var inComment = false
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let (trimmed, indent) = Self.trimmed(rawLine)
            if inComment {
                if trimmed.contains("-->") { inComment = false }
                continue
            }
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("<!--") {
                inComment = !trimmed.contains("-->")
                continue
            }
            if trimmed.hasPrefix("# ") {
                guard !sawTitle else { throw error(lineNumber, "a document holds one OKR set, so only one '# ' title") }
                guard set.objectives.isEmpty else { throw error(lineNumber, "the '# ' title must come before the objectives") }
                sawTitle = true
                set.title = String(trimmed.dropFirst(2)).trimmingCharacters(in: .whitespaces)
                set.location = SourceLocation(line: lineNumber, column: indent + 3)
                set.timeframe = try timeframe(in: set.title, line: lineNumber)
            } else if trimmed == "##" || trimmed == "#" {
                throw error(lineNumber, trimmed == "#" ? "a '#' title needs text" : "an objective needs a title after '##'")
            } else if trimmed.hasPrefix("## ") {
                let raw = String(trimmed.dropFirst(3))
                let (title, offset) = Self.strip(prefix: Self.objectivePrefix, from: raw)
                guard !title.isEmpty else { throw error(lineNumber, "an objective needs a title after '##'") }
                var objective = Objective(title: title, location: SourceLocation(line: lineNumber, column: indent + 4 + offset))
                objective.timeframe = try timeframe(in: title, line: lineNumber)
                set.objectives.append(objective)
            } else if trimmed.hasPrefix("### ") {
                let heading = trimmed.dropFirst(4).lowercased().trimmingCharacters(in: .whitespaces)
                guard ["key results", "krs", "kpis", "kpi", "health metrics"].contains(heading) else {
                    throw error(lineNumber, "unknown sub-heading '\(trimmed)'; only '### Key results' and '### KPIs' may group an objective's lines")
                }
                guard !set.objectives.isEmpty else { throw error(lineNumber, "'\(trimmed)' must come under an '## ' objective") }
            } else if let itemStart = Self.listItemStart(trimmed) {
                let item = String(trimmed.dropFirst(itemStart))
                guard !set.objectives.isEmpty else {
                    throw error(lineNumber, "a key result must come under an '## ' objective")
                }
                let column = indent + itemStart + 1
                if item.first == "K" || item.first == "k", let kpiRange = item.range(of: "^KPI\\s*:\\s*", options: [.regularExpression, .caseInsensitive]) {
                    let body = String(item[kpiRange.upperBound...])
                    let location = SourceLocation(line: lineNumber, column: column + item.distance(from: item.startIndex, to: kpiRange.upperBound))
                    do {
                        set.objectives[set.objectives.count - 1].kpis.append(try KPI(line: body, location: location))
                    } catch {
                        throw self.error(lineNumber, error.description, column: location.column)
                    }
                } else {
                    let (text, offset) = Self.strip(prefix: Self.keyResultPrefix, from: item)
                    guard !text.isEmpty else { throw error(lineNumber, "an empty key result") }
                    let kr = KeyResult(text: text, location: SourceLocation(line: lineNumber, column: column + offset))
                    set.objectives[set.objectives.count - 1].keyResults.append(kr)
                }
            } else if let colon = trimmed.firstIndex(of: ":"), !trimmed[..<colon].contains(" ") || trimmed[..<colon].count <= 12 {
                let key = trimmed[..<colon].lowercased()
                let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                try apply(key: key, value: value, to: &set, line: lineNumber)
            } else {
                throw error(lineNumber, "unexpected text; a line is a '# ' title, an '## ' objective, a 'Key: value' field or a '- ' key result")
            }
        }
        guard !set.objectives.isEmpty else {
            throw error(1, "no objectives found; start each with '## Objective: ...'")
        }
        return set
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

    static let objectivePrefix = "^(Objective(\\s*\\d+)?|O\\s*\\d+)\\s*[:.)-]\\s*"
    static let keyResultPrefix = "^(KR\\s*\\d*|Key result(\\s*\\d+)?)\\s*[:.)-]\\s*"

    /// Drops a label such as "Objective:" or "KR2:", returning the rest and how many characters went.
    static func strip(prefix pattern: String, from text: String) -> (String, Int) {
        // Most lines carry no label: skip the regular expression for them, it dominates big files.
        guard let first = text.first, "KkOo".contains(first),
              let range = text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) else {
            return (text.trimmingCharacters(in: .whitespaces), 0)
        }
        return (String(text[range.upperBound...]).trimmingCharacters(in: .whitespaces), text.distance(from: text.startIndex, to: range.upperBound))
    }

    /// The line without surrounding blanks (and a Windows line end), and how many blanks
    /// indented it. Works on bytes: trimming is done for every line of files of any size.
    static func trimmed(_ line: Substring) -> (String, Int) {
        let bytes = line.utf8
        var start = bytes.startIndex, end = bytes.endIndex
        var indent = 0
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") {
            start = bytes.index(after: start)
            indent += 1
        }
        while end > start {
            let before = bytes.index(before: end)
            let b = bytes[before]
            guard b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") else { break }
            end = before
        }
        return (String(line[start..<end]), indent)
    }

    /// The length of a list marker (`- `, `* `, `+ `, `1. `, `2) `), or nil when the line is no item.
    static func listItemStart(_ line: String) -> Int? {
        let bytes = Array(line.utf8.prefix(5))
        guard let first = bytes.first else { return nil }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            return bytes.count > 1 && bytes[1] == UInt8(ascii: " ") ? 2 : nil
        }
        var digits = 0
        while digits < bytes.count, bytes[digits] >= 48, bytes[digits] <= 57 { digits += 1 }
        guard digits >= 1, digits <= 3, digits + 1 < bytes.count else { return nil }
        let mark = bytes[digits]
        guard mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")"), bytes[digits + 1] == UInt8(ascii: " ") else { return nil }
        return digits + 2
    }
}
