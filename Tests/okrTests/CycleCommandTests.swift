import Foundation
import XCTest

/// The cycle commands through the built binary: check-in, status, grade, next, stale sets, and
/// set identity on import, against SQLite and (when the CI server is there) PostgreSQL.
final class CycleCommandTests: XCTestCase {
    private var home: URL!
    private var env: [String: String] { ["OKR_HOME": home.path, "NO_COLOR": "1", "OKR_NOW": "2026-09-28", "OKR_AUTHOR": "maya"] }

    override func setUpWithError() throws { home = try BinaryRunner.temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: home) }

    private func okr(_ arguments: [String], stdin: String? = nil, extra: [String: String] = [:]) throws -> BinaryRunner.Result {
        try BinaryRunner.run(arguments, stdin: stdin, environment: env.merging(extra) { $1 })
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = home.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func json(_ result: BinaryRunner.Result) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stdout + result.stderr)
    }

    /// Every store the tests run against: a SQLite file, and a fresh schema on the CI PostgreSQL.
    private func stores() throws -> [String] {
        var stores = [home.appendingPathComponent("cycle.sqlite").path]
        if let url = ProcessInfo.processInfo.environment["OKR_TEST_POSTGRES_URL"], !url.isEmpty {
            let schema = "okr_cycle_\(UInt32.random(in: 0...UInt32.max))"
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
            process.arguments = [url, "-qc", "CREATE SCHEMA \(schema)"]
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0)
            stores.append(url + (url.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)")
        }
        return stores
    }

    static let nps = """
        # Growth — Q3 2026
        Team: Growth

        ## Objective: Make customers love the product
        - Raise NPS from 30 to 50
        - Cut churn from 5% to 3%
        - KPI: Support CSAT: at least 90% as reported by Zendesk, measured every month

        """

    /// Done when: "Raise NPS from 30 to 50" checked in at 44 shows 0.70 in status and grade.
    func testACheckInAt44Scores0Point70InStatusAndGradeOnEveryBackend() throws {
        let file = try write("growth.md", Self.nps)
        for store in try stores() {
            XCTAssertEqual(try okr(["import", "--store", store, file]).status, 0)
            let checkIn = try okr(["checkin", "--store", store, "growth-q3-2026", "--kr", "1", "--value", "44", "--confidence", "7"])
            XCTAssertEqual(checkIn.stdout, "Recorded 1.1 of growth-q3-2026: 44, score 0.70, confidence 7/10.\n", checkIn.stderr)

            let status = try okr(["status", "--store", store, "growth-q3-2026"])
            XCTAssertTrue(status.stdout.contains("  1.1  ██████████████░░░░░░ 0.70  Raise NPS from 30 to 50\n       at 44, confidence 7/10\n"), status.stdout)
            XCTAssertTrue(status.stdout.contains("no check-in yet: okr checkin growth-q3-2026 --kr 1.2 --value ..."), status.stdout)
            let statusJSON = try json(try okr(["status", "--store", store, "growth-q3-2026", "--format", "json"]))
            let objective = try XCTUnwrap((statusJSON["objectives"] as? [[String: Any]])?.first)
            let kr = try XCTUnwrap((objective["keyResults"] as? [[String: Any]])?.first)
            XCTAssertEqual(kr["score"] as? Double, 0.7)
            XCTAssertEqual(kr["value"] as? Double, 44)
            XCTAssertEqual(kr["confidence"] as? Int, 7)

            let grade = try json(try okr(["grade", "--store", store, "growth-q3-2026", "--format", "json"]))
            XCTAssertEqual(grade["score"] as? Double, 0.7)
            let graded = try XCTUnwrap((grade["objectives"] as? [[String: Any]])?.first)
            XCTAssertEqual(graded["score"] as? Double, 0.7)
            let krs = try XCTUnwrap(graded["keyResults"] as? [[String: Any]])
            XCTAssertEqual(krs.map { $0["score"] as? Double }, [0.7, nil])
            XCTAssertEqual(krs[1]["reason"] as? String, "no check-in yet, so no score")
            XCTAssertEqual((grade["band"] as? [String: Any])?["name"] as? String, "sweet spot")
        }
    }

    func testABadValueIsAClearErrorAndRecordsNothing() throws {
        XCTAssertEqual(try okr(["import", try write("growth.md", Self.nps)]).status, 0)
        let bad = try okr(["checkin", "growth-q3-2026", "--kr", "1.1", "--value", "4x"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stderr, "okr: growth-q3-2026 1.1 (Raise NPS from 30 to 50): '4x' is not a number: type the current value, like 44 (or 44%); nothing recorded\n")
        let missing = try okr(["checkin", "growth-q3-2026", "--kr", "7", "--value", "4"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no key result or KPI '7': key results are 1 to 2"), missing.stderr)
        XCTAssertTrue(try okr(["status"]).stdout.hasPrefix("No check-ins yet in"))
        XCTAssertEqual(try okr(["grade", "growth-q3-2026"]).status, 2, "nothing to grade")
    }

    /// Done when: the third cycle of the same team's set gets stale-okr in check and import.
    func testTheThirdCycleRunningIsStaleInCheckAndImport() throws {
        func cycle(_ q: Int) throws -> String {
            try write("support-q\(q).md", """
                # Support — Q\(q) 2027
                Team: Support

                ## Objective: Make support effortless for customers
                - Cut first response time from \(10 - q) to \(8 - q) hours
                - Raise CSAT from \(80 + q)% to \(85 + q)%

                """)
        }
        for store in try stores() {
            for q in 1...2 {
                let imported = try okr(["import", "--store", store, try cycle(q)])
                XCTAssertFalse(imported.stdout.contains("stale-okr"), imported.stdout)
            }
            let third = try cycle(3)
            let check = try okr(["check", "--store", store, third])
            XCTAssertTrue(check.stdout.contains("support-q3.md:4:15: warning: the same objective with mostly the same key results for the third cycle running (Q1 2027, Q2 2027, Q3 2027) [stale-okr]"), check.stdout)
            XCTAssertTrue(check.stdout.contains("Is this still the team's top priority"), check.stdout)
            XCTAssertFalse(try okr(["check", "--no-store", "--store", store, third]).stdout.contains("stale-okr"))
            let imported = try okr(["import", "--store", store, third])
            XCTAssertTrue(imported.stdout.contains("[stale-okr]"), imported.stdout)
            XCTAssertEqual(imported.status, 0)
            let shown = try json(try okr(["show", "--store", store, "support-q3-2027", "--format", "json"]))
            XCTAssertEqual((shown["findings"] as? [[String: Any]])?.map { $0["rule"] as? String }, ["stale-okr"], "saved with the finding")
        }
    }

    /// The coach's save shows (and saves) the findings that need the store.
    func testTheCoachsSaveShowsAStaleSet() throws {
        func cycle(_ q: Int) throws -> String {
            try write("ops-q\(q).md", "# Ops — Q\(q) 2027\nTeam: Ops\n\n## Objective: Make on-call calm\n"
                      + "- Cut pages per week from \(20 - q) to \(10 - q)\n- Cut time to acknowledge from \(15 - q) to \(5 - q) minutes\n")
        }
        for q in 1...2 { XCTAssertEqual(try okr(["import", try cycle(q)]).status, 0) }
        let coach = try okr([], stdin: "/load \(try cycle(3))\n/save\n/quit\n")
        // The coach wraps its lines at 80 columns: compare the words.
        let words = coach.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(words.contains("warning [stale-okr] the same objective with mostly the same key results for the third cycle running (Q1 2027, Q2 2027, Q3 2027)"), coach.stdout)
        XCTAssertTrue(words.contains("Saved ops-q3-2027 as version 1"), coach.stdout)
    }

    func testCheckConsultsTheDefaultStoreOnlyWhenThereIsOne() throws {
        let file = try write("growth.md", Self.nps)
        XCTAssertEqual(try okr(["check", file]).status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: home.appendingPathComponent("okr.sqlite").path), "check creates no store")
    }

    /// Issue 10: another team's document with a title already in the store never replaces the set.
    func testAnotherTeamsDocumentWithAnExistingTitleDoesNotReplaceTheSet() throws {
        let platform = "# OKRs — Q3 2026\nTeam: Platform\n\n## Objective: Make deploys boring\n- Cut median deploy time from 40 to 10 minutes\n"
        let sales = "# OKRs — Q3 2026\nTeam: Sales\n\n## Objective: Win the mid-market\n- Grow mid-market deals from 12 to 30\n"
        XCTAssertEqual(try okr(["import", try write("platform.md", platform)]).status, 0)
        let before = try okr(["list", "--format", "json"]).stdout
        let platformID = try XCTUnwrap(((try json(try okr(["list", "--format", "json"])))["sets"] as? [[String: Any]])?.first?["id"] as? String)
        let result = try okr(["import", try write("sales.md", sales)])
        let history = try json(try okr(["history", platformID, "--format", "json"]))
        XCTAssertEqual((history["versions"] as? [[String: Any]])?.count, 1, "the Platform set has one version still: \(result.stdout)\(result.stderr)")
        let shown = try json(try okr(["show", platformID, "--format", "json"]))
        XCTAssertEqual((shown["set"] as? [String: Any])?["team"] as? String, "Platform")
        if result.status == 0 {
            XCTAssertNotEqual(try okr(["list", "--format", "json"]).stdout, before, "saved as a set of its own")
        } else {
            XCTAssertEqual(result.status, 2)
            XCTAssertTrue(result.stderr.contains("belongs to team Platform"), result.stderr)
            XCTAssertTrue(result.stderr.contains("--as NEW-ID"), result.stderr)
        }
    }

    func testImportAsksBeforeReplacingEveryObjectiveAndSavesNothingUnchanged() throws {
        let first = try write("a.md", "# Ops — Q3 2026\nTeam: Ops\n\n## Objective: Make deploys boring\n- Cut median deploy time from 40 to 10 minutes\n")
        let other = try write("b.md", "# Ops — Q3 2026\nTeam: Ops\n\n## Objective: Cut cloud spend\n- Cut monthly spend from $90k to $70k\n")
        let saved = try okr(["import", first])
        let id = try XCTUnwrap(saved.stdout.split(separator: "\n").last?.split(separator: " ").dropFirst().first.map(String.init))
        XCTAssertTrue(try okr(["import", first]).stdout.contains("Unchanged: \(id) version 1 already holds this document; nothing saved."))
        let refused = try okr(["import", other])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("this document would replace its objective; not saved"), refused.stderr)
        XCTAssertTrue(try okr(["import", other, "--new-version"]).stdout.contains("Saved \(id) as version 2"))
        XCTAssertTrue(try okr(["import", first, "--as", "ops-q3-2026-deploys"]).stdout.contains("Saved ops-q3-2026-deploys as version 1"))
        let diff = try okr(["history", id, "--diff"])
        XCTAssertTrue(diff.stdout.contains("         + objective: Cut cloud spend\n         - objective: Make deploys boring\n"), diff.stdout)
        let versions = try XCTUnwrap(try json(try okr(["history", id, "--diff", "--format", "json"]))["versions"] as? [[String: Any]])
        XCTAssertEqual(versions.map { $0["changes"] as? [String] }, [[], ["+ objective: Cut cloud spend", "- objective: Make deploys boring"]])
    }

    /// `okr next` driven through a pipe: a key result that reached its target becomes a KPI, a KPI
    /// that slipped becomes a key result, and the new set remembers where it came from.
    func testNextDemotesAKeyResultElevatesAKPIAndLinksTheNewSet() throws {
        XCTAssertEqual(try okr(["import", try write("growth.md", Self.nps)]).status, 0)
        _ = try okr(["checkin", "growth-q3-2026", "--kr", "1.1", "--value", "52", "--confidence", "9"])
        _ = try okr(["checkin", "growth-q3-2026", "--kr", "1.2", "--value", "4%"])
        _ = try okr(["checkin", "growth-q3-2026", "--kr", "K1", "--value", "85"])
        XCTAssertEqual(try okr(["grade", "growth-q3-2026"]).status, 0)
        let next = try okr(["next", "growth-q3-2026"], stdin: "\nyes\nkpi\n\nDelighted\nevery month\nkeep\nyes\nyes\n")
        XCTAssertEqual(next.status, 0, next.stderr)
        XCTAssertTrue(next.stdout.contains("Kept as a KPI: NPS: at least 50 as reported by Delighted, measured every month"), next.stdout)
        XCTAssertTrue(next.stdout.contains("Elevated K1 to a key result: Raise support CSAT from 85% to 90%."), next.stdout)
        XCTAssertTrue(next.stdout.contains("Saved growth-q4-2026 as version 1"), next.stdout)
        let shown = try json(try okr(["show", "growth-q4-2026", "--format", "json"]))
        XCTAssertEqual((shown["plannedFrom"] as? [String: Any])?["id"] as? String, "growth-q3-2026")
        let objective = try XCTUnwrap(((shown["set"] as? [String: Any])?["objectives"] as? [[String: Any]])?.first)
        XCTAssertEqual(objective["key_results"] as? [String], ["Cut churn from 5% to 3%", "Raise support CSAT from 85% to 90%"])
        XCTAssertEqual((objective["kpis"] as? [[String: Any]])?.first?["measurement"] as? String, "NPS")
    }

    func testNextKeepsTheAnswersWhenStoppedHalfway() throws {
        XCTAssertEqual(try okr(["import", try write("growth.md", Self.nps)]).status, 0)
        let first = try okr(["next", "growth-q3-2026"], stdin: "\nyes\ndrop\n")
        XCTAssertTrue(first.stdout.contains("Your answers so far are kept"), first.stdout)
        let second = try okr(["next", "growth-q3-2026"], stdin: "keep\nyes\n")
        XCTAssertTrue(second.stdout.contains("Picking up where you stopped."), second.stdout)
        XCTAssertTrue(second.stdout.contains("Saved growth-q4-2026 as version 1"), second.stdout)
        let kept = try XCTUnwrap(((try json(try okr(["show", "growth-q4-2026", "--format", "json"]))["set"] as? [String: Any])?["objectives"] as? [[String: Any]])?.first)
        XCTAssertEqual(kept["key_results"] as? [String], ["Cut churn from 5% to 3%"])
    }
}
