/// The draft as `/show` prints it, numbered the way commands address it: objectives O1, O2;
/// key results 1.1, 1.2, 2.1 (objective, then line); KPIs K1, K2 across the set.
public enum DraftListing {
    public static func text(of set: OKRSet) -> String {
        var lines: [String] = []
        lines.append(set.title.isEmpty ? "(untitled set)" : set.title)
        var details: [String] = []
        if let timeframe = set.timeframe { details.append("Cycle: \(timeframe.label)") }
        if let team = set.team { details.append("Team: \(team)") }
        if let owner = set.owner { details.append("Owner: \(owner)") }
        if !details.isEmpty { lines.append(details.joined(separator: " · ")) }
        if set.objectives.isEmpty { lines.append("  (no objectives yet)") }
        var kpiNumber = 0
        for (o, objective) in set.objectives.enumerated() {
            lines.append("O\(o + 1). \(objective.title)")
            if let parent = objective.parent { lines.append("    Serves: \(parent.text)") }
            if objective.keyResults.isEmpty { lines.append("    (no key results yet)") }
            for (k, kr) in objective.keyResults.enumerated() {
                lines.append("  \(o + 1).\(k + 1) \(kr.text)")
            }
            for kpi in objective.kpis {
                kpiNumber += 1
                lines.append("  K\(kpiNumber) KPI: \(kpi.line)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// "1 objective and 2 key results".
    static func summary(of set: OKRSet) -> String {
        let o = set.objectives.count, k = set.keyResultCount
        return "\(o) objective\(o == 1 ? "" : "s") and \(k) key result\(k == 1 ? "" : "s")"
    }
}
