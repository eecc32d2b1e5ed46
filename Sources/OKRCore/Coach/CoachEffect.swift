/// What the coach asks the outside world to do: the core decides, the adapter does the I/O.
public enum CoachEffect: Hashable, Sendable {
    /// Save the finished (or current) set where sets are kept.
    case save(OKRSet)
    /// Read a set from this path (or name) and hand it back with `Coach.loaded(_:into:)`.
    case load(String)
    /// End the session; the draft stays autosaved unless `discardDraft`.
    case quit(discardDraft: Bool)
}
