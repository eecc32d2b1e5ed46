import Foundation

/// The cascade of sets by their objectives' `Parent:` links: a company objective with the team
/// objectives that serve it beneath. Pure: the caller hands over the sets (from the store).
public struct Cascade: Sendable {
    /// One objective of one set.
    public struct Node: Hashable, Sendable {
        public var set: Int
        public var objective: Int

        public init(set: Int, objective: Int) {
            self.set = set
            self.objective = objective
        }
    }

    public let sets: [(id: String, set: OKRSet)]
    private var parents: [Node: Node] = [:]
    private var children: [Node: [Node]] = [:]
    /// Objectives that name a parent the sets do not hold.
    public private(set) var missing: [Node] = []

    public init(sets: [(id: String, set: OKRSet)]) {
        self.sets = sets
        // Objective titles by set id, and every set holding a title, for linear lookups.
        var byID: [String: Int] = [:]
        for (i, entry) in sets.enumerated() where byID[entry.id] == nil { byID[entry.id] = i }
        var byTitle: [String: [Node]] = [:]
        for (s, entry) in sets.enumerated() {
            for (o, objective) in entry.set.objectives.enumerated() { byTitle[Self.key(objective.title), default: []].append(Node(set: s, objective: o)) }
        }
        for (s, entry) in sets.enumerated() {
            for (o, objective) in entry.set.objectives.enumerated() {
                guard let parent = objective.parent else { continue }
                let node = Node(set: s, objective: o)
                let candidates = byTitle[Self.key(parent.objective)] ?? []
                let found: Node?
                if parent.setID.isEmpty {
                    found = candidates.first { $0.set != s }
                } else {
                    found = byID[parent.setID].flatMap { p in candidates.first { $0.set == p } }
                }
                if let found, found != node {
                    parents[node] = found
                    children[found, default: []].append(node)
                } else {
                    missing.append(node)
                }
            }
        }
    }

    public func parent(of node: Node) -> Node? { parents[node] }
    public func children(of node: Node) -> [Node] { children[node] ?? [] }

    /// Objectives with no parent in the cascade (none named, or one that is missing), in set order.
    public var roots: [Node] {
        sets.indices.flatMap { s in sets[s].set.objectives.indices.map { Node(set: s, objective: $0) } }.filter { parents[$0] == nil }
    }

    public func objective(_ node: Node) -> Objective { sets[node.set].set.objectives[node.objective] }

    /// `missing-parent` findings, each with the id of the set it is in.
    public func missingParentFindings(text: CycleRules.Text) -> [(set: String, finding: Finding)] {
        missing.map { node in
            let objective = objective(node)
            return (sets[node.set].id, text.finding(subject: objective.title, location: objective.location,
                                                    slots: ["parent": objective.parent?.text ?? ""]))
        }
    }

    /// `missing-parent` findings on one set (not yet stored, or stored as `id`) against the sets
    /// in a store.
    public static func missingParents(of set: OKRSet, id: String, among stored: [(id: String, set: OKRSet)],
                                      text: CycleRules.Text) -> [Finding] {
        guard set.objectives.contains(where: { $0.parent != nil }) else { return [] }
        let others = stored.filter { $0.id != id }
        let cascade = Cascade(sets: others + [(id, set)])
        return cascade.missing.filter { $0.set == others.count }.map { node in
            let objective = cascade.objective(node)
            return text.finding(subject: objective.title, location: objective.location, slots: ["parent": objective.parent?.text ?? ""])
        }
    }

    private static func key(_ title: String) -> String {
        title.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
