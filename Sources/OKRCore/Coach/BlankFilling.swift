import Foundation

/// A suggested line has blanks ("__") where a number or a word is not known; the coach asks for
/// each in turn, naming it by its place: "What is the baseline, the __ in 'from __% to __%'?"
enum BlankFilling {
    static let blank = "__"

    static func hasBlanks(_ line: String) -> Bool { line.contains(blank) }

    /// The line to start from. A suggestion put as a question with an example ("What should the
    /// calls change? e.g. raise call-to-__ conversion from __% to __%") starts from its example.
    static func startingLine(_ suggestion: String) -> String {
        guard let example = suggestion.range(of: "e.g. ") else { return suggestion }
        let line = suggestion[example.upperBound...].trimmingCharacters(in: .whitespaces)
        return line.prefix(1).uppercased() + line.dropFirst()
    }

    static func question(for line: String) -> String {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let i = words.firstIndex(where: { $0.contains(blank) }) else { return "What goes in the blank?" }
        let before = i > 0 ? words[i - 1].lowercased() : ""
        let after = i + 1 < words.count ? words[i + 1].lowercased() : ""
        let word = words[i]
        let isNumberSlot = word.allSatisfy { "_%$€£".contains($0) }
        let role: String
        if !isNumberSlot {
            role = "Which word goes there"
        } else {
            switch before {
            case "from": role = "What is the baseline"
            case "to", "below", "above", "under", "over", "least", "most": role = "What is the target"
            case "by": role = "What is the change"
            default: role = after == "from" ? "What is measured" : "What number goes there"
            }
        }
        // Enough words around the blank to see what it is: "from __% to __%".
        var start = max(0, i - 1)
        if before == "to", i >= 3, words[i - 3].lowercased() == "from" { start = i - 3 }
        var end = min(i + 1, words.count - 1)
        if after == "to", i + 2 < words.count { end = i + 2 }
        if after == "from", i + 2 < words.count { end = i + 2 }
        if isNumberSlot, ["from", "to", "by", "below", "above", "under", "over", "least", "most"].contains(before), after != "to" { end = i }
        let context = words[start...end].joined(separator: " ")
        return "\(role), the \(blank) in '\(context)'?"
    }

    /// The line with its first blank filled by `answer` ("12" or "12%" for "__%" both give "12%",
    /// "1M" or "$1M" for "$__" both give "$1M").
    static func fill(_ line: String, with answer: String) -> String {
        guard let range = line.range(of: blank) else { return line }
        var value = answer.trimmingCharacters(in: .whitespaces)
        let after = line[range.upperBound...]
        if let unit = after.first, !unit.isWhitespace, !unit.isLetter, !unit.isNumber, unit != "-", value.hasSuffix(String(unit)) {
            value.removeLast()
        }
        if range.lowerBound > line.startIndex {
            let unit = line[line.index(before: range.lowerBound)]
            if !unit.isWhitespace, !unit.isLetter, !unit.isNumber, unit != "-", value.hasPrefix(String(unit)) { value.removeFirst() }
        }
        return line.replacingCharacters(in: range, with: value)
    }
}
