/// What the coach asks the outside world to do: the core decides, the adapter does the I/O and
/// reports back (`Coach.saved`, `saveFailed`, `loaded`, `loadFailed`).
public enum CoachEffect: Hashable, Sendable {
    /// Save the set under `name`; `base` is the stored version the draft started from (nil for
    /// a new set), so a newer save by someone else is never overwritten.
    case save(OKRSet, name: String, base: Int?)
    /// Read a set from this path, or by id from the store.
    case load(String)
    /// Keep the draft offered at start for a later session, and write this one somewhere new.
    case setDraftAside
    /// End the session; the autosaved draft stays for next time when `keepDraft`.
    case quit(keepDraft: Bool)
}
