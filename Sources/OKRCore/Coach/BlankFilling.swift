import Foundation

/// A suggested line has blanks ("__") where a number is not known; the coach asks for each in
/// turn, naming it by the word before it: "What is the baseline, the __ in 'from __% to __%'?"
enum BlankFilling {
    static let blank = "__"

    static func hasBlanks(_ line: String) -> Bool { line.contains(blank) }

    static func question(for line: String) -> String {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let i = words.firstIndex(where: { $0.contains(blank) }) else { return "What goes in the blank?" }
        let before = i > 0 ? words[i - 1].lowercased() : ""
        let role: String
        switch before {
        case "from": role = "the baseline"
        case "to", "below", "above", "under", "over", "least", "most": role = "the target"
        case "by": role = "the change"
        default: role = "the number"
        }
        // Enough words around the blank to see what it is: "from __% to __%".
        var start = max(0, i - 1)
        if before == "to", i >= 3, words[i - 3].lowercased() == "from" { start = i - 3 }
        var end = i
        if i + 2 < words.count, words[i + 1].lowercased() == "to" { end = i + 2 }
        let context = words[start...end].joined(separator: " ")
        return "What is \(role), the \(blank) in '\(context)'?"
    }

    /// The line with its first blank filled by `answer` ("12" or "12%" for "__%" both give "12%",
    /// "1M" or "$1M" for "$__" both give "$1M").
    static func fill(_ line: String, with answer: String) -> String {
        guard let range = line.range(of: blank) else { return line }
        var value = answer.trimmingCharacters(in: .whitespaces)
        let after = line[range.upperBound...]
        if let unit = after.first, !unit.isWhitespace, !unit.isLetter, !unit.isNumber, value.hasSuffix(String(unit)) {
            value.removeLast()
        }
        if range.lowerBound > line.startIndex {
            let unit = line[line.index(before: range.lowerBound)]
            if !unit.isWhitespace, !unit.isLetter, !unit.isNumber, value.hasPrefix(String(unit)) { value.removeFirst() }
        }
        return line.replacingCharacters(in: range, with: value)
    }
}
