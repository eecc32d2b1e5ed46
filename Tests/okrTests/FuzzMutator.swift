import Foundation

/// SplitMix64: a small, fast generator whose whole run follows from its seed, so a fuzz run
/// that finds something can be repeated exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Turns good inputs into bad ones: byte and line edits, and fragments known to upset parsers
/// (line endings, NUL, escape sequences, YAML anchors and aliases, deep nesting, huge numbers,
/// invalid UTF-8).
struct FuzzMutator {
    var random: SeededGenerator

    static let fragments: [String] = [
        "\r\n", "\r", "\n\n", "\0", "\u{1B}[31m", "\u{1B}]0;pwned\u{07}", "\u{1B}[2J", "\u{9B}1m", "\u{7F}", "\t",
        "\u{2028}", "\u{85}", "\u{FEFF}", "\u{200B}", "é", "🚀", "e\u{301}", "\u{202E}",
        "&a ", "*a", "&b [x, y]", "*b", "<<: *a", "? ", ": ", "{", "}", "[", "]", ",", "|", ">", "!!binary ", "!!str ", "!custom ",
        "%YAML 1.2\n", "---\n", "...\n", "'", "\"", "\\", "#", "- ", "* ", "+ ", "1. ", "# ", "## ", "### ", "### Key results\n",
        "KPI: ", "KR1: ", "Objective: ", "O1: ", "Owner: ", "Team: ", "Timeframe: ", "Cycle: ", "Parent: ", "<!--", "-->",
        "Q3 2026", "Q5 2027", "H3 2026", "FY2027", "2027-Q1", "by 2027-02-30", "by end of February 2027", "this quarter", "next quarter",
        "from 0 to 0", "from $1M to $2M", "by 100%", "-9223372036854775808", "9223372036854775807", "99999999999999999999999999",
        "1e308", "NaN", "0x1F", "%", "$", "null", "~", "true", "[[[[[[[[[[", "{{{{{{{{{{", "\"\\u0000\"", "\"\\ud800\"",
    ]

    static let invalidUTF8: [[UInt8]] = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80]]

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }

    /// One to several edits of `input`.
    mutating func mutate(_ input: [UInt8], splicing others: [[UInt8]] = []) -> [UInt8] {
        var bytes = input
        for _ in 0..<int(1..<6) { edit(&bytes, others) }
        return bytes
    }

    private mutating func edit(_ bytes: inout [UInt8], _ others: [[UInt8]]) {
        let at = bytes.isEmpty ? 0 : int(0..<bytes.count + 1)
        switch int(0..<14) {
        case 0, 1, 2:  // a fragment, at a random place or at a line start
            let place = chance(0.5) ? lineStart(bytes, near: at) : at
            bytes.insert(contentsOf: Array(pick(Self.fragments).utf8), at: place)
        case 3:
            guard !bytes.isEmpty else { return }
            bytes[min(at, bytes.count - 1)] ^= UInt8(1 << int(0..<8))
        case 4:
            guard !bytes.isEmpty else { return }
            let start = min(at, bytes.count - 1)
            bytes.removeSubrange(start..<min(bytes.count, start + int(1..<40)))
        case 5:
            bytes.insert(contentsOf: pick(Self.invalidUTF8), at: at)
        case 6, 7:  // duplicate, drop or swap whole lines
            var lines = split(bytes)
            guard lines.count > 1 else { return }
            let i = int(0..<lines.count), j = int(0..<lines.count)
            switch int(0..<3) {
            case 0: lines.insert(lines[i], at: j)
            case 1: lines.remove(at: i)
            default: lines.swapAt(i, j)
            }
            bytes = Array(lines.joined(separator: [0x0A]))
        case 8:  // a line from another input
            guard let other = others.isEmpty ? nil : pick(others) else { return }
            let lines = split(other)
            guard !lines.isEmpty else { return }
            bytes.insert(contentsOf: pick(lines) + [0x0A], at: lineStart(bytes, near: at))
        case 9:  // every line ending changed
            let ending: [UInt8] = chance(0.5) ? [0x0D, 0x0A] : [0x0D]
            bytes = Array(split(bytes).joined(separator: ending))
        case 10:
            bytes = Array(bytes.prefix(at))
        case 11:  // indentation changed (YAML's structure)
            let place = lineStart(bytes, near: at)
            if chance(0.5) {
                bytes.insert(contentsOf: Array(repeating: UInt8(ascii: " "), count: int(1..<5)), at: place)
            } else if place < bytes.count, bytes[place] == UInt8(ascii: " ") {
                bytes.remove(at: place)
            }
        case 12:  // a long run of one fragment
            let piece = Array(pick(["x", "word ", "[", "- ", "*a, ", "9", "é", "\u{1B}[0m"]).utf8)
            bytes.insert(contentsOf: Array(repeating: piece, count: int(10..<3000)).joined(), at: at)
        default:  // a random byte
            bytes.insert(UInt8.random(in: 0...255, using: &random), at: at)
        }
    }

    private func lineStart(_ bytes: [UInt8], near index: Int) -> Int {
        var i = min(index, bytes.count)
        while i > 0, bytes[i - 1] != 0x0A { i -= 1 }
        return i
    }

    private func split(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    }
}
