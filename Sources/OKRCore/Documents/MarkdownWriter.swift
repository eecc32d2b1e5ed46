/// Writes a set in the Markdown form `MarkdownReader` reads, so an export checks the same as
/// the original. A timeframe is written as a field only where the title does not already carry it.
public enum MarkdownWriter {
    public static func write(_ set: OKRSet, reference: CalendarDay) -> String {
        var lines: [String] = ["# " + (set.title.isEmpty ? "OKRs" : set.title)]
        if let owner = set.owner { lines.append("Owner: \(owner)") }
        if let team = set.team { lines.append("Team: \(team)") }
        if let timeframe = set.timeframe, (try? Timeframe.find(in: set.title, reference: reference)) != timeframe {
            lines.append("Timeframe: \(timeframe.label)")
        }
        for objective in set.objectives {
            lines.append("")
            lines.append("## Objective: \(objective.title)")
            if let owner = objective.owner { lines.append("Owner: \(owner)") }
            if let timeframe = objective.timeframe, (try? Timeframe.find(in: objective.title, reference: reference)) != timeframe {
                lines.append("Timeframe: \(timeframe.label)")
            }
            if let parent = objective.parent { lines.append("Parent: \(parent.text)") }
            for kr in objective.keyResults { lines.append("- \(kr.text)") }
            for kpi in objective.kpis { lines.append("- KPI: \(kpi.line)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
