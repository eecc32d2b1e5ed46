import Foundation
import Yams

/// Reads rule files and checks them fully at load time: a rule that cannot work is an error
/// with its file, line and column, never a rule that silently matches nothing. The keys every
/// rule has are read here; the rest belong to the rule's kind (`RuleKinds`), which reads them.
public enum RuleLoader {
    static let commonKeys = ["id", "kind", "target", "severity", "message", "why", "ask", "suggest", "offers", "skip_if", "examples"]

    public static func load(yaml: String, file: String) throws(RuleFileError) -> Rule {
        do throws(YAMLTree.Problem) {
            guard let root = try YAMLTree.parse(yaml) else {
                throw YAMLTree.Problem(line: 1, column: 1, message: "the rule file is empty")
            }
            return try rule(from: root, file: file)
        } catch {
            throw RuleFileError(file: file, line: error.line, column: error.column, problem: error.message)
        }
    }

    private static func rule(from root: Node, file: String) throws(YAMLTree.Problem) -> Rule {
        guard case .mapping(let mapping) = root else { throw YAMLTree.problem(root, "a rule must be a mapping of 'key: value' lines") }
        var common: [String: Node] = [:]
        var others: [(key: Node, name: String, value: Node)] = []
        for (key, value) in mapping {
            guard let name = key.string else { throw YAMLTree.problem(key, "a key must be plain text") }
            if commonKeys.contains(name) { common[name] = value } else { others.append((key, name, value)) }
        }
        func required(_ key: String) throws(YAMLTree.Problem) -> Node {
            guard let node = common[key] else { throw YAMLTree.problem(root, "the rule has no '\(key)'") }
            return node
        }
        func text(_ key: String) throws(YAMLTree.Problem) -> String {
            let node = try required(key)
            let value = try YAMLTree.string(node, what: "'\(key)'").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { throw YAMLTree.problem(node, "'\(key)' is empty") }
            return value
        }

        let id = try text("id")
        guard id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
            throw YAMLTree.problem(try required("id"), "a rule id is lower-case words joined by '-', like 'kr-is-task'")
        }
        let kindNode = try required("kind")
        let kindName = try text("kind")
        guard let kind = RuleKinds.named(kindName) else {
            var message = "unknown kind '\(kindName)'"
            if let near = Suggestion.closest(to: kindName, among: RuleKinds.names) { message += " (did you mean '\(near)'?)" }
            throw YAMLTree.problem(kindNode, message + "; expected one of: " + RuleKinds.names.joined(separator: ", "))
        }
        let targetNode = try required("target")
        guard let target = RuleTarget(rawValue: try text("target")) else {
            throw YAMLTree.problem(targetNode, "'target' must be one of: set, objective, kr")
        }
        let severityNode = try required("severity")
        guard let severity = Severity(rawValue: try text("severity")) else {
            throw YAMLTree.problem(severityNode, "'severity' must be one of: error, warning, info")
        }

        // Every other key must be the kind's own; one of another kind's is named as such.
        var own: [String: Node] = [:]
        for (key, name, value) in others {
            guard kind.keys.contains(name) else {
                let owners = RuleKinds.owners(of: name)
                if !owners.isEmpty {
                    throw YAMLTree.problem(key, "'\(name)' belongs to \(owners.map { "a \($0) rule" }.joined(separator: " or ")), not to a \(kindName) rule; a \(kindName) rule takes: "
                                           + (kind.keys.isEmpty ? "no keys of its own" : kind.keys.joined(separator: ", ")))
                }
                var message = "unknown key '\(name)' in a \(kindName) rule"
                if let near = Suggestion.closest(to: name, among: commonKeys + kind.keys) { message += " (did you mean '\(near)'?)" }
                throw YAMLTree.problem(key, message + "; expected one of: " + (commonKeys + kind.keys).joined(separator: ", "))
            }
            own[name] = value
        }
        let check = try kind.init(fields: RuleFields(values: own, root: root, kindNode: kindNode, target: target, targetNode: targetNode))

        let examplesNode = try required("examples")
        let exampleFields = try YAMLTree.mapping(examplesNode, allowed: ["flag", "pass"], what: "'examples'")
        guard let flagNode = exampleFields["flag"], let passNode = exampleFields["pass"] else {
            throw YAMLTree.problem(examplesNode, "'examples' needs both 'flag' and 'pass' lists")
        }
        var flag: [RuleExample] = [], pass: [RuleExample] = []
        for node in try YAMLTree.sequence(flagNode, what: "'flag'") { flag.append(try RuleExample(node, flag: true)) }
        for node in try YAMLTree.sequence(passNode, what: "'pass'") { pass.append(try RuleExample(node, flag: false)) }
        guard !flag.isEmpty, !pass.isEmpty else {
            throw YAMLTree.problem(examplesNode, "a rule needs at least one 'flag' and one 'pass' example")
        }
        let skipIf = try common["skip_if"].map { node throws(YAMLTree.Problem) in try YAMLTree.strings(node, what: "'skip_if'") } ?? []

        var offers = CoachOffer.defaults
        if let node = common["offers"] {
            let names = try YAMLTree.strings(node, what: "'offers'")
            guard !names.isEmpty else { throw YAMLTree.problem(node, "'offers' is an empty list") }
            offers = try YAMLTree.choices(names, node: node, what: "'offers'", allowed: CoachOffer.allCases.map(\.rawValue)) { CoachOffer(rawValue: $0) }
        }
        let suggest = try common["suggest"].map { node throws(YAMLTree.Problem) in try SuggestTemplate(node, target: target, targetNode: targetNode) }
        if offers.contains(.useSuggestion), suggest == nil, let node = common["offers"] {
            throw YAMLTree.problem(node, "'use-suggestion' is offered but the rule has no 'suggest' template")
        }
        return Rule(id: id, severity: severity, target: target, kind: check,
                    message: try text("message"), why: try text("why"), ask: try text("ask"),
                    skipIf: skipIf, suggest: suggest, offers: offers, examples: .init(flag: flag, pass: pass), origin: file)
    }
}
