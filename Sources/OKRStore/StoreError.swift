/// Why the store could not do what was asked, each with what the user can do about it.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case unreachable(store: String, reason: String)
    case locked(store: String)
    case readOnly(store: String)
    case newerSchema(store: String, found: Int, known: Int)
    case notFound(set: String)
    case noSuchVersion(set: String, version: Int)
    /// Someone saved the set after the version this draft started from.
    case conflict(set: String, base: Int?, latest: Int, savedBy: String, savedAt: String)
    case failed(store: String, reason: String)
    /// A text holds a NUL character, which neither backend can keep.
    case nulInText(store: String, text: String)

    public var description: String {
        switch self {
        case .unreachable(let store, let reason):
            return "cannot reach the store \(store) (\(reason)); check that it is running and reachable, or point --store / OKR_STORE elsewhere"
        case .locked(let store):
            return "the store \(store) is locked by another process that is writing to it; try again when it has finished"
        case .readOnly(let store):
            return "the store \(store) is read-only; fix its permissions or point --store / OKR_STORE at a writable place"
        case .newerSchema(let store, let found, let known):
            return "the store \(store) has schema version \(found), newer than this okr knows (\(known)); upgrade okr"
        case .notFound(let set):
            return "no set named '\(set)' in the store; 'okr list' shows what is there"
        case .noSuchVersion(let set, let version):
            return "the set '\(set)' has no version \(version); 'okr history \(set)' lists them"
        case .conflict(let set, let base, let latest, let savedBy, let savedAt):
            let from = base.map { "version \($0)" } ?? "nothing (a new set)"
            return "'\(set)' was saved as version \(latest) by \(savedBy) at \(savedAt), after your draft started from \(from)"
        case .failed(let store, let reason):
            return "the store \(store) failed: \(reason)"
        case .nulInText(let store, let text):
            return "a text holds a NUL character (\\0), which the store \(store) cannot keep: '\(text)'; remove it and save again"
        }
    }
}
