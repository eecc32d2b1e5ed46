import Foundation
import XCTest

final class StoreCommandTests: XCTestCase {
    private var home: URL!
    private var env: [String: String] { ["OKR_HOME": home.path, "NO_COLOR": "1"] }

    override func setUpWithError() throws { home = try BinaryRunner.temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: home) }

    private func okr(_ arguments: [String], stdin: String? = nil, extra: [String: String] = [:]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, stdin: stdin, environment: env.merging(extra) { $1 })
    }

    /// The coach wraps its lines: compare the words.
    private func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }

    private func findings(_ path: String) throws -> [String] {
        let result = try okr(["check", "--format", "json", path])
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stderr)
        return (json["findings"] as? [[String: Any]] ?? []).map { "\($0["rule"]!): \($0["message"]!)" }.sorted()
    }

    /// Drafted in the coach, saved, exported as Markdown and checked: the same set, the same findings.
    func testCoachDraftSavedExportedAndCheckedGivesTheSameFindings() throws {
        let session = ["Q3 2026", "Platform", "", "Make deploys boring", "Cut median deploy time from 40 to 10 minutes", "Launch the new deploy dashboard",
                       "keep", "Maintain 99.9% uptime", "keep", "done", "finish"].joined(separator: "\n") + "\n"
        let coach = try okr([], stdin: session)
        XCTAssertTrue(words(coach.stdout).contains("Saved platform-q3-2026 as version 1 in"), coach.stdout)

        let shown = try okr(["show", "platform-q3-2026"])
        XCTAssertEqual(shown.status, 0)
        XCTAssertTrue(shown.stdout.contains("- Launch the new deploy dashboard"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("Saved with 2 findings:"), shown.stdout)

        let export = try okr(["export", "platform-q3-2026", "--format", "md"])
        let file = home.appendingPathComponent("export.md")
        try export.stdout.write(to: file, atomically: true, encoding: .utf8)
        XCTAssertEqual(try findings(file.path), ["kr-is-kpi: this reads like a KPI (business as usual), not a key result",
                                                "kr-is-task: this key result is a task, not an outcome"])
        // Importing the export saves nothing: the set already holds exactly this.
        let imported = try okr(["import", file.path])
        XCTAssertTrue(imported.stdout.contains("Unchanged: platform-q3-2026 version 1 already holds this document; nothing saved."), imported.stdout)
        let again = try okr(["export", "platform-q3-2026", "--format", "md"])
        XCTAssertEqual(again.stdout, export.stdout)
        for format in ["yaml", "json"] {
            let out = try okr(["export", "platform-q3-2026", "--format", format])
            let path = home.appendingPathComponent("export.\(format)")
            try out.stdout.write(to: path, atomically: true, encoding: .utf8)
            XCTAssertEqual(try findings(path.path).count, 2, format)
        }
    }

    /// Someone saves the set while my loaded draft is open: my save is refused with their name,
    /// and my draft is kept.
    func testSaveConflictInTheCoachNamesWhoSavedFirstAndKeepsTheDraft() throws {
        let create = "Q3 2026\nPlatform\n\nMake deploys boring\nCut median deploy time from 40 to 10 minutes\nReduce failed deploys from 8% to 2%\ndone\nfinish\n"
        _ = try okr([], stdin: create)
        // I load version 1 and start editing, then stop for now.
        _ = try okr([], stdin: "/load platform-q3-2026\n/edit 2 Reduce failed deploys from 8% to 1%\n/quit\nno\n")
        // Meanwhile Kim saves version 2.
        let kimFile = home.appendingPathComponent("kim.md")
        try "# Platform — Q3 2026 OKRs\nTeam: Platform\n## Objective: Make deploys boring\n- Cut median deploy time from 40 to 5 minutes\n- Reduce failed deploys from 8% to 2%\n"
            .write(to: kimFile, atomically: true, encoding: .utf8)
        XCTAssertEqual(try okr(["import", kimFile.path], extra: ["OKR_AUTHOR": "kim"]).status, 0)
        // I come back and save.
        let mine = try okr([], stdin: "yes\n/save\n")
        XCTAssertTrue(words(mine.stdout).contains("'platform-q3-2026' was saved as version 2 by kim at"), mine.stdout)
        XCTAssertTrue(words(mine.stdout).contains("Your draft is kept."), mine.stdout)
        XCTAssertEqual(try okr(["history", "platform-q3-2026"]).stdout.split(separator: "\n").count, 3, "nothing overwritten")
        // The draft is still there, with my edit.
        let resumed = try okr([], stdin: "yes\n")
        XCTAssertTrue(resumed.stdout.contains("Reduce failed deploys from 8% to 1%"), resumed.stdout)
    }

    func testAStoreThatIsDownIsOneLineAndExitTwo() throws {
        let result = try okr(["list", "--store", "postgres://okr@127.0.0.1:1/okr?connect_timeout=2"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("okr: cannot reach the store postgres://okr@127.0.0.1:1/okr"), result.stderr)
        // The coach keeps the draft when its save fails.
        let coach = try okr([], stdin: "Q3 2026\nPlatform\n\nMake deploys boring\nCut deploy time from 40 to 10 minutes\n/save\n",
                            extra: ["OKR_STORE": "postgres://okr@127.0.0.1:1/okr?connect_timeout=2"])
        XCTAssertTrue(words(coach.stdout).contains("! Not saved: cannot reach the store"), coach.stdout)
        let drafts = (try? FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("drafts").path)) ?? []
        XCTAssertFalse(drafts.isEmpty, "the draft is kept")
    }

    func testDeleteAsksFirst() throws {
        _ = try okr(["import", "rules/examples/platform-q3.md"])
        let declined = try okr(["delete", "platform-q3-2026-team"], stdin: "n\n")
        XCTAssertEqual(declined.status, 0, "answering no is not an error")
        XCTAssertEqual(try okr(["list"]).stdout.split(separator: "\n").count, 1)
        let accepted = try okr(["delete", "platform-q3-2026-team"], stdin: "y\n")
        XCTAssertEqual(accepted.status, 0)
        XCTAssertTrue(try okr(["list"]).stdout.hasPrefix("No sets in"))
    }
}

extension StoreCommandTests {
    /// Two `okr import` processes saving the same set at the same time, again and again, against
    /// SQLite and (when the CI server is there) PostgreSQL: each import either lands as the
    /// next version or exits 2 naming who saved first; the versions stay contiguous.
    func testTwoProcessesSavingTheSameSet() throws {
        var stores = [home.appendingPathComponent("race.sqlite").path]
        if let url = ProcessInfo.processInfo.environment["OKR_TEST_POSTGRES_URL"], !url.isEmpty {
            let schema = "okr_race_\(UInt32.random(in: 0...UInt32.max))"
            _ = try okr(["list", "--store", url])  // migrates the public schema; the race uses its own below
            stores.append(url + (url.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)")
            try createSchema(schema, url: url)
        }
        for store in stores {
            let results = Results()
            let group = DispatchGroup()
            let environment = env
            for writer in ["ana", "ben"] {
                group.enter()
                DispatchQueue.global().async {
                    defer { group.leave() }
                    for round in 0..<8 {
                        // A different document each time: an unchanged one would save nothing.
                        let file = environment["OKR_HOME"]! + "/\(writer)-\(round).md"
                        guard let original = try? String(contentsOfFile: BinaryRunner.packageRoot.path + "/rules/examples/platform-q3.md", encoding: .utf8),
                              (try? (original + "- Raise deploys per day from 1 to \(round + 2)\(writer == "ana" ? "0" : "1")\n")
                                .write(toFile: file, atomically: true, encoding: .utf8)) != nil else { continue }
                        let arguments = ["import", "--store", store, file]
                        if let result = try? BinaryRunner.run(arguments, environment: environment.merging(["OKR_AUTHOR": writer]) { $1 }) {
                            results.add(result)
                        }
                    }
                }
            }
            group.wait()
            let all = results.all
            XCTAssertEqual(all.count, 16)
            let saved = all.filter { $0.status == 0 }.count
            let conflicts = all.filter { $0.status == 2 && $0.stderr.contains("was saved as version") }.count
            print("two-process race on \(store.hasPrefix("postgres") ? "PostgreSQL" : "SQLite"): \(saved) saved, \(conflicts) conflicts")
            XCTAssertEqual(saved + conflicts, 16, all.filter { $0.status != 0 }.map(\.stderr).joined(separator: "\n"))
            let history = try okr(["history", "--store", store, "platform-q3-2026-team"]).stdout.split(separator: "\n").dropFirst()
            XCTAssertEqual(history.map { String($0.prefix(while: { $0 != " " })) }, (1...saved).map { "v\($0)" }, store)
        }
    }

    private func createSchema(_ schema: String, url: String) throws {
        // psql is the simplest client here; the store itself never builds SQL from input.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = [url, "-qc", "CREATE SCHEMA \(schema)"]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }
}

private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [BinaryRunner.Result] = []
    func add(_ result: BinaryRunner.Result) { lock.lock(); results.append(result); lock.unlock() }
    var all: [BinaryRunner.Result] { lock.lock(); defer { lock.unlock() }; return results }
}
