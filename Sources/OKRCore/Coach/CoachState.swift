/// Everything the conversation knows: the draft, the undo history, and the small rest (where in
/// the flow it is, what is saved). Codable: the autosave is this state plus a journal of records.
public struct CoachState: Codable, Hashable, Sendable {
    public var draft: OKRSet
    public var undo: UndoHistory
    public var context: Context

    public struct Context: Codable, Hashable, Sendable {
        public var phase: CoachPhase
        public var overlay: CoachOverlay?
        /// True once the draft has changed since it was last saved or loaded.
        public var unsaved: Bool
        /// What the draft was last saved as or loaded from: the base a save is checked against,
        /// so that someone else's newer save is never overwritten.
        public var stored: StoredVersion?
        /// Set while a save the user asked for on the way out is under way.
        public var leaving: LeaveAction?
        /// Rules whose full Why and Ask were shown this session; later findings get a reminder.
        public var explained: Set<String>
        /// The findings shown last, for `/why`.
        public var lastFindings: [Finding]

        public init(phase: CoachPhase = .cycle) {
            self.phase = phase
            self.unsaved = false
            self.explained = []
            self.lastFindings = []
        }
    }

    /// What the current objective's key results leave for the next one to repeat, kept from line
    /// to line so checking a line does not read all the earlier ones again. Derived, so it is
    /// neither saved nor compared; any change but an added key result drops it (see `Coach.apply`).
    var keyResultMemory: KeyResultMemo?

    struct KeyResultMemo: Sendable {
        var objective: Int
        var memory: Engine.KeyResultMemory
    }

    enum CodingKeys: String, CodingKey {
        case draft, undo, context
    }

    public static func == (a: CoachState, b: CoachState) -> Bool {
        a.draft == b.draft && a.undo == b.undo && a.context == b.context
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(draft)
        hasher.combine(undo)
        hasher.combine(context)
    }

    public init(draft: OKRSet = OKRSet(), phase: CoachPhase = .cycle) {
        self.draft = draft
        self.undo = UndoHistory()
        self.context = Context(phase: phase)
    }

    public var phase: CoachPhase { context.phase }
    public var overlay: CoachOverlay? { context.overlay }
    public var unsaved: Bool { context.unsaved }

    /// The objective being written: the last one.
    var currentObjectiveIndex: Int? { draft.objectives.indices.last }

    public var hasWork: Bool { draft.timeframe != nil || !draft.objectives.isEmpty || draft.team != nil }

    /// The id the set is saved under: from team (or owner), cycle and title.
    public var setID: String {
        SetIdentity.id(team: draft.team ?? draft.owner, cycle: draft.timeframe?.label ?? "", title: draft.title)
    }

    /// Applies one transition. The coach builds every new state this way, and the autosave
    /// replays its journal through it, so what is on disk is always what was on screen.
    public func applying(_ record: Record) throws(DraftChange.Mismatch) -> CoachState {
        var next = self
        try next.apply(record)
        return next
    }

    /// Applies one transition in place; when the change does not fit, nothing is changed.
    public mutating func apply(_ record: Record) throws(DraftChange.Mismatch) {
        if let change = record.change { try change.apply(to: &draft) }
        switch record.undo {
        case .none: break
        case .push(let entry): undo.push(entry)
        case .pop: _ = undo.pop()
        case .clear: undo = UndoHistory()
        }
        context = record.context
    }

    /// One transition, as the autosave journal keeps it.
    public struct Record: Codable, Hashable, Sendable {
        public var change: DraftChange?
        public var undo: UndoStep
        public var context: Context
    }

    public enum UndoStep: Codable, Hashable, Sendable {
        case none
        case push(UndoHistory.Entry)
        case pop
        /// The draft on screen is another one: the old history does not apply to it.
        case clear
    }
}

/// The name and version a draft was saved as or loaded from, and the id its team, cycle and
/// title gave then (if they change, the set is saved under its new id as a new set).
public struct StoredVersion: Codable, Hashable, Sendable {
    public var name: String
    public var version: Int
    public var id: String

    public init(name: String, version: Int, id: String) {
        self.name = name
        self.version = version
        self.id = id
    }
}
