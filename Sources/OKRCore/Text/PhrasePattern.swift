/// A phrase to find in a line, written for people who edit rules, not for regex engines:
/// space-separated elements, each matching one token.
///
/// - `launch` a word; `launch*` any word starting with "launch"; `above|below` alternatives
/// - `#num` any quantity (number, percent or money, never a year), `#pct`, `#money`, `#year`
/// - `_` any one token; a leading `^` anchors the phrase to the first token
public struct PhrasePattern: Hashable, Sendable {
    enum Element: Hashable, Sendable {
        case words(Set<String>, prefixes: [String])
        case quantity
        case kind(Token.Kind)
        case any
    }

    public let source: String
    let elements: [Element]
    let anchored: Bool

    public enum ParseError: Error, Equatable {
        case empty
        case unknownClass(String)
    }

    public init(_ source: String) throws(ParseError) {
        self.source = source
        var parts = source.split(separator: " ").map(String.init)
        var anchored = false
        if let first = parts.first, first.hasPrefix("^") {
            anchored = true
            let rest = String(first.dropFirst())
            if rest.isEmpty { parts.removeFirst() } else { parts[0] = rest }
        }
        guard !parts.isEmpty else { throw .empty }
        var elements: [Element] = []
        for part in parts {
            switch part {
            case "_": elements.append(.any)
            case "#num": elements.append(.quantity)
            case "#pct": elements.append(.kind(.percent))
            case "#money": elements.append(.kind(.money))
            case "#year": elements.append(.kind(.year))
            default:
                if part.hasPrefix("#") { throw .unknownClass(part) }
                var words = Set<String>()
                var prefixes: [String] = []
                for alternative in part.lowercased().split(separator: "|") {
                    if alternative.hasSuffix("*") {
                        prefixes.append(String(alternative.dropLast()))
                    } else {
                        words.insert(String(alternative))
                    }
                }
                elements.append(.words(words, prefixes: prefixes))
            }
        }
        self.elements = elements
        self.anchored = anchored
    }

    /// The index of the first token of the first match, or nil.
    public func firstMatch(in tokens: [Token]) -> Int? {
        guard tokens.count >= elements.count else { return nil }
        let lastStart = anchored ? 0 : tokens.count - elements.count
        var start = 0
        while start <= lastStart {
            var ok = true
            for (offset, element) in elements.enumerated() where !Self.matches(element, tokens[start + offset]) {
                ok = false
                break
            }
            if ok { return start }
            start += 1
        }
        return nil
    }

    @inline(__always)
    static func matches(_ element: Element, _ token: Token) -> Bool {
        switch element {
        case .any: return true
        case .quantity: return token.isQuantity
        case .kind(let kind): return token.kind == kind
        case .words(let words, let prefixes):
            guard token.kind == .word else { return false }
            if words.contains(token.text) { return true }
            for prefix in prefixes where token.text.hasPrefix(prefix) { return true }
            return false
        }
    }
}
