import Foundation
import OKRCore

/// The shared model store: finished OKR sets, saved as versions, never overwritten. One
/// implementation over `SQLDatabase`, so SQLite and PostgreSQL behave the same.
public struct SetStore: Sendable {
    public let database: any SQLDatabase

    /// Opens (and migrates) the store at a file path, or at a `postgres://` / `postgresql://` URL.
    public static func open(_ location: String) throws(StoreError) -> SetStore {
        // Opening a new SQLite file switches it to WAL, which SQLite does without waiting on its
        // busy handler: a second process opening at the same moment is told "busy" at once.
        // That is a moment's race, not a real lock, so opening retries for a few seconds.
        // A real lock has already been waited for (the busy timeout): retry only within it.
        let deadline = Date().addingTimeInterval(SQLiteDatabase.defaultBusyTimeout)
        while true {
            do {
                return try openOnce(location)
            } catch {
                guard case .locked = error, Date() < deadline else { throw error }
                usleep(useconds_t(20_000 + Int.random(in: 0...80_000)))
            }
        }
    }

    private static func openOnce(_ location: String) throws(StoreError) -> SetStore {
        let database: any SQLDatabase
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            database = try PostgresDatabase(url: location)
        } else {
            database = try SQLiteDatabase(path: location)
        }
        let store = SetStore(database: database)
        try store.guarded { try Migrations.migrate(database) }
        return store
    }

    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// The name a set is stored under: its title in lower case, words joined by '-'.
    public static func name(for set: OKRSet) -> String {
        let lowered = set.title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let name = String(lowered).split(separator: "-").joined(separator: "-")
        return name.isEmpty ? "okr-set" : name
    }

    // MARK: - Writing

    /// Saves `set` as the next version of its name. `base` is the version the draft started
    /// from (nil for a set not loaded from the store); if someone saved after it, nothing is
    /// written and `.conflict` names who did.
    @discardableResult
    public func save(_ set: OKRSet, findings: [Finding], author: String, base: Int?, name: String? = nil,
                     origin: SetOrigin? = nil) throws(StoreError) -> VersionInfo {
        let name = name ?? Self.name(for: set)
        let now = Timestamp.now()
        do {
            return try database.write { session in
                    let version: Int
                    if let latest = try session.query("SELECT latest_version FROM okr_set WHERE name = ?", [name]).first?.first.flatMap({ $0 }).flatMap(Int.init) {
                        guard base == latest else { throw try conflict(name: name, base: base, in: session) }
                        let changed = try session.execute("UPDATE okr_set SET latest_version = ? WHERE name = ? AND latest_version = ?",
                                                          [String(latest + 1), name, String(latest)])
                        guard changed == 1 else { throw try conflict(name: name, base: base, in: session) }
                        version = latest + 1
                    } else {
                        try session.execute("INSERT INTO okr_set (name, latest_version, created_at) VALUES (?, 1, ?)", [name, now])
                        version = 1
                    }
                    try insert(set, findings: findings, name: name, version: version, base: base, author: author, at: now, in: session)
                    if let origin, version == 1 {
                        try session.execute("INSERT INTO set_origin (set_name, from_set, from_version) VALUES (?, ?, ?)",
                                            [name, origin.set, origin.version.map(String.init)])
                    }
                    return VersionInfo(name: name, version: version, baseVersion: base, author: author, savedAt: now, title: set.title,
                                       objectiveCount: set.objectives.count, keyResultCount: set.keyResultCount, findingCount: findings.count)
            }
        } catch SQLFailure.uniqueViolation {
            // Another writer created the set between our read and our insert.
            guard let latest = try? history(name).last else { throw .failed(store: database.displayName, reason: "a concurrent save failed") }
            throw .conflict(set: name, base: base, latest: latest.version, savedBy: latest.author, savedAt: latest.savedAt)
        } catch let error as StoreError {
            throw error
        } catch {
            throw SQLiteDatabase.classify(error, store: database.displayName)
        }
    }

    private func conflict(name: String, base: Int?, in session: any SQLSession) throws -> StoreError {
        let row = try session.query("""
            SELECT v.version, v.author, v.saved_at FROM okr_set s
            JOIN set_version v ON v.set_name = s.name AND v.version = s.latest_version WHERE s.name = ?
            """, [name]).first
        return .conflict(set: name, base: base, latest: Int(row?[0] ?? "") ?? 0, savedBy: row?[1] ?? "someone", savedAt: row?[2] ?? "?")
    }

    private func insert(_ set: OKRSet, findings: [Finding], name: String, version: Int, base: Int?, author: String, at now: String,
                        in session: any SQLSession) throws {
        let v = String(version)
        try session.execute("""
            INSERT INTO set_version (set_name, version, base_version, author, saved_at, title, owner, team,
                timeframe_label, timeframe_start, timeframe_end, line, col)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [name, v, base.map(String.init), author, now, set.title, set.owner, set.team]
                + Self.columns(set.timeframe) + Self.columns(set.location))
        for (o, objective) in set.objectives.enumerated() {
            let op = String(o)
            try session.execute("""
                INSERT INTO objective (set_name, version, position, title, owner, parent, timeframe_label, timeframe_start, timeframe_end, line, col)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [name, v, op, objective.title, objective.owner, objective.parent?.text] + Self.columns(objective.timeframe) + Self.columns(objective.location))
            for (k, kr) in objective.keyResults.enumerated() {
                try session.execute("""
                    INSERT INTO key_result (set_name, version, objective_position, position, text, line, col) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, [name, v, op, String(k), kr.text] + Self.columns(kr.location))
            }
            for (k, kpi) in objective.kpis.enumerated() {
                try session.execute("""
                    INSERT INTO kpi (set_name, version, objective_position, position, measurement, target, source, frequency, line, col)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [name, v, op, String(k), kpi.measurement, kpi.target, kpi.source, kpi.frequency] + Self.columns(kpi.location))
            }
        }
        for (i, finding) in findings.enumerated() {
            try session.execute("""
                INSERT INTO finding (set_name, version, position, rule, severity, target, message, why, ask, subject, line, col, suggestion)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [name, v, String(i), finding.rule, finding.severity.rawValue, finding.target.rawValue, finding.message, finding.why,
                      finding.ask, finding.subject] + Self.columns(finding.location) + [finding.suggestion])
        }
    }

    public func delete(_ name: String) throws(StoreError) {
        let removed = try guarded { try database.write { session in try session.execute("DELETE FROM okr_set WHERE name = ?", [name]) } }
        guard removed > 0 else { throw .notFound(set: name) }
    }

    // MARK: - Reading

    public func load(_ name: String, version: Int? = nil) throws(StoreError) -> StoredSet {
        try guarded {
            try database.read { session in
                let wanted: Int
                if let version {
                    wanted = version
                } else {
                    guard let latest = try session.query("SELECT latest_version FROM okr_set WHERE name = ?", [name]).first?.first.flatMap({ $0 }).flatMap(Int.init) else {
                        throw StoreError.notFound(set: name)
                    }
                    wanted = latest
                }
                let v = String(wanted)
                guard let row = try session.query("""
                    SELECT author, saved_at, title, owner, team, timeframe_label, timeframe_start, timeframe_end, line, col
                    FROM set_version WHERE set_name = ? AND version = ?
                    """, [name, v]).first else {
                    let exists = try !session.query("SELECT 1 FROM okr_set WHERE name = ?", [name]).isEmpty
                    throw exists ? StoreError.noSuchVersion(set: name, version: wanted) : StoreError.notFound(set: name)
                }
                var set = OKRSet(title: row[2] ?? "", owner: row[3], team: row[4], timeframe: Self.timeframe(row[5], row[6], row[7]),
                                 location: Self.location(row[8], row[9]))
                for o in try session.query("""
                    SELECT title, owner, parent, timeframe_label, timeframe_start, timeframe_end, line, col
                    FROM objective WHERE set_name = ? AND version = ? ORDER BY position
                    """, [name, v]) {
                    set.objectives.append(Objective(title: o[0] ?? "", owner: o[1], timeframe: Self.timeframe(o[3], o[4], o[5]), parent: o[2].map(ParentRef.init(text:)),
                                                    location: Self.location(o[6], o[7])))
                }
                for k in try session.query("""
                    SELECT objective_position, text, line, col FROM key_result WHERE set_name = ? AND version = ? ORDER BY objective_position, position
                    """, [name, v]) {
                    guard let o = Int(k[0] ?? ""), o < set.objectives.count else { continue }
                    set.objectives[o].keyResults.append(KeyResult(text: k[1] ?? "", location: Self.location(k[2], k[3])))
                }
                for k in try session.query("""
                    SELECT objective_position, measurement, target, source, frequency, line, col
                    FROM kpi WHERE set_name = ? AND version = ? ORDER BY objective_position, position
                    """, [name, v]) {
                    guard let o = Int(k[0] ?? ""), o < set.objectives.count else { continue }
                    set.objectives[o].kpis.append(KPI(measurement: k[1] ?? "", target: k[2] ?? "", source: k[3] ?? "", frequency: k[4] ?? "",
                                                      location: Self.location(k[5], k[6])))
                }
                var findings: [Finding] = []
                for f in try session.query("""
                    SELECT rule, severity, target, message, why, ask, subject, line, col, suggestion FROM finding
                    WHERE set_name = ? AND version = ? ORDER BY position
                    """, [name, v]) {
                    var finding = Finding(rule: f[0] ?? "", severity: Severity(rawValue: f[1] ?? "") ?? .info,
                                          target: RuleTarget(rawValue: f[2] ?? "") ?? .kr, message: f[3] ?? "", why: f[4] ?? "",
                                          ask: f[5] ?? "", subject: f[6] ?? "", location: Self.location(f[7], f[8]))
                    finding.suggestion = f[9]
                    findings.append(finding)
                }
                return StoredSet(name: name, version: wanted, author: row[0] ?? "", savedAt: row[1] ?? "", set: set, findings: findings)
            }
        }
    }

    public func list(team: String? = nil, timeframe: String? = nil) throws(StoreError) -> [SetSummary] {
        try guarded {
            try database.read { session in
                var sql = """
                    SELECT s.name, v.title, v.team, v.timeframe_label, s.latest_version, v.author, v.saved_at
                    FROM okr_set s JOIN set_version v ON v.set_name = s.name AND v.version = s.latest_version
                    """
                var conditions: [String] = []
                var arguments: [String?] = []
                if let team { conditions.append("v.team = ?"); arguments.append(team) }
                if let timeframe { conditions.append("v.timeframe_label = ?"); arguments.append(timeframe) }
                if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
                sql += " ORDER BY s.name"
                return try session.query(sql, arguments).map {
                    SetSummary(name: $0[0] ?? "", title: $0[1] ?? "", team: $0[2], timeframe: $0[3], latestVersion: Int($0[4] ?? "") ?? 0,
                               savedBy: $0[5] ?? "", savedAt: $0[6] ?? "")
                }
            }
        }
    }

    public func history(_ name: String) throws(StoreError) -> [VersionInfo] {
        let versions = try guarded {
            try database.read { session in
                try session.query("""
                    SELECT v.version, v.base_version, v.author, v.saved_at, v.title,
                        (SELECT COUNT(*) FROM objective o WHERE o.set_name = v.set_name AND o.version = v.version),
                        (SELECT COUNT(*) FROM key_result k WHERE k.set_name = v.set_name AND k.version = v.version),
                        (SELECT COUNT(*) FROM finding f WHERE f.set_name = v.set_name AND f.version = v.version)
                    FROM set_version v WHERE v.set_name = ? ORDER BY v.version
                    """, [name]).map {
                    VersionInfo(name: name, version: Int($0[0] ?? "") ?? 0, baseVersion: $0[1].flatMap { Int($0) }, author: $0[2] ?? "",
                                savedAt: $0[3] ?? "", title: $0[4] ?? "", objectiveCount: Int($0[5] ?? "") ?? 0,
                                keyResultCount: Int($0[6] ?? "") ?? 0, findingCount: Int($0[7] ?? "") ?? 0)
                }
            }
        }
        guard !versions.isEmpty else { throw .notFound(set: name) }
        return versions
    }

    // MARK: - Helpers

    /// Runs a store operation and turns whatever went wrong below into a `StoreError`.
    func guarded<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw error
        } catch {
            throw SQLiteDatabase.classify(error, store: database.displayName)
        }
    }

    static func columns(_ timeframe: Timeframe?) -> [String?] {
        guard let timeframe else { return [nil, nil, nil] }
        return [timeframe.label, timeframe.start.description, timeframe.end.description]
    }

    static func columns(_ location: SourceLocation?) -> [String?] {
        guard let location else { return [nil, nil] }
        return [String(location.line), String(location.column)]
    }

    static func timeframe(_ label: String?, _ start: String?, _ end: String?) -> Timeframe? {
        guard let label, let start = day(start), let end = day(end) else { return nil }
        return Timeframe(label: label, start: start, end: end)
    }

    static func day(_ text: String?) -> CalendarDay? {
        let parts = (text ?? "").split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return CalendarDay(year: parts[0], month: parts[1], day: parts[2])
    }

    static func location(_ line: String?, _ column: String?) -> SourceLocation? {
        guard let line = line.flatMap({ Int($0) }) else { return nil }
        return SourceLocation(line: line, column: column.flatMap { Int($0) } ?? 1)
    }
}
