/// Wraps text to a width at word boundaries; no word is ever cut. A line that starts with a label
/// ("  1.2 ", "O1. ", "    Why: ", "! ", or a first word set off by a run of spaces, as in the
/// help's columns) goes on under the text after the label. A path or link (a word with '/' in it,
/// longer than a third of the width) gets a line of its own, whole, so it can be copied, and so
/// the words around it wrap the same wherever the file is.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: max(width, 20)) }
            .joined(separator: "\n")
    }

    static func wrapLine(_ line: String, width: Int) -> String {
        let words = pieces(line)
        guard line.count > width || words.contains(where: { isPath($0.word, width) }) else { return line }
        let hanging = String(repeating: " ", count: min(hangingIndent(of: line), width / 2))
        var lines: [String] = []
        var current = ""
        var count = 0
        var afterPath = false
        for (index, piece) in words.enumerated() {
            let path = isPath(piece.word, width)
            let atStart = index == 0 || current == hanging
            if !atStart, count + piece.space.count + piece.word.count > width || path || afterPath {
                lines.append(current)
                current = hanging
                count = hanging.count
            } else if index > 0 || !piece.space.isEmpty {
                // The spacing as written: the leading indent, or the gap before this word.
                current += piece.space
                count += piece.space.count
            }
            current += piece.word
            count += piece.word.count
            afterPath = path
        }
        if !current.isEmpty, current != hanging { lines.append(current) }
        return lines.joined(separator: "\n")
    }

    /// The line's words, each with the blanks before it.
    private static func pieces(_ line: String) -> [(space: Substring, word: Substring)] {
        var result: [(space: Substring, word: Substring)] = []
        var index = line.startIndex
        while index < line.endIndex {
            let spaceEnd = line[index...].firstIndex { $0 != " " } ?? line.endIndex
            let wordEnd = line[spaceEnd...].firstIndex { $0 == " " } ?? line.endIndex
            if spaceEnd < wordEnd { result.append((line[index..<spaceEnd], line[spaceEnd..<wordEnd])) }
            index = wordEnd
        }
        return result
    }

    private static func isPath(_ word: Substring, _ width: Int) -> Bool {
        word.count > width / 3 && word.contains("/")
    }

    /// Where the text after a leading label starts ("  1.2 ", "    Why: "), or after the first
    /// column of a table-like line (a run of two or more blanks), or the line's own indentation.
    static func hangingIndent(of line: String) -> Int {
        let leading = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(leading)
        guard let firstWord = rest.split(separator: " ").first else { return leading }
        let labels: Set<String> = ["Why:", "Try:", "!", "-", "*", ">", "KPI:", "note", "warning", "error"]
        let isNumberLabel = firstWord.first?.isNumber == true && firstWord.allSatisfy { $0.isNumber || $0 == "." }
        let isLineLabel = (firstWord.first == "O" || firstWord.first == "K") && firstWord.count > 1
            && firstWord.dropFirst().allSatisfy { $0.isNumber || $0 == "." }
        if labels.contains(String(firstWord)) || isNumberLabel || isLineLabel {
            return leading + firstWord.count + 1
        }
        if rest.hasPrefix("Ask yourself: ") { return leading + 14 }
        // A column: the text after the first run of two or more blanks, if it starts early enough.
        if let gap = rest.range(of: "  ") {
            let afterGap = rest[gap.lowerBound...].drop { $0 == " " }
            let column = leading + rest.distance(from: rest.startIndex, to: afterGap.startIndex)
            if !afterGap.isEmpty, column <= line.count / 2 { return column }
        }
        return leading
    }
}
