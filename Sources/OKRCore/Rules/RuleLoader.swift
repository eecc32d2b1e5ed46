import Foundation
import Yams

/// Reads rule files and checks them fully at load time: a rule that cannot work is an error
/// with its file and line, never a rule that silently matches nothing.
public enum RuleLoader {
    static let keys: Set<String> = ["id", "kind", "target", "severity", "message", "why", "ask", "first_word",
                                    "match", "unless", "skip_if", "min", "max", "threshold", "examples", "suggest", "offers"]

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
        let fields = try YAMLTree.mapping(root, allowed: keys, what: "a rule")
        func required(_ key: String) throws(YAMLTree.Problem) -> Node {
            guard let node = fields[key] else { throw YAMLTree.problem(root, "the rule has no '\(key)'") }
            return node
        }
        func text(_ key: String) throws(YAMLTree.Problem) -> String {
            let node = try required(key)
            let value = try YAMLTree.string(node, what: "'\(key)'").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { throw YAMLTree.problem(node, "'\(key)' is empty") }
            return value
        }
        func patterns(_ key: String) throws(YAMLTree.Problem) -> [PhrasePattern] {
            guard let node = fields[key] else { return [] }
            var result: [PhrasePattern] = []
            for source in try YAMLTree.strings(node, what: "'\(key)'") {
                do {
                    result.append(try PhrasePattern(source))
                } catch {
                    switch error {
                    case .empty: throw YAMLTree.problem(node, "an empty phrase in '\(key)'")
                    case .unknownClass(let name):
                        throw YAMLTree.problem(node, "unknown class '\(name)' in '\(key)'; use #num, #pct, #money or #year")
                    }
                }
            }
            return result
        }

        let id = try text("id")
        guard id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
            throw YAMLTree.problem(try required("id"), "a rule id is lower-case words joined by '-', like 'kr-is-task'")
        }
        let kindNode = try required("kind")
        let kind = try text("kind")
        let targetNode = try required("target")
        guard let target = RuleTarget(rawValue: try text("target")) else {
            throw YAMLTree.problem(targetNode, "'target' must be one of: set, objective, kr")
        }
        let severityNode = try required("severity")
        guard let severity = Severity(rawValue: try text("severity")) else {
            throw YAMLTree.problem(severityNode, "'severity' must be one of: error, warning, info")
        }

        let check: RuleCheck
        switch kind {
        case "existence":
            let first = Set(try fields["first_word"].map { node throws(YAMLTree.Problem) in
                try YAMLTree.strings(node, what: "'first_word'").map { $0.lowercased() }
            } ?? [])
            let phrases = try patterns("match")
            guard !first.isEmpty || !phrases.isEmpty else {
                throw YAMLTree.problem(kindNode, "an existence rule needs 'first_word' or 'match'")
            }
            check = .existence(first: first, phrases: phrases, unless: try patterns("unless"))
        case "absence":
            let phrases = try patterns("match")
            guard !phrases.isEmpty else { throw YAMLTree.problem(kindNode, "an absence rule needs 'match'") }
            check = .absence(phrases: phrases)
        case "count":
            guard target != .kr else { throw YAMLTree.problem(targetNode, "a count rule targets 'objective' (its key results) or 'set' (its objectives)") }
            let min = try fields["min"].map { node throws(YAMLTree.Problem) in try YAMLTree.integer(node, what: "'min'") }
            let max = try fields["max"].map { node throws(YAMLTree.Problem) in try YAMLTree.integer(node, what: "'max'") }
            guard min != nil || max != nil else { throw YAMLTree.problem(kindNode, "a count rule needs 'min' or 'max'") }
            check = .count(min: min, max: max)
        case "timeframe":
            guard target == .objective else { throw YAMLTree.problem(targetNode, "a timeframe rule targets 'objective'") }
            check = .timeframe
        case "similarity":
            guard target == .kr else { throw YAMLTree.problem(targetNode, "a similarity rule targets 'kr'") }
            let node = try required("threshold")
            let threshold = try YAMLTree.number(node, what: "'threshold'")
            guard threshold > 0, threshold <= 1 else { throw YAMLTree.problem(node, "'threshold' must be above 0 and at most 1") }
            check = .similarity(threshold: threshold)
        default:
            throw YAMLTree.problem(kindNode, "unknown kind '\(kind)'; expected one of: existence, absence, count, timeframe, similarity")
        }

        let examplesNode = try required("examples")
        let exampleFields = try YAMLTree.mapping(examplesNode, allowed: ["flag", "pass"], what: "'examples'")
        guard let flagNode = exampleFields["flag"], let passNode = exampleFields["pass"] else {
            throw YAMLTree.problem(examplesNode, "'examples' needs both 'flag' and 'pass' lists")
        }
        let flag = try YAMLTree.strings(flagNode, what: "'flag'")
        let pass = try YAMLTree.strings(passNode, what: "'pass'")
        guard !flag.isEmpty, !pass.isEmpty else {
            throw YAMLTree.problem(examplesNode, "a rule needs at least one 'flag' and one 'pass' example")
        }
        let skipIf = try fields["skip_if"].map { node throws(YAMLTree.Problem) in try YAMLTree.strings(node, what: "'skip_if'") } ?? []

        var offers = CoachOffer.defaults
        if let node = fields["offers"] {
            offers = []
            for name in try YAMLTree.strings(node, what: "'offers'") {
                guard let offer = CoachOffer(rawValue: name) else {
                    throw YAMLTree.problem(node, "unknown offer '\(name)'; use: " + CoachOffer.allCases.map(\.rawValue).joined(separator: ", "))
                }
                offers.append(offer)
            }
        }
        let suggest = fields["suggest"] == nil ? nil : try text("suggest")
        return Rule(id: id, severity: severity, target: target, check: check,
                    message: try text("message"), why: try text("why"), ask: try text("ask"),
                    skipIf: skipIf, suggest: suggest, offers: offers, examples: .init(flag: flag, pass: pass), origin: file)
    }
}
