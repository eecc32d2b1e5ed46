import Foundation
import Yams

/// The keys of one rule file that belong to its kind, with the nodes they came from, so a kind
/// reads its settings and reports any problem at the line and column where it was written.
struct RuleFields {
    /// The kind's own keys present in the file.
    let values: [String: Node]
    /// The whole rule's node, for problems about something missing.
    let root: Node
    /// The `kind:` value, for problems about the kind as a whole.
    let kindNode: Node
    let target: RuleTarget
    /// The `target:` value, for a kind that cannot look at that target.
    let targetNode: Node

    func node(_ key: String) -> Node? { values[key] }

    func required(_ key: String) throws(YAMLTree.Problem) -> Node {
        guard let node = values[key] else { throw YAMLTree.problem(root, "a \(kindName) rule needs '\(key)'") }
        return node
    }

    var kindName: String { kindNode.string ?? "" }

    func integer(_ key: String) throws(YAMLTree.Problem) -> Int? {
        guard let node = values[key] else { return nil }
        return try YAMLTree.integer(node, what: "'\(key)'")
    }

    func bool(_ key: String) throws(YAMLTree.Problem) -> Bool? {
        guard let node = values[key] else { return nil }
        return try YAMLTree.bool(node, what: "'\(key)'")
    }

    /// A non-empty list of values (a single value counts as a list of one).
    func list(_ key: String) throws(YAMLTree.Problem) -> [String]? {
        guard let node = values[key] else { return nil }
        let items = try YAMLTree.strings(node, what: "'\(key)'")
        guard !items.isEmpty else { throw YAMLTree.problem(node, "'\(key)' is an empty list") }
        return items
    }

    /// Values that must each be one of `allowed`; an unknown one is an error naming the choices.
    func choices<T>(_ key: String, _ allowed: [String], _ make: (String) -> T?) throws(YAMLTree.Problem) -> [T]? {
        guard let node = values[key], let items = try list(key) else { return nil }
        return try YAMLTree.choices(items, node: node, what: "'\(key)'", allowed: allowed, make)
    }

    func requireTarget(in allowed: [RuleTarget]) throws(YAMLTree.Problem) {
        guard allowed.contains(target) else {
            let names = allowed.map { "'\($0.rawValue)'" }.joined(separator: " or ")
            throw YAMLTree.problem(targetNode, "a \(kindName) rule targets \(names)")
        }
    }
}

extension YAMLTree {
    static func bool(_ node: Node, what: String) throws(Problem) -> Bool {
        switch try string(node, what: what).lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw problem(node, "\(what) must be true or false")
        }
    }

    /// Each item made into a value by `make`, or an error at `node` naming the bad item, the
    /// closest allowed one and every choice.
    static func choices<T>(_ items: [String], node: Node, what: String, allowed: [String],
                           _ make: (String) -> T?) throws(Problem) -> [T] {
        var result: [T] = []
        for item in items {
            guard let value = make(item) else {
                var message = "unknown value '\(item)' in \(what)"
                if let near = Suggestion.closest(to: item, among: allowed) { message += " (did you mean '\(near)'?)" }
                throw problem(node.sequence?.first(where: { $0.string == item }) ?? node,
                              message + "; expected one of: " + allowed.joined(separator: ", "))
            }
            result.append(value)
        }
        return result
    }
}
