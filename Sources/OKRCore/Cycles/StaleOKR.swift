import Foundation

/// `stale-okr`: a team's set repeats an objective, with mostly the same key results, for the third
/// cycle running. Pure: the caller hands over the team's earlier sets (from the store).
public enum StaleOKR {
    /// Findings on `set`'s objectives that also stood, nearly unchanged, in each of the two cycles
    /// before it among `earlier` (sets of other teams, and of the same or later cycles, are ignored).
    public static func findings(for set: OKRSet, earlier: [OKRSet], text: CycleRules.Text) -> [Finding] {
        guard let team = teamKey(set), let start = set.timeframe?.start else { return [] }
        let before = earlier.filter { teamKey($0) == team && ($0.timeframe.map { $0.start < start } ?? false) }
        // The two most recent earlier cycles, each with every set the team kept in it.
        var cycles: [(start: CalendarDay, label: String, sets: [OKRSet])] = []
        for earlierSet in before.sorted(by: { $0.timeframe!.start > $1.timeframe!.start }) {
            let timeframe = earlierSet.timeframe!
            if let last = cycles.last, last.start == timeframe.start {
                cycles[cycles.count - 1].sets.append(earlierSet)
            } else {
                if cycles.count == 2 { break }
                cycles.append((timeframe.start, timeframe.label, [earlierSet]))
            }
        }
        guard cycles.count == 2 else { return [] }
        var findings: [Finding] = []
        for objective in set.objectives {
            let repeated = cycles.allSatisfy { cycle in
                cycle.sets.contains { earlierSet in
                    earlierSet.objectives.contains {
                        Sameness.sameObjective(objective.title, $0.title) && Sameness.mostlySameKeyResults(objective, $0)
                    }
                }
            }
            if repeated {
                let labels = cycles.reversed().map(\.label) + [set.timeframe!.label]
                findings.append(text.finding(subject: objective.title, location: objective.location,
                                             slots: ["cycles": labels.joined(separator: ", ")]))
            }
        }
        return findings
    }

    private static func teamKey(_ set: OKRSet) -> String? {
        let key = (set.team ?? set.owner)?.trimmingCharacters(in: .whitespaces).lowercased()
        return key?.isEmpty == false ? key : nil
    }
}
