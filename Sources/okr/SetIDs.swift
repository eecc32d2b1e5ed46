import OKRCore
import OKRStore

/// The id a document's set is stored under: team (or owner), cycle and what the title adds.
enum SetIDs {
    static func id(for set: OKRSet) -> String {
        SetIdentity.id(team: set.team ?? set.owner, cycle: set.timeframe?.label ?? "", title: set.title)
    }

    /// The id to save `set` under: its own, or the name an earlier okr gave the same team's set
    /// (made from the title alone) when that set is in the store and the new id is not, so an
    /// existing set keeps its history.
    static func resolve(_ set: OKRSet, in store: SetStore) throws(CLIError) -> String {
        let id = id(for: set)
        let legacy = SetStore.name(for: set)
        guard legacy != id, try stored(id, in: store) == nil, let old = try stored(legacy, in: store),
              old.set.team?.lowercased() == set.team?.lowercased() else { return id }
        return legacy
    }

    static func stored(_ id: String, in store: SetStore) throws(CLIError) -> StoredSet? {
        try storeCall { () throws(StoreError) -> StoredSet? in
            do throws(StoreError) {
                return try store.load(id)
            } catch {
                if case .notFound = error { return nil }
                throw error
            }
        }
    }
}
