import Foundation
import OKRCore
import XCTest
@testable import OKRStore

/// The store's behaviour, written once and run against every backend by the subclasses below.
class StoreContractTests: XCTestCase {
    /// A fresh, empty store for one test; nil in the base class so it runs no tests itself.
    func makeStore() throws -> SetStore? { nil }

    private func store() throws -> SetStore {
        guard let store = try makeStore() else { throw XCTSkip("the contract runs in its backend subclasses") }
        return store
    }

    static let sample: OKRSet = {
        var set = OKRSet(title: "Platform team OKRs — Q3 2026", owner: "Dana", team: "Platform",
                         timeframe: .quarter(3, of: 2026), location: SourceLocation(line: 1, column: 3))
        var o1 = Objective(title: "Make deploys boring", owner: "Sam", timeframe: .half(2, of: 2026), parent: "Ship with confidence",
                           location: SourceLocation(line: 5, column: 15))
        o1.keyResults = [KeyResult(text: "Cut median deploy time from 40 to 10 minutes", location: SourceLocation(line: 6, column: 3)),
                         KeyResult(text: "Launch the new deploy dashboard", location: SourceLocation(line: 7, column: 3))]
        o1.kpis = [KPI(measurement: "Uptime", target: "at least 99.9%", source: "Grafana", frequency: "week", location: SourceLocation(line: 8, column: 8))]
        let o2 = Objective(title: "Give every team a paved road", keyResults: [KeyResult(text: "Grow services on the pipeline from 14 to 40")])
        set.objectives = [o1, o2]
        return set
    }()

    static func findings(for set: OKRSet) throws -> [Finding] {
        Engine(ruleSet: try RuleSet.builtIn()).check(set)
    }

    func testRoundTripOfEveryField() throws {
        let store = try store()
        let findings = try Self.findings(for: Self.sample)
        XCTAssertFalse(findings.isEmpty)
        let info = try store.save(Self.sample, findings: findings, author: "dana", base: nil)
        XCTAssertEqual(info.name, "platform-team-okrs-q3-2026")
        XCTAssertEqual(info.version, 1)
        let loaded = try store.load(info.name)
        XCTAssertEqual(loaded.set, Self.sample)
        // What a store keeps of a finding; the offers and where the subject starts are for the
        // coach in the process that made it.
        func kept(_ f: Finding) -> Finding {
            var kept = Finding(rule: f.rule, severity: f.severity, target: f.target, message: f.message, why: f.why, ask: f.ask,
                               subject: f.subject, location: f.location)
            kept.suggestion = f.suggestion
            return kept
        }
        XCTAssertEqual(loaded.findings, findings.map(kept))
        XCTAssertTrue(loaded.findings.contains { $0.suggestion != nil }, "suggestions are kept")
        XCTAssertEqual(loaded.author, "dana")
        XCTAssertEqual(loaded.version, 1)
    }

    func testSavingAgainMakesANewVersionAndHistoryListsThem() throws {
        let store = try store()
        let v1 = try store.save(Self.sample, findings: [], author: "dana", base: nil)
        var changed = Self.sample
        changed.objectives[0].keyResults.append(KeyResult(text: "Reduce failed deploys from 8% to 2%"))
        let v2 = try store.save(changed, findings: [], author: "sam", base: v1.version)
        XCTAssertEqual(v2.version, 2)
        XCTAssertEqual(try store.load(v1.name, version: 1).set, Self.sample)
        XCTAssertEqual(try store.load(v1.name).set, changed)
        let history = try store.history(v1.name)
        XCTAssertEqual(history.map(\.version), [1, 2])
        XCTAssertEqual(history.map(\.author), ["dana", "sam"])
        XCTAssertEqual(history.map(\.baseVersion), [nil, 1])
        XCTAssertEqual(history.map(\.keyResultCount), [3, 4])
        XCTAssertThrowsError(try store.load(v1.name, version: 7)) { XCTAssertEqual($0 as? StoreError, .noSuchVersion(set: v1.name, version: 7)) }
    }

    func testSecondSaveFromTheSameBaseIsAConflictNamingWhoSavedFirst() throws {
        let store = try store()
        let v1 = try store.save(Self.sample, findings: [], author: "dana", base: nil)
        try store.save(Self.sample, findings: [], author: "sam", base: v1.version)
        XCTAssertThrowsError(try store.save(Self.sample, findings: [], author: "kim", base: v1.version)) { error in
            guard case .conflict(let set, let base, let latest, let savedBy, _) = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual([set, savedBy], [v1.name, "sam"])
            XCTAssertEqual(base, 1)
            XCTAssertEqual(latest, 2)
            XCTAssertTrue("\(error)".contains("saved as version 2 by sam"), "\(error)")
        }
        XCTAssertEqual(try store.history(v1.name).count, 2, "the conflicting save wrote nothing")
        XCTAssertThrowsError(try store.save(Self.sample, findings: [], author: "lee", base: nil), "a new set over an existing name")
    }

    func testListFiltersByTeamAndTimeframe() throws {
        let store = try store()
        try store.save(Self.sample, findings: [], author: "dana", base: nil)
        var sales = OKRSet(title: "Sales OKRs", team: "Sales", timeframe: .quarter(4, of: 2026))
        sales.objectives = [Objective(title: "Win the mid-market", keyResults: [KeyResult(text: "Grow deals from 12 to 30")])]
        try store.save(sales, findings: [], author: "ana", base: nil)
        XCTAssertEqual(try store.list().map(\.name), ["platform-team-okrs-q3-2026", "sales-okrs"])
        XCTAssertEqual(try store.list(team: "Sales").map(\.name), ["sales-okrs"])
        XCTAssertEqual(try store.list(timeframe: "Q3 2026").map(\.name), ["platform-team-okrs-q3-2026"])
        XCTAssertEqual(try store.list(team: "Sales", timeframe: "Q3 2026"), [])
    }

    func testDeleteRemovesEveryVersion() throws {
        let store = try store()
        let v1 = try store.save(Self.sample, findings: try Self.findings(for: Self.sample), author: "dana", base: nil)
        try store.save(Self.sample, findings: [], author: "dana", base: 1)
        try store.delete(v1.name)
        XCTAssertThrowsError(try store.load(v1.name)) { XCTAssertEqual($0 as? StoreError, .notFound(set: v1.name)) }
        XCTAssertThrowsError(try store.delete(v1.name)) { XCTAssertEqual($0 as? StoreError, .notFound(set: v1.name)) }
        // The name is free again.
        XCTAssertEqual(try store.save(Self.sample, findings: [], author: "dana", base: nil).version, 1)
    }

    func testAStoreWithANewerSchemaIsRefused() throws {
        let store = try store()
        try store.database.write { try $0.execute("INSERT INTO schema_migration (version, applied_at) VALUES (99, 'later')", []) }
        XCTAssertThrowsError(try Migrations.migrate(store.database)) { error in
            guard case .newerSchema(_, let found, _) = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(found, 99)
        }
    }

    func testMigratingTwiceChangesNothing() throws {
        let store = try store()
        try Migrations.migrate(store.database)
        try Migrations.migrate(store.database)
        let rows = try store.database.read { try $0.query("SELECT COUNT(*) FROM schema_migration", []) }
        XCTAssertEqual(rows.first?.first ?? nil, String(Migrations.latest))
    }

    /// Two writers (separate connections, as two processes have) save the same set over and
    /// over, each from the version it last read. Every save either lands as the next version
    /// or is told of a conflict; none is lost, none is written twice.
    func testConcurrentWritersNeverLoseOrDuplicateAVersion() throws {
        let first = try store()
        guard let second = try makeSecondConnection() else { throw XCTSkip("no second connection") }
        let v1 = try first.save(Self.sample, findings: [], author: "setup", base: nil)
        let counts = Counts()
        let group = DispatchGroup()
        for (index, store) in [first, second].enumerated() {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                for _ in 0..<25 {
                    guard let base = try? store.history(v1.name).last?.version else { continue }
                    do {
                        try store.save(Self.sample, findings: [], author: "writer\(index)", base: base)
                        counts.add(saved: 1, conflicts: 0)
                    } catch StoreError.conflict {
                        counts.add(saved: 0, conflicts: 1)
                    } catch {
                        counts.add(saved: 0, conflicts: 0, other: "\(error)")
                    }
                }
            }
        }
        group.wait()
        let (saved, conflicts, others) = counts.values
        XCTAssertEqual(others, [])
        XCTAssertEqual(saved + conflicts, 50)
        let versions = try first.history(v1.name).map(\.version)
        XCTAssertEqual(versions, Array(1...(saved + 1)), "versions are contiguous: nothing lost, nothing doubled")
    }

    /// Another connection to the same store, as a second process would have.
    func makeSecondConnection() throws -> SetStore? { nil }

    /// A connection to the same empty database with no migrations run, to test upgrades.
    func makeDatabase() throws -> (any SQLDatabase)? { nil }

    // MARK: - The cycle: check-ins, grades, origins

    static let checkIns: [CheckIn] = [
        CheckIn(item: SetItem(.keyResult, objective: 0, index: 0), text: "Cut median deploy time from 40 to 10 minutes", value: 25,
                confidence: 7, note: "the new runners helped — a lot", author: "dana", setVersion: 1),
        CheckIn(item: SetItem(.keyResult, objective: 0, index: 1), text: "Launch the new deploy dashboard", done: true, author: "sam", setVersion: 1),
        CheckIn(item: SetItem(.kpi, objective: 0, index: 0), text: "Uptime: at least 99.9% as reported by Grafana, measured every week",
                value: 99.85, confidence: 9, author: "dana", at: "2026-08-01T09:00:00Z", setVersion: 1),
        CheckIn(item: SetItem(.keyResult, objective: 1, index: 0), text: "Grow services on the pipeline from 14 to 40", value: 0.125,
                done: false, author: "kim", setVersion: 1),
    ]

    func testCheckInsComeBackInOrderWithEveryField() throws {
        let store = try store()
        let info = try store.save(Self.sample, findings: [], author: "dana", base: nil)
        let stored = try store.addCheckIns(Array(Self.checkIns.prefix(2)), to: info.name)
        try store.addCheckIns(Array(Self.checkIns.dropFirst(2)), to: info.name)
        XCTAssertFalse(stored[0].at.isEmpty, "the store stamps the time")
        let loaded = try store.checkIns(info.name)
        XCTAssertEqual(loaded.count, 4)
        for (got, sent) in zip(loaded, Self.checkIns) {
            var expected = sent
            if expected.at.isEmpty { expected.at = got.at }
            XCTAssertEqual(got, expected)
        }
        XCTAssertEqual(loaded[2].at, "2026-08-01T09:00:00Z", "a given time is kept")
    }

    func testACheckInOnASetThatDoesNotExistIsNotFoundAndWritesNothing() throws {
        let store = try store()
        XCTAssertThrowsError(try store.addCheckIns(Self.checkIns, to: "nobody")) { XCTAssertEqual($0 as? StoreError, .notFound(set: "nobody")) }
        XCTAssertEqual(try store.checkIns("nobody"), [])
    }

    func testGradesAreKeptAndTheLatestIsShown() throws {
        let store = try store()
        let info = try store.save(Self.sample, findings: [], author: "dana", base: nil)
        XCTAssertNil(try store.latestGrade(info.name))
        let first = Grade(setVersion: 1, score: 0.5, objectives: [
            Grade.ObjectiveGrade(index: 0, title: "Make deploys boring", score: 0.5, keyResults: [
                Grade.KeyResultGrade(index: 0, text: "Cut median deploy time from 40 to 10 minutes", score: 0.5, reason: nil),
                Grade.KeyResultGrade(index: 1, text: "Launch the new deploy dashboard", score: nil, reason: "no check-in yet, so no score"),
            ]),
            Grade.ObjectiveGrade(index: 1, title: "Give every team a paved road", score: nil, keyResults: []),
        ], author: "dana")
        let recorded = try store.recordGrade(first, for: info.name)
        XCTAssertEqual(try store.latestGrade(info.name), recorded)
        var second = first
        second.score = 0.7
        second.objectives[0].keyResults[0].score = 0.67
        second.author = "sam"
        try store.recordGrade(second, for: info.name)
        let latest = try XCTUnwrap(try store.latestGrade(info.name))
        XCTAssertEqual(latest.score, 0.7)
        XCTAssertEqual(latest.author, "sam")
        XCTAssertEqual(latest.objectives[0].keyResults.map(\.score), [0.67, nil])
        XCTAssertEqual(latest.objectives[0].keyResults[1].reason, "no check-in yet, so no score")
    }

    func testANewSetRemembersTheSetItCameFrom() throws {
        let store = try store()
        let old = try store.save(Self.sample, findings: [], author: "dana", base: nil)
        var next = Self.sample
        next.title = "Platform team OKRs — Q4 2026"
        next.timeframe = .quarter(4, of: 2026)
        let new = try store.save(next, findings: [], author: "dana", base: nil, origin: SetOrigin(set: old.name, version: 1))
        XCTAssertEqual(try store.origin(of: new.name), SetOrigin(set: old.name, version: 1))
        XCTAssertNil(try store.origin(of: old.name))
    }

    func testDeletingASetDeletesItsCheckInsAndGrades() throws {
        let store = try store()
        let info = try store.save(Self.sample, findings: [], author: "dana", base: nil)
        try store.addCheckIns(Self.checkIns, to: info.name)
        try store.recordGrade(Grade(setVersion: 1, score: 0.4, objectives: [], author: "dana"), for: info.name)
        try store.delete(info.name)
        try store.save(Self.sample, findings: [], author: "dana", base: nil)
        XCTAssertEqual(try store.checkIns(info.name), [])
        XCTAssertNil(try store.latestGrade(info.name))
    }

    func testLatestSetsByTeamIgnoreCaseAndFilterByCycle() throws {
        let store = try store()
        try store.save(Self.sample, findings: [], author: "dana", base: nil)
        var later = Self.sample
        later.title = "Platform team OKRs — Q4 2026"
        later.team = "platform"
        later.timeframe = .quarter(4, of: 2026)
        try store.save(later, findings: [], author: "dana", base: nil)
        try store.save(OKRSet(title: "Sales", team: "Sales", timeframe: .quarter(4, of: 2026)), findings: [], author: "ana", base: nil)
        XCTAssertEqual(try store.latestSets(team: "PLATFORM").map(\.set.title), ["Platform team OKRs — Q3 2026", "Platform team OKRs — Q4 2026"])
        XCTAssertEqual(try store.latestSets(timeframe: "Q4 2026").map(\.name), ["platform-team-okrs-q4-2026", "sales"])
    }

    /// A store made by the first release (schema 1, sets in it) is brought up to date with its
    /// sets intact, and takes check-ins afterwards.
    func testAStoreFromTheFirstSchemaIsUpgradedKeepingItsSets() throws {
        guard let database = try makeDatabase() else { throw XCTSkip("the contract runs in its backend subclasses") }
        try database.write { session in
            try session.execute("CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", [])
            for statement in Migrations.steps[0] { try session.execute(statement, []) }
            try session.execute("INSERT INTO schema_migration (version, applied_at) VALUES (1, 'then')", [])
        }
        let old = SetStore(database: database)
        let info = try old.save(Self.sample, findings: [], author: "dana", base: nil)
        try Migrations.migrate(database)
        XCTAssertEqual(try old.load(info.name).set, Self.sample)
        try old.addCheckIns([Self.checkIns[0]], to: info.name)
        XCTAssertEqual(try old.checkIns(info.name).count, 1)
    }
}

private final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private var saved = 0, conflicts = 0, others: [String] = []
    func add(saved: Int, conflicts: Int, other: String? = nil) {
        lock.lock(); defer { lock.unlock() }
        self.saved += saved
        self.conflicts += conflicts
        if let other { others.append(other) }
    }
    var values: (Int, Int, [String]) { lock.lock(); defer { lock.unlock() }; return (saved, conflicts, others) }
}
