import Yams

/// A thin layer over Yams' node tree that reports every problem with its line and column,
/// shared by the rule, config and document readers.
struct YAMLTree {
    struct Problem: Error {
        var line: Int
        var column: Int
        var message: String
    }

    /// Parses YAML (or JSON, which YAML reads too) into a node, or nil for an empty text.
    /// Aliases that would expand past `Limits.yamlAliasNodes` are refused before anything is
    /// built, and no problem points past the text's last line.
    static func parse(_ text: String) throws(Problem) -> Node? {
        do throws(Problem) {
            try YAMLAliasBudget.check(text)
            return try compose(text)
        } catch {
            throw within(error, text)
        }
    }

    private static func compose(_ text: String) throws(Problem) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                throw Problem(line: mark.line, column: mark.column, message: "not valid YAML: \(problem)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                throw Problem(line: context.mark.line, column: context.mark.column,
                              message: "the key '\(duplicates.joined(separator: "', '"))' appears twice")
            case .reader(let problem, _, _, _):
                throw Problem(line: 1, column: 1, message: "cannot read the text: \(problem)")
            default:
                throw Problem(line: 1, column: 1, message: "not valid YAML: \(error)")
            }
        } catch {
            throw Problem(line: 1, column: 1, message: "not valid YAML: \(error)")
        }
    }

    /// libyaml puts "unexpected end of the stream" on the line after a final line break: such a
    /// place becomes the end of the last line, so no error points past the end of the file.
    private static func within(_ problem: Problem, _ text: String) -> Problem {
        if problem.line < 1 { return Problem(line: 1, column: 1, message: problem.message) }
        guard problem.line > 1 else { return problem }
        // libyaml's line breaks: CR LF, CR, LF, NEL, LS and PS, which are Swift's newlines.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        guard problem.line > lines.count else { return problem }
        return Problem(line: lines.count, column: (lines.last?.count ?? 0) + 1, message: problem.message)
    }

    static func line(_ node: Node) -> Int { node.mark?.line ?? 1 }
    static func column(_ node: Node) -> Int { node.mark?.column ?? 1 }

    static func problem(_ node: Node, _ message: String) -> Problem {
        Problem(line: line(node), column: column(node), message: message)
    }

    /// The mapping's entries by key, rejecting keys not in `allowed` so that a typo is never
    /// silently ignored.
    static func mapping(_ node: Node, allowed: Set<String>, what: String) throws(Problem) -> [String: Node] {
        guard case .mapping(let mapping) = node else { throw problem(node, "\(what) must be a mapping of 'key: value' lines") }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { throw problem(key, "a key must be plain text") }
            guard allowed.contains(name) else {
                let near = Suggestion.closest(to: name, among: allowed.sorted()).map { " (did you mean '\($0)'?)" } ?? ""
                throw problem(key, "unknown key '\(name)' in \(what)\(near); expected one of: \(allowed.sorted().joined(separator: ", "))")
            }
            result[name] = value
        }
        return result
    }

    /// A text value. NUL is refused here (a store would cut the text at it), and so is a text
    /// longer than a line may be: JSON can hold a whole document on one line, so the line limit
    /// becomes a limit on each value.
    static func string(_ node: Node, what: String) throws(Problem) -> String {
        guard case .scalar(let scalar) = node else { throw problem(node, "\(what) must be a single value") }
        let text = scalar.string
        if text.utf8.count > Limits.lineBytes {
            throw problem(node, "\(what) is \(text.utf8.count) bytes long; okr accepts texts of up to \(Limits.describe(bytes: Limits.lineBytes))")
        }
        if text.utf8.contains(0) { throw problem(node, "\(what) contains a NUL character (\\0); remove it") }
        return text
    }

    static func strings(_ node: Node, what: String) throws(Problem) -> [String] {
        if case .scalar(let scalar) = node { return [scalar.string] }
        guard case .sequence(let sequence) = node else { throw problem(node, "\(what) must be a list") }
        var result: [String] = []
        for item in sequence { result.append(try string(item, what: "each item of \(what)")) }
        return result
    }

    static func sequence(_ node: Node, what: String) throws(Problem) -> [Node] {
        guard case .sequence(let sequence) = node else { throw problem(node, "\(what) must be a list") }
        return Array(sequence)
    }

    static func integer(_ node: Node, what: String) throws(Problem) -> Int {
        guard let value = Int(try string(node, what: what)) else { throw problem(node, "\(what) must be a whole number") }
        return value
    }

    static func number(_ node: Node, what: String) throws(Problem) -> Double {
        guard let value = Double(try string(node, what: what)) else { throw problem(node, "\(what) must be a number") }
        return value
    }
}
