import ArgumentParser
import Foundation
import OKRCore
import OKRStore

/// The findings that need the store: `stale-okr` (the team's earlier cycles) and `missing-parent`
/// (the sets a `Parent:` names). The rules stay pure; this loads what they compare against.
struct CycleFindings {
    let store: SetStore
    let rules: CycleRules
    /// Each team's sets, read once per run however many files name the team.
    private var teams: [String: [OKRSet]] = [:]

    init(store: SetStore) throws(CLIError) {
        self.store = store
        self.rules = try CycleCommands.rules()
    }

    /// Every set in the store, read once, when a document names a parent.
    private var everything: [(id: String, set: OKRSet)]?

    /// `id`: the id the set has (or will have) in the store, so it is not its own parent.
    mutating func findings(for set: OKRSet, id: String? = nil) throws(CLIError) -> [Finding] {
        var findings: [Finding] = []
        if let team = set.team ?? set.owner {
            let key = team.lowercased()
            if teams[key] == nil {
                teams[key] = try storeCall { () throws(StoreError) in try store.latestSets(team: team).map(\.set) }
            }
            findings += StaleOKR.findings(for: set, earlier: teams[key] ?? [], text: rules.staleOKR)
        }
        if set.objectives.contains(where: { $0.parent != nil }) {
            if everything == nil {
                everything = try storeCall { () throws(StoreError) in try store.latestSets().map { ($0.name, $0.set) } }
            }
            findings += Cascade.missingParents(of: set, id: id ?? SetIDs.id(for: set), among: everything ?? [], text: rules.missingParent)
        }
        return findings
    }

    /// The rules' findings with these, in document order (the rules' own order kept for ties).
    static func merge(_ findings: [Finding], _ more: [Finding]) -> [Finding] {
        guard !more.isEmpty else { return findings }
        let key = { (f: Finding) in (f.location?.line ?? 0, f.location?.column ?? 0) }
        return (findings + more).enumerated().sorted { key($0.element) < key($1.element) || (key($0.element) == key($1.element) && $0.offset < $1.offset) }
            .map(\.element)
    }
}

/// `okr check`'s store: the one named by --store (or $OKR_STORE), else the default store when it
/// exists; --no-store checks the document alone.
struct CheckStoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: ArgumentHelp(
        "A store to compare with the team's earlier cycles (default: $OKR_STORE, else the default store if there is one).",
        valueName: "path-or-url"))
    var store: String?

    @Flag(name: .customLong("no-store"), help: "Do not consult any store: check the documents alone.")
    var noStore = false

    /// nil when no store is to be consulted. A store named explicitly must open; the default one,
    /// consulted only because it is there, is skipped with a note when it cannot be read.
    func open() throws(CLIError) -> CycleFindings? {
        if noStore { return nil }
        if let explicit = store ?? StoreOptions.environmentStore { return try CycleFindings(store: StoreOptions.open(explicit)) }
        let path = StoreOptions.defaultLocation
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try CycleFindings(store: StoreOptions.open(path))
        } catch {
            Terminal.standardError("okr: note: the default store was not consulted (\(error.description)); --no-store skips it")
            return nil
        }
    }
}
