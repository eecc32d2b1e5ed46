/// One edit to a draft, carrying what it replaced so it can be undone and replayed.
///
/// The undo history keeps these rather than copies of the whole draft, and the autosave journal
/// appends them, so accepting a line costs the same however long the draft already is.
public enum DraftChange: Codable, Hashable, Sendable {
    case timeframe(Timeframe?, was: Timeframe?)
    case title(String, was: String)
    case team(String?, was: String?)
    case owner(String?, was: String?)
    /// Appends an objective.
    case addObjective(Objective)
    /// Puts an objective back at `at` (the inverse of a delete).
    case insertObjective(Objective, at: Int)
    case removeObjective(at: Int, Objective)
    case objectiveTitle(objective: Int, title: String, timeframe: Timeframe?, was: String, wasTimeframe: Timeframe?)
    case parent(objective: Int, ParentRef?, was: ParentRef?)
    case addKeyResult(objective: Int, KeyResult)
    case insertKeyResult(objective: Int, at: Int, KeyResult)
    case removeKeyResult(objective: Int, at: Int, KeyResult)
    case keyResultText(objective: Int, at: Int, text: String, was: String)
    case moveKeyResult(objective: Int, from: Int, to: Int)
    case addKPI(objective: Int, KPI)
    case insertKPI(objective: Int, at: Int, KPI)
    case removeKPI(objective: Int, at: Int, KPI)
    case replaceKPI(objective: Int, at: Int, KPI, was: KPI)
    /// `/new`, `/load`, a declined resume: the whole draft at once.
    case replaceDraft(OKRSet, was: OKRSet)

    /// A change that does not fit the draft it is applied to: only a damaged journal does that.
    public struct Mismatch: Error, Equatable, CustomStringConvertible {
        public var change: String
        public var description: String { "the change '\(change)' does not fit the draft" }
    }

    public func apply(to set: inout OKRSet) throws(Mismatch) {
        func objective(_ o: Int) throws(Mismatch) -> Int {
            guard set.objectives.indices.contains(o) else { throw mismatch }
            return o
        }
        switch self {
        case .timeframe(let new, _): set.timeframe = new
        case .title(let new, _): set.title = new
        case .team(let new, _): set.team = new
        case .owner(let new, _): set.owner = new
        case .addObjective(let new): set.objectives.append(new)
        case .insertObjective(let new, let at):
            guard at >= 0, at <= set.objectives.count else { throw mismatch }
            set.objectives.insert(new, at: at)
        case .removeObjective(let at, _):
            // -1 is the last one: the inverse of an append.
            set.objectives.remove(at: try objective(at < 0 ? set.objectives.count - 1 : at))
        case .objectiveTitle(let o, let title, let timeframe, _, _):
            let o = try objective(o)
            set.objectives[o].title = title
            set.objectives[o].timeframe = timeframe
        case .parent(let o, let new, _):
            set.objectives[try objective(o)].parent = new
        case .addKeyResult(let o, let kr):
            set.objectives[try objective(o)].keyResults.append(kr)
        case .insertKeyResult(let o, let at, let kr):
            let o = try objective(o)
            guard at >= 0, at <= set.objectives[o].keyResults.count else { throw mismatch }
            set.objectives[o].keyResults.insert(kr, at: at)
        case .removeKeyResult(let o, let at, _):
            let o = try objective(o)
            let index = at < 0 ? set.objectives[o].keyResults.count - 1 : at
            guard set.objectives[o].keyResults.indices.contains(index) else { throw mismatch }
            set.objectives[o].keyResults.remove(at: index)
        case .keyResultText(let o, let at, let text, _):
            let o = try objective(o)
            guard set.objectives[o].keyResults.indices.contains(at) else { throw mismatch }
            set.objectives[o].keyResults[at].text = text
        case .moveKeyResult(let o, let from, let to):
            let o = try objective(o)
            let krs = set.objectives[o].keyResults.indices
            guard krs.contains(from), krs.contains(to) else { throw mismatch }
            let kr = set.objectives[o].keyResults.remove(at: from)
            set.objectives[o].keyResults.insert(kr, at: to)
        case .addKPI(let o, let kpi):
            set.objectives[try objective(o)].kpis.append(kpi)
        case .insertKPI(let o, let at, let kpi):
            let o = try objective(o)
            guard at >= 0, at <= set.objectives[o].kpis.count else { throw mismatch }
            set.objectives[o].kpis.insert(kpi, at: at)
        case .removeKPI(let o, let at, _):
            let o = try objective(o)
            let index = at < 0 ? set.objectives[o].kpis.count - 1 : at
            guard set.objectives[o].kpis.indices.contains(index) else { throw mismatch }
            set.objectives[o].kpis.remove(at: index)
        case .replaceKPI(let o, let at, let kpi, _):
            let o = try objective(o)
            guard set.objectives[o].kpis.indices.contains(at) else { throw mismatch }
            set.objectives[o].kpis[at] = kpi
        case .replaceDraft(let new, _): set = new
        }
    }

    /// The change that takes this one back.
    public var inverse: DraftChange {
        switch self {
        case .timeframe(let new, let was): return .timeframe(was, was: new)
        case .title(let new, let was): return .title(was, was: new)
        case .team(let new, let was): return .team(was, was: new)
        case .owner(let new, let was): return .owner(was, was: new)
        case .addObjective(let new): return .removeObjective(at: -1, new)
        case .insertObjective(let new, let at): return .removeObjective(at: at, new)
        case .removeObjective(let at, let old): return at < 0 ? .addObjective(old) : .insertObjective(old, at: at)
        case .objectiveTitle(let o, let title, let timeframe, let was, let wasTimeframe):
            return .objectiveTitle(objective: o, title: was, timeframe: wasTimeframe, was: title, wasTimeframe: timeframe)
        case .parent(let o, let new, let was): return .parent(objective: o, was, was: new)
        case .addKeyResult(let o, let kr): return .removeKeyResult(objective: o, at: -1, kr)
        case .insertKeyResult(let o, let at, let kr): return .removeKeyResult(objective: o, at: at, kr)
        case .removeKeyResult(let o, let at, let kr): return at < 0 ? .addKeyResult(objective: o, kr) : .insertKeyResult(objective: o, at: at, kr)
        case .keyResultText(let o, let at, let text, let was): return .keyResultText(objective: o, at: at, text: was, was: text)
        case .moveKeyResult(let o, let from, let to): return .moveKeyResult(objective: o, from: to, to: from)
        case .addKPI(let o, let kpi): return .removeKPI(objective: o, at: -1, kpi)
        case .insertKPI(let o, let at, let kpi): return .removeKPI(objective: o, at: at, kpi)
        case .removeKPI(let o, let at, let kpi): return at < 0 ? .addKPI(objective: o, kpi) : .insertKPI(objective: o, at: at, kpi)
        case .replaceKPI(let o, let at, let kpi, let was): return .replaceKPI(objective: o, at: at, was, was: kpi)
        case .replaceDraft(let new, let was): return .replaceDraft(was, was: new)
        }
    }

    private var mismatch: Mismatch { Mismatch(change: "\(self)".prefix(120).description) }
}
