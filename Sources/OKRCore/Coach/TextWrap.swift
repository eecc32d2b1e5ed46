/// Wraps text to a width at word boundaries. A line that starts with a label ("  1.2 ",
/// "O1. ", "    Why: ", "! ") goes on under the text after the label. Only a single word longer
/// than the width is cut, since it cannot fit any other way.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine(String($0), width: max(width, 20)) }
            .joined(separator: "\n")
    }

    static func wrapLine(_ line: String, width: Int) -> String {
        guard line.count > width else { return line }
        let hanging = String(repeating: " ", count: min(hangingIndent(of: line), width / 2))
        var lines: [String] = []
        var current = ""
        var currentCount = 0
        let leading = line.prefix { $0 == " " }
        current = String(leading)
        currentCount = leading.count
        var atLineStart = true
        for word in line.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: true) {
            var word = Substring(word)
            let needed = atLineStart ? word.count : word.count + 1
            if currentCount + needed > width, !atLineStart {
                lines.append(current)
                current = hanging
                currentCount = hanging.count
                atLineStart = true
            }
            // A word longer than a whole line: cut it where the line ends.
            while currentCount + word.count > width {
                let room = max(1, width - currentCount)
                current += word.prefix(room)
                lines.append(current)
                word = word.dropFirst(room)
                current = hanging
                currentCount = hanging.count
            }
            if !atLineStart {
                current += " "
                currentCount += 1
            }
            current += word
            currentCount += word.count
            atLineStart = false
        }
        if !current.trimmingTrailingBlanks().isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }

    /// Where the text after a leading label starts, or the line's own indentation.
    static func hangingIndent(of line: String) -> Int {
        let leading = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(leading)
        guard let firstWord = rest.split(separator: " ").first else { return leading }
        let labels: Set<String> = ["Why:", "Try:", "!", "-", "*", ">", "KPI:", "note", "warning", "error"]
        let isNumberLabel = firstWord.allSatisfy { $0.isNumber || $0 == "." } && firstWord.first?.isNumber == true
        let isLineLabel = (firstWord.first == "O" || firstWord.first == "K") && firstWord.dropFirst().allSatisfy { $0.isNumber || $0 == "." } && firstWord.count > 1
        if labels.contains(String(firstWord)) || isNumberLabel || isLineLabel {
            return leading + firstWord.count + 1
        }
        if rest.hasPrefix("Ask yourself: ") { return leading + 14 }
        return leading
    }
}

private extension String {
    func trimmingTrailingBlanks() -> Substring {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
