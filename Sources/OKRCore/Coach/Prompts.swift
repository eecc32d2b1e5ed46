/// The question the coach is waiting on, so it can be asked again at any time. Examples of
/// cycles come from the injected day, never from a fixed year.
struct Prompts {
    let reference: CalendarDay

    func question(for state: CoachState) -> String {
        if let overlay = state.overlay { return question(for: overlay, in: state) }
        let draft = state.draft
        switch state.phase {
        case .cycle:
            let year = reference.year
            let half = reference.month <= 6 ? 1 : 2
            return "Which cycle is this set for? (for example Q\(reference.quarter) \(year), H\(half) \(year) or this quarter)"
        case .team:
            return "Which team is this set for? (For a personal set, give your own name.)"
        case .title(let offered):
            let id = SetIdentity.id(team: draft.team ?? draft.owner, cycle: draft.timeframe?.label ?? "", title: offered)
            return "I'll call it \"\(offered)\" (saved as \(id)). Press Enter to keep that title, or type another."
        case .objective:
            return "What is objective \(draft.objectives.count + 1)? Say where you want to be, in words rather than numbers."
        case .confirmObjective(_, let review), .confirmKeyResult(_, let review):
            return choices(review)
        case .keyResult:
            let o = draft.objectives.count
            let n = (draft.objectives.last?.keyResults.count ?? 0) + 1
            return n == 1
                ? "Key result \(o).1: what measurable change will show objective \(o) is met?"
                : "Key result \(o).\(n)? (or 'done' when objective \(o) has them all)"
        case .fillBlanks(let line, _):
            return BlankFilling.question(for: line)
        case .kpiTarget: return Self.kpiTarget
        case .kpiSource: return Self.kpiSource
        case .kpiFrequency: return Self.kpiFrequency
        case .nextStep: return "Another objective, or finish? (another/finish)"
        case .finished:
            return state.unsaved
                ? "Type /save to save your changes, /new to start another set, or /quit to leave."
                : "Type /new to start another set, or /quit to leave."
        }
    }

    /// The KPI questions, shared with `okr next` so both ask in the same words.
    static let kpiTarget = "What level should it hold? (for example 'at least 99.9%')"
    static let kpiSource = "Where does the number come from? (the data source, for example 'Grafana')"
    static let kpiFrequency = "How often is it measured? (for example 'week')"

    private func question(for overlay: CoachOverlay, in state: CoachState) -> String {
        switch overlay {
        case .resumeOffer:
            return "Resume it? (yes; no keeps it for later; delete throws it away)"
        case .confirmLeave(.quit):
            return "Save the set before you go? (yes/no, or 'cancel' to stay)"
        case .confirmLeave(.new):
            return "Save the set before starting a new one? (yes/no, or 'cancel' to stay)"
        case .confirmLeave(.load(let name)):
            return "Save the set before loading \(name)? (yes/no, or 'cancel' to stay)"
        case .confirmReplace(let name):
            return "Put \(name) in place of the set on screen? (It is saved.) (yes/no)"
        }
    }

    /// The answers the findings' rules allow, in words.
    private func choices(_ review: CoachReview) -> String {
        var options = ["type a better wording"]
        if review.allows(.useSuggestion) { options.append("'use' to start from the suggestion") }
        if review.allows(.keep) { options.append("'keep' to keep it as it is") }
        if review.allows(.keepAsKPI) { options.append("'kpi' to watch it as a KPI beside the objective") }
        let text = options.count == 1 ? options[0] : options.dropLast().joined(separator: ", ") + ", or " + options[options.count - 1]
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }
}
