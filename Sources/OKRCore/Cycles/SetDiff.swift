/// What changed from one version of a set to the next, for `okr history --diff`: the set's own
/// fields, objectives added, removed or renamed, and each objective's key results and KPIs.
public enum SetDiff {
    public enum Change: Hashable, Sendable {
        case field(String, from: String?, to: String?)
        case objectiveAdded(String)
        case objectiveRemoved(String)
        case objectiveRenamed(from: String, to: String)
        case objectiveField(objective: String, field: String, from: String?, to: String?)
        case keyResultAdded(objective: String, text: String)
        case keyResultRemoved(objective: String, text: String)
        case kpiAdded(objective: String, line: String)
        case kpiRemoved(objective: String, line: String)
        case reordered(objective: String)
        case objectivesReordered
    }

    public static func changes(from old: OKRSet, to new: OKRSet) -> [Change] {
        var changes: [Change] = []
        func field(_ name: String, _ a: String?, _ b: String?) {
            if a != b { changes.append(.field(name, from: a, to: b)) }
        }
        field("title", old.title, new.title)
        field("team", old.team, new.team)
        field("owner", old.owner, new.owner)
        field("cycle", old.timeframe?.label, new.timeframe?.label)

        let (pairs, unmatchedOld, unmatchedNew) = pair(old.objectives, new.objectives)
        for n in 0..<new.objectives.count {
            if unmatchedNew.contains(n) {
                changes.append(.objectiveAdded(new.objectives[n].title))
            } else if let (o, _) = pairs.first(where: { $0.1 == n }), old.objectives[o].title != new.objectives[n].title {
                changes.append(.objectiveRenamed(from: old.objectives[o].title, to: new.objectives[n].title))
            }
        }
        for o in unmatchedOld { changes.append(.objectiveRemoved(old.objectives[o].title)) }
        let order = pairs.sorted { $0.1 < $1.1 }.map(\.0)
        if order != order.sorted() { changes.append(.objectivesReordered) }
        for (o, n) in pairs.sorted(by: { $0.1 < $1.1 }) {
            let a = old.objectives[o], b = new.objectives[n]
            let name = b.title
            if a.owner != b.owner { changes.append(.objectiveField(objective: name, field: "owner", from: a.owner, to: b.owner)) }
            if a.timeframe?.label != b.timeframe?.label {
                changes.append(.objectiveField(objective: name, field: "timeframe", from: a.timeframe?.label, to: b.timeframe?.label))
            }
            if a.parent != b.parent {
                changes.append(.objectiveField(objective: name, field: "parent", from: a.parent.map(\.text), to: b.parent.map(\.text)))
            }
            let oldLines = a.keyResults.map(\.text), newLines = b.keyResults.map(\.text)
            let removed = subtract(oldLines, newLines), added = subtract(newLines, oldLines)
            changes += removed.map { .keyResultRemoved(objective: name, text: $0) }
            changes += added.map { .keyResultAdded(objective: name, text: $0) }
            if removed.isEmpty, added.isEmpty, oldLines != newLines { changes.append(.reordered(objective: name)) }
            let oldKPIs = a.kpis.map(\.line), newKPIs = b.kpis.map(\.line)
            changes += subtract(oldKPIs, newKPIs).map { .kpiRemoved(objective: name, line: $0) }
            changes += subtract(newKPIs, oldKPIs).map { .kpiAdded(objective: name, line: $0) }
        }
        return changes
    }

    /// How many of `old`'s objectives live on in `new` (under the same or a reworded title).
    public static func sharedObjectives(_ old: OKRSet, _ new: OKRSet) -> Int {
        pair(old.objectives, new.objectives).pairs.count
    }

    /// Pairs objectives: the same title first, then a reworded title or mostly the same key results.
    private static func pair(_ old: [Objective], _ new: [Objective]) -> (pairs: [(Int, Int)], unmatchedOld: [Int], unmatchedNew: Set<Int>) {
        var pairs: [(Int, Int)] = []
        var unmatchedOld = Array(old.indices)
        var reworded: [Int] = []
        for (n, objective) in new.enumerated() {
            if let i = unmatchedOld.firstIndex(where: { old[$0].title == objective.title }) {
                pairs.append((unmatchedOld.remove(at: i), n))
            } else {
                reworded.append(n)
            }
        }
        var unmatchedNew = Set<Int>()
        for n in reworded {
            let objective = new[n]
            if let i = unmatchedOld.firstIndex(where: {
                Sameness.sameObjective(old[$0].title, objective.title) || Sameness.mostlySameKeyResults(objective, old[$0])
            }) {
                pairs.append((unmatchedOld.remove(at: i), n))
            } else {
                unmatchedNew.insert(n)
            }
        }
        return (pairs, unmatchedOld, unmatchedNew)
    }

    /// The lines of `a` not in `b`, counting repeats, in `a`'s order.
    private static func subtract(_ a: [String], _ b: [String]) -> [String] {
        var remaining: [String: Int] = [:]
        for line in b { remaining[line, default: 0] += 1 }
        var result: [String] = []
        for line in a {
            if let n = remaining[line], n > 0 { remaining[line] = n - 1 } else { result.append(line) }
        }
        return result
    }

    /// One line of text per change: `+` added, `-` removed, `~` changed.
    public static func describe(_ change: Change) -> String {
        func shown(_ value: String?) -> String { value.map { "'\($0)'" } ?? "(none)" }
        switch change {
        case .field(let name, let from, let to): return "~ \(name): \(shown(from)) -> \(shown(to))"
        case .objectiveAdded(let title): return "+ objective: \(title)"
        case .objectiveRemoved(let title): return "- objective: \(title)"
        case .objectiveRenamed(let from, let to): return "~ objective: '\(from)' -> '\(to)'"
        case .objectiveField(let objective, let field, let from, let to): return "~ \(objective): \(field) \(shown(from)) -> \(shown(to))"
        case .keyResultAdded(let objective, let text): return "+ \(objective): key result: \(text)"
        case .keyResultRemoved(let objective, let text): return "- \(objective): key result: \(text)"
        case .kpiAdded(let objective, let line): return "+ \(objective): KPI: \(line)"
        case .kpiRemoved(let objective, let line): return "- \(objective): KPI: \(line)"
        case .reordered(let objective): return "~ \(objective): key results reordered"
        case .objectivesReordered: return "~ objectives reordered"
        }
    }
}
