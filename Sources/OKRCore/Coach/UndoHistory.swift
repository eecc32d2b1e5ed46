/// What `/undo` can take back: the last changes (not copies of the draft), newest last, at most
/// `limit` of them, so the history stays small however big the draft grows.
public struct UndoHistory: Codable, Hashable, Sendable {
    public static let limit = 100

    public struct Entry: Codable, Hashable, Sendable {
        /// The change that takes the step back.
        public var revert: DraftChange
        /// Where the flow was, and what was stored, before the step.
        public var phase: CoachPhase
        public var stored: StoredVersion?
    }

    public private(set) var entries: [Entry] = []

    public init() {}

    public var isEmpty: Bool { entries.isEmpty }

    mutating func push(_ entry: Entry) {
        entries.append(entry)
        // A 100-element shift now and then is cheaper than a ring buffer's bookkeeping.
        if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
    }

    mutating func pop() -> Entry? { entries.popLast() }

    var last: Entry? { entries.last }
}
