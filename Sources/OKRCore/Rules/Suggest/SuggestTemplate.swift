import Foundation
import Yams

/// A rule's suggested rewrite: one or more alternatives with `{slots}` filled from the reading.
///
///     suggest: "Raise {metric} from {baseline} to {target}"
///     suggest:
///       - when: {kinds: [routine]}            # a condition on the reading, as in a reading rule
///         text: "Raise the share of {done_phrase} from __% to __%"
///       - "What should {object|it} change? e.g. raise __ from __ to __"
///
/// The first alternative whose `when` holds and whose slots are all known is used. A number slot
/// ({baseline}, {target}, {change}, {blank}) is never unknown: a number the line does not state
/// is a blank, `__`. `{slot|words}` puts the words in when the slot is unknown. The result starts
/// with a capital letter.
public struct SuggestTemplate: Hashable, Sendable {
    struct Alternative: Hashable, Sendable {
        enum Part: Hashable, Sendable {
            case text(String)
            case slot(SuggestSlot, fallback: String?)
        }

        var when: ReadingCondition?
        var parts: [Part]
        var source: String
    }

    let alternatives: [Alternative]

    /// The templates as written, for `okr explain`.
    public var sources: [String] { alternatives.map(\.source) }

    init(_ node: Node, target: RuleTarget, targetNode: Node) throws(YAMLTree.Problem) {
        var alternatives: [Alternative] = []
        let items: [Node]
        if case .sequence(let sequence) = node { items = Array(sequence) } else { items = [node] }
        guard !items.isEmpty else { throw YAMLTree.problem(node, "'suggest' is an empty list") }
        for item in items {
            if case .mapping = item {
                let fields = try YAMLTree.mapping(item, allowed: ["when", "text"], what: "an alternative of 'suggest'")
                guard let textNode = fields["text"] else { throw YAMLTree.problem(item, "an alternative of 'suggest' needs 'text'") }
                var when: ReadingCondition?
                var alternative = try Self.alternative(textNode, when: nil)
                if let whenNode = fields["when"] {
                    let conditions = try YAMLTree.mapping(whenNode, allowed: Set(ReadingCondition.keys), what: "'when'")
                    when = try ReadingCondition(conditions, target: target, targetNode: targetNode)
                    alternative.when = when
                    alternative.source += " (when " + Self.describe(whenNode) + ")"
                }
                alternatives.append(alternative)
            } else {
                alternatives.append(try Self.alternative(item, when: nil))
            }
        }
        self.alternatives = alternatives
    }

    private static func alternative(_ node: Node, when: ReadingCondition?) throws(YAMLTree.Problem) -> Alternative {
        let source = try YAMLTree.string(node, what: "a 'suggest' template").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !source.isEmpty else { throw YAMLTree.problem(node, "a 'suggest' template is empty") }
        var parts: [Alternative.Part] = []
        var rest = Substring(source)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else {
                throw YAMLTree.problem(node, "a '{' or '}' without its pair in the 'suggest' template \"\(source)\"")
            }
            if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
            let inside = rest[rest.index(after: open)..<close]
            guard !inside.contains("{") else { throw YAMLTree.problem(node, "a '{' inside a slot in the 'suggest' template \"\(source)\"") }
            let pieces = inside.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let name = pieces[0].trimmingCharacters(in: .whitespaces)
            guard let slot = SuggestSlot(rawValue: name) else {
                let names = SuggestSlot.allCases.map(\.rawValue)
                var message = "unknown slot '{\(name)}' in the 'suggest' template"
                if let near = Suggestion.closest(to: name, among: names) { message += " (did you mean '{\(near)}'?)" }
                throw YAMLTree.problem(node, message + "; slots: " + names.joined(separator: ", "))
            }
            parts.append(.slot(slot, fallback: pieces.count > 1 ? String(pieces[1]) : nil))
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        return Alternative(when: when, parts: parts, source: source)
    }

    /// A `when:` mapping in one line: "has_target: false, kinds: [routine]".
    private static func describe(_ node: Node) -> String {
        guard case .mapping(let mapping) = node else { return node.string ?? "" }
        return mapping.map { key, value in
            let shown = value.sequence.map { "[" + $0.compactMap(\.string).joined(separator: ", ") + "]" } ?? value.string ?? ""
            return "\(key.string ?? ""): \(shown)"
        }.joined(separator: ", ")
    }

    /// The suggestion for a finding on `line`, or nil when no alternative can be filled.
    func fill(_ line: RuleLine, hit: RuleHit) -> String? {
        let filler = SuggestFiller(line: line, hit: hit)
        alternatives: for alternative in alternatives {
            if let when = alternative.when, !when.holds(for: line) { continue }
            // Tidied as the parts are written: no string is built only to be tidied again.
            var out = Tidied()
            for part in alternative.parts {
                switch part {
                case .text(let text): out.write(text)
                case .slot(let slot, let fallback):
                    guard let value = filler.value(slot) ?? fallback else { continue alternatives }
                    out.write(value)
                }
            }
            return out.string
        }
        return nil
    }

    /// One space between words, no space before punctuation, a capital first letter.
    static func tidy(_ text: String) -> String {
        var out = Tidied()
        out.write(text)
        return out.string
    }

    /// Text written piece by piece and tidied on the way, over UTF-8 bytes: spaces and the marks
    /// are ASCII, so no character is split.
    struct Tidied {
        private var bytes: [UInt8] = []
        private var space = false

        init() { bytes.reserveCapacity(128) }

        mutating func write(_ text: String) {
            var text = text
            text.withUTF8 { piece in
                for byte in piece {
                    if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") {
                        space = !bytes.isEmpty
                        continue
                    }
                    if space, !SuggestTemplate.isClosing(byte) { bytes.append(UInt8(ascii: " ")) }
                    space = false
                    bytes.append(byte)
                }
            }
        }

        /// The text with its first letter a capital. Consumes the bytes: capitalised in place, not
        /// in a copy; only a line that starts with a non-ASCII letter is read as characters.
        var string: String {
            mutating get {
                guard let first = bytes.first else { return "" }
                if first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") { bytes[0] = first - 32 }
                let tidied = String(decoding: bytes, as: UTF8.self)
                bytes = []
                guard first >= 0x80, let letter = tidied.first, letter.isLowercase else { return tidied }
                return letter.uppercased() + tidied.dropFirst()
            }
        }
    }

    /// A mark that closes up to the word before it: , . ? ) :
    @inline(__always) static func isClosing(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ")")
            || byte == UInt8(ascii: ":")
    }
}
