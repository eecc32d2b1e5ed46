import Foundation
import OKRCore
import OKRStore

/// The one documented JSON shape of each of `okr list`, `okr show` and `okr history` (README,
/// "Reading the store from scripts"), so scripts and CI read the store without scraping text.
enum StoreJSON {
    static func list(_ sets: [SetSummary], store: String) -> [String: Any] {
        [
            "store": store,
            "sets": sets.map { set -> [String: Any] in
                [
                    "id": set.name,
                    "title": set.title,
                    "team": JSONOutput.value(set.team),
                    "cycle": JSONOutput.value(set.timeframe),
                    "latestVersion": set.latestVersion,
                    "savedBy": set.savedBy,
                    "savedAt": set.savedAt,
                ]
            },
        ]
    }

    static func show(_ stored: StoredSet, origin: SetOrigin?) -> [String: Any] {
        // The set itself in the same shape `okr export --format json` writes and `okr check` reads.
        let document = (try? JSONSerialization.jsonObject(with: Data(StructuredWriter.json(stored.set).utf8))) ?? [:]
        return [
            "id": stored.name,
            "version": stored.version,
            "savedBy": stored.author,
            "savedAt": stored.savedAt,
            "plannedFrom": JSONOutput.value(origin.map { ["id": $0.set, "version": JSONOutput.value($0.version)] }),
            "set": document,
            "findings": stored.findings.map { f -> [String: Any] in
                [
                    "rule": f.rule,
                    "severity": f.severity.rawValue,
                    "message": f.message,
                    "ask": f.ask,
                    "subject": f.subject,
                    "line": JSONOutput.value(f.location?.line),
                    "column": JSONOutput.value(f.location?.column),
                ]
            },
        ]
    }

    /// `changes`: for `--diff`, each version's changes from the one before (none for version 1).
    static func history(_ name: String, versions: [VersionInfo], changes: [Int: [String]]?) -> [String: Any] {
        [
            "id": name,
            "versions": versions.map { v -> [String: Any] in
                var entry: [String: Any] = [
                    "version": v.version,
                    "baseVersion": JSONOutput.value(v.baseVersion),
                    "savedBy": v.author,
                    "savedAt": v.savedAt,
                    "title": v.title,
                    "objectives": v.objectiveCount,
                    "keyResults": v.keyResultCount,
                    "findings": v.findingCount,
                ]
                if let changes { entry["changes"] = changes[v.version] ?? [] }
                return entry
            },
        ]
    }
}

/// What changed from each version of a set to the next, for `okr history --diff`.
enum VersionChanges {
    static func load(_ name: String, versions: [VersionInfo], store: SetStore) throws(CLIError) -> [Int: [String]] {
        var changes: [Int: [String]] = [:]
        var previous: OKRSet?
        for info in versions {
            let set = try storeCall { () throws(StoreError) in try store.load(name, version: info.version).set }
            if let previous {
                changes[info.version] = SetDiff.changes(from: previous, to: set).map(SetDiff.describe)
            }
            previous = set
        }
        return changes
    }
}
