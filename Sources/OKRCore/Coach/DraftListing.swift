/// The draft as `/show` prints it. Key results are numbered across the whole set, so
/// `/edit 3` and `/delete 3` name one line without ambiguity; objectives are O1, O2, ...
public enum DraftListing {
    public static func text(of set: OKRSet) -> String {
        var lines: [String] = []
        lines.append(set.title.isEmpty ? "(untitled set)" : set.title)
        if let timeframe = set.timeframe { lines.append("Cycle: \(timeframe.label)") }
        if set.objectives.isEmpty { lines.append("  (no objectives yet)") }
        var number = 0
        for (o, objective) in set.objectives.enumerated() {
            lines.append("O\(o + 1). \(objective.title)")
            if objective.keyResults.isEmpty { lines.append("    (no key results yet)") }
            for kr in objective.keyResults {
                number += 1
                lines.append("  \(number). \(kr.text)")
            }
            for kpi in objective.kpis { lines.append("    KPI: \(kpi.line)") }
        }
        return lines.joined(separator: "\n")
    }

    /// The (objective, key result) indexes of the set-wide key result number `n` (1-based).
    static func locate(_ n: Int, in set: OKRSet) -> (Int, Int)? {
        var remaining = n
        for (o, objective) in set.objectives.enumerated() {
            if remaining <= objective.keyResults.count, remaining >= 1 { return (o, remaining - 1) }
            remaining -= objective.keyResults.count
        }
        return nil
    }
}
