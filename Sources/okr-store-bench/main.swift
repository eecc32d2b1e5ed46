import Foundation
import OKRCore
import OKRStore

// Saves and loads 1,000 sets on SQLite (a fresh temporary file) and, given a postgres:// URL
// as the first argument or in OKR_TEST_POSTGRES_URL, on PostgreSQL (a fresh schema there).
// With the `sqlite3` command-line tool on the PATH, it also times that tool running the same
// INSERT statements on a fresh store, as the yardstick for a SQLite save.
// Prints timings; asserts nothing about them.

let count = 1000
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okr-store-bench-\(UUID().uuidString)")

func makeSet(_ n: Int) -> OKRSet {
    var set = OKRSet(title: "Team \(n) OKRs", owner: "owner\(n % 17)", team: "team\(n % 23)", timeframe: .quarter(n % 4 + 1, of: 2026))
    for o in 0..<3 {
        var objective = Objective(title: "Objective \(o) of team \(n)", owner: "lead\(o)")
        for k in 0..<4 {
            // One task per objective, so findings are stored too.
            let text = k == 3 ? "Launch the dashboard for objective \(o)" : "Cut metric \(k) of objective \(o) from \(40 + k) to \(10 + k) units"
            objective.keyResults.append(KeyResult(text: text,
                                                  location: SourceLocation(line: 3 + o * 6 + k, column: 3)))
        }
        objective.kpis.append(KPI(measurement: "Uptime", target: "at least 99.9%", source: "Grafana", frequency: "week"))
        set.objectives.append(objective)
    }
    return set
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// The statements one save runs, as literal SQL for the sqlite3 tool, in one transaction per set.
func script(_ sets: [OKRSet], _ findings: [[Finding]]) -> String {
    func q(_ text: String?) -> String { text.map { "'" + $0.replacingOccurrences(of: "'", with: "''") + "'" } ?? "NULL" }
    func tf(_ t: Timeframe?) -> String { [t?.label, t?.start.description, t?.end.description].map(q).joined(separator: ", ") }
    func at(_ l: SourceLocation?) -> String { l.map { "\($0.line), \($0.column)" } ?? "NULL, NULL" }
    let now = q("2026-07-01T00:00:00Z")
    var out = "PRAGMA journal_mode = WAL;\nPRAGMA synchronous = NORMAL;\nPRAGMA foreign_keys = ON;\n"
    for (set, found) in zip(sets, findings) {
        let name = q(SetStore.name(for: set))
        out += "BEGIN IMMEDIATE;\nSELECT latest_version FROM okr_set WHERE name = \(name);\n"
        out += "INSERT INTO okr_set (name, latest_version, created_at) VALUES (\(name), 1, \(now));\n"
        out += "INSERT INTO set_version (set_name, version, base_version, author, saved_at, title, owner, team, timeframe_label, "
            + "timeframe_start, timeframe_end, line, col) VALUES (\(name), 1, NULL, 'bench', \(now), \(q(set.title)), \(q(set.owner)), "
            + "\(q(set.team)), \(tf(set.timeframe)), \(at(set.location)));\n"
        for (o, objective) in set.objectives.enumerated() {
            out += "INSERT INTO objective (set_name, version, position, title, owner, parent, timeframe_label, timeframe_start, timeframe_end, "
                + "line, col) VALUES (\(name), 1, \(o), \(q(objective.title)), \(q(objective.owner)), \(q(objective.parent?.text)), "
                + "\(tf(objective.timeframe)), \(at(objective.location)));\n"
            for (k, kr) in objective.keyResults.enumerated() {
                out += "INSERT INTO key_result (set_name, version, objective_position, position, text, line, col) VALUES (\(name), 1, \(o), \(k), "
                    + "\(q(kr.text)), \(at(kr.location)));\n"
            }
            for (k, kpi) in objective.kpis.enumerated() {
                out += "INSERT INTO kpi (set_name, version, objective_position, position, measurement, target, source, frequency, line, col) "
                    + "VALUES (\(name), 1, \(o), \(k), \(q(kpi.measurement)), \(q(kpi.target)), \(q(kpi.source)), \(q(kpi.frequency)), "
                    + "\(at(kpi.location)));\n"
            }
        }
        for (i, f) in found.enumerated() {
            out += "INSERT INTO finding (set_name, version, position, rule, severity, target, message, why, ask, subject, line, col, suggestion) "
                + "VALUES (\(name), 1, \(i), \(q(f.rule)), \(q(f.severity.rawValue)), \(q(f.target.rawValue)), \(q(f.message)), \(q(f.why)), "
                + "\(q(f.ask)), \(q(f.subject)), \(at(f.location)), \(q(f.suggestion)));\n"
        }
        out += "COMMIT;\n"
    }
    return out
}

/// The sqlite3 tool running `script` on a fresh store (its schema made by okr), or nil without the tool.
func sqlite3Tool(_ script: String, in folder: URL) throws -> Double? {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { URL(fileURLWithPath: String($0)).appendingPathComponent("sqlite3") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    guard let path else { return nil }
    let store = folder.appendingPathComponent("cli.sqlite")
    _ = try SetStore.open(store.path)
    let input = folder.appendingPathComponent("save.sql")
    try script.write(to: input, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = path
    process.arguments = [store.path, ".read \(input.path)"]
    process.standardOutput = FileHandle.nullDevice
    let elapsed = try ContinuousClock().measure {
        try process.run()
        process.waitUntilExit()
    }
    guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    return milliseconds(elapsed)
}

func run(_ label: String, _ location: String) throws {
    let store = try SetStore.open(location)
    let engine = Engine(ruleSet: try RuleSet.builtIn())
    let sets = (0..<count).map(makeSet)
    let findings = sets.map { engine.check($0) }
    let clock = ContinuousClock()
    var names: [String] = []
    let save = clock.measure {
        for (set, found) in zip(sets, findings) {
            names.append((try? store.save(set, findings: found, author: "bench", base: nil).name) ?? "")
        }
    }
    var loaded = 0
    let load = clock.measure {
        for name in names where (try? store.load(name)) != nil { loaded += 1 }
    }
    var listed = 0
    let list = clock.measure { listed = (try? store.list().count) ?? 0 }
    let keyResults = sets.reduce(0) { $0 + $1.keyResultCount }
    print("\(label): save \(count) sets (\(keyResults) key results, \(findings.reduce(0) { $0 + $1.count }) findings): "
          + String(format: "%.0f ms (%.2f ms a set)", milliseconds(save), milliseconds(save) / Double(count)))
    print("\(label): load \(loaded) sets: " + String(format: "%.0f ms (%.2f ms a set)", milliseconds(load), milliseconds(load) / Double(count)))
    print("\(label): list \(listed) sets: " + String(format: "%.1f ms", milliseconds(list)))
    if label == "SQLite" {
        if let tool = try sqlite3Tool(script(sets, findings), in: folder) {
            print("sqlite3 tool: the same INSERTs for \(count) sets: " + String(format: "%.0f ms (%.2f ms a set); okr's save takes %.2f× as long",
                                                                                tool, tool / Double(count), milliseconds(save) / tool))
        } else {
            print("sqlite3 tool: not found (apt-get install sqlite3 to compare)")
        }
    }
}

defer { try? FileManager.default.removeItem(at: folder) }
do {
    try run("SQLite", folder.appendingPathComponent("okr.sqlite").path)
    let url = CommandLine.arguments.dropFirst().first ?? ProcessInfo.processInfo.environment["OKR_TEST_POSTGRES_URL"]
    if let url, !url.isEmpty {
        let schema = "okr_bench_\(UInt32.random(in: 0...UInt32.max))"
        let admin = try PostgresDatabase(url: url)
        try admin.write { try $0.execute("CREATE SCHEMA \(schema)", []) }
        defer { _ = try? admin.write { try $0.execute("DROP SCHEMA \(schema) CASCADE", []) } }
        try run("PostgreSQL", url + (url.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)")
    } else {
        print("PostgreSQL: skipped (pass a postgres:// URL or set OKR_TEST_POSTGRES_URL)")
    }
} catch {
    FileHandle.standardError.write(Data("okr-store-bench: \(error)\n".utf8))
    exit(1)
}
