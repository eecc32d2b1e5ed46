/// Everything the conversation knows: the draft, where in the flow it is, and what `/undo`
/// can go back to. Codable, so it is the autosaved draft itself.
public struct CoachState: Codable, Hashable, Sendable {
    public enum Phase: Codable, Hashable, Sendable {
        /// An earlier, unfinished draft was found: resume it or start again?
        case resumeOffer(Resume)
        case cycle
        case objective
        /// The objective raised findings: rephrase, or keep it.
        case confirmObjective(String)
        case keyResult
        /// The key result raised findings: rephrase, keep, or (for a KPI) demote it.
        case confirmKeyResult(String, kpi: Bool)
        case kpiTarget(String)
        case kpiSource(String, target: String)
        case kpiFrequency(String, target: String, source: String)
        /// After an objective's review: another objective, or finish.
        case nextStep
        case finished
        /// `/quit` or end of input with unsaved work: save first?
        case confirmQuit(resume: Phase.Resume)

        /// Where to go back to when the user answers "no" to quitting.
        public indirect enum Resume: Codable, Hashable, Sendable {
            case to(Phase)
        }
    }

    public var draft: OKRSet
    public var phase: Phase
    /// Earlier states for `/undo`, newest last (without their own undo stacks).
    public var undoStack: [Snapshot]
    /// True once the draft has changed since the last save.
    public var unsaved: Bool
    /// The store name and version this draft was last saved as or loaded from: the base a
    /// save is checked against, so that someone else's newer save is never overwritten.
    public var storedName: String?
    public var baseVersion: Int?

    public struct Snapshot: Codable, Hashable, Sendable {
        public var draft: OKRSet
        public var phase: Phase
        public var storedName: String?
        public var baseVersion: Int?
    }

    public init(draft: OKRSet = OKRSet(), phase: Phase = .cycle) {
        self.draft = draft
        self.phase = phase
        self.undoStack = []
        self.unsaved = false
    }

    /// The objective being written: the last one.
    var currentObjectiveIndex: Int? { draft.objectives.indices.last }

    public var hasWork: Bool { draft.timeframe != nil || !draft.objectives.isEmpty }
}
