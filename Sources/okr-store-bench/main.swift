import Foundation
import OKRCore
import OKRStore

// Saves and loads 1,000 sets on SQLite (a fresh temporary file) and, given a postgres:// URL
// as the first argument or in OKR_TEST_POSTGRES_URL, on PostgreSQL (a fresh schema there).
// Prints timings; asserts nothing about them.

let count = 1000

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
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okr-store-bench-\(UUID().uuidString)")
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
