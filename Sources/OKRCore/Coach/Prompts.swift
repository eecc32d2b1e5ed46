/// The question the coach is waiting on in each phase, so it can be asked again at any time.
enum Prompts {
    static func question(for state: CoachState) -> String {
        let objectiveNumber = state.draft.objectives.count + 1
        switch state.phase {
        case .resumeOffer: return "Resume it? (yes/no)"
        case .cycle: return "Which cycle is this set for? (for example Q3 2026, H2 2026 or this quarter)"
        case .objective: return "What is objective \(objectiveNumber)? Say where you want to be, in words rather than numbers."
        case .confirmObjective: return "Type a better wording, or 'keep' to keep it as it is."
        case .keyResult:
            let objective = state.draft.objectives.last
            let n = (objective?.keyResults.count ?? 0) + 1
            return n == 1
                ? "Key result 1: what measurable change will show the objective is met?"
                : "Key result \(n)? (or 'done' when you have them all)"
        case .confirmKeyResult(_, let kpi):
            return kpi
                ? "Type a better wording, 'keep' to keep it, or 'kpi' to watch it as a KPI beside the objective."
                : "Type a better wording, or 'keep' to keep it as it is."
        case .kpiTarget: return "What level should it hold? (for example 'at least 99.9%')"
        case .kpiSource: return "Where does the number come from? (the data source, for example 'Grafana')"
        case .kpiFrequency: return "How often is it measured? (for example 'week')"
        case .nextStep: return "Another objective, or finish? (another/finish)"
        case .finished: return "Type /new to start another set, or /quit to leave."
        case .confirmQuit: return "Save the set before you go? (yes/no, or 'cancel' to stay)"
        }
    }
}
