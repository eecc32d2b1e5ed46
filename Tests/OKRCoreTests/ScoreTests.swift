import OKRCore
import XCTest

final class ScoreTests: XCTestCase {
    private func score(_ text: String, _ value: Double?, done: Bool? = nil) -> Score.Result {
        Score.score(Score.basis(of: text), value: value, done: done)
    }

    func testProgressIsTheShareOfTheWayFromBaselineToTarget() {
        XCTAssertEqual(score("Raise NPS from 30 to 50", 44).value ?? -1, 0.70, accuracy: 1e-9)
        XCTAssertEqual(Score.format(score("Raise NPS from 30 to 50", 44).value ?? -1), "0.70")
        XCTAssertEqual(score("Raise NPS from 30 to 50", 30).value, 0)
        XCTAssertEqual(score("Raise NPS from 30 to 50", 50).value, 1)
    }

    func testScoresAreClampedToZeroAndOne() {
        XCTAssertEqual(score("Raise NPS from 30 to 50", 61).value, 1)
        XCTAssertEqual(score("Raise NPS from 30 to 50", 12).value, 0)
    }

    func testLowerIsBetterScoresTheSameWay() {
        XCTAssertEqual(score("Cut median deploy time from 40 to 10 minutes", 25).value ?? -1, 0.5, accuracy: 1e-9)
        XCTAssertEqual(score("Reduce failed deploys from 8% to 2%", 3.5).value ?? -1, 0.75, accuracy: 1e-9)
        XCTAssertEqual(score("Reduce failed deploys from 8% to 2%", 9).value, 0)
        XCTAssertEqual(score("Reduce failed deploys from 8% to 2%", 1).value, 1)
    }

    func testAMilestoneIsZeroOrOne() {
        let milestone = Score.Basis.milestone
        XCTAssertEqual(Score.score(milestone, value: nil, done: true), .scored(1))
        XCTAssertEqual(Score.score(milestone, value: nil, done: false), .scored(0))
        XCTAssertEqual(Score.score(milestone, value: nil, done: nil), .notCheckedIn)
    }

    func testALineWithoutBaselineOrTargetSaysWhyAndHowToFixIt() {
        guard case .unscorable(let reason, let fix) = score("Raise NPS to 45", 40) else { return XCTFail() }
        XCTAssertTrue(reason.contains("no baseline"), reason)
        XCTAssertTrue(fix.contains("from X to 45"), fix)
        guard case .unscorable(let why, _) = score("Grow revenue by 20%", 3) else { return XCTFail() }
        XCTAssertTrue(why.contains("not from where"), why)
        guard case .unscorable(let none, _) = Score.score(Score.basis(of: KRReading(kind: .unmeasurable, tokens: [])), value: 3, done: nil) else {
            return XCTFail()
        }
        XCTAssertTrue(none.contains("no baseline and no target"), none)
        guard case .unscorable(let same, let hold) = score("Keep churn from 2% to 2%", 2) else { return XCTFail() }
        XCTAssertTrue(same.contains("the same"), same)
        XCTAssertTrue(hold.contains("KPI"), hold)
    }

    func testNoCheckInIsNotAScoreOfZero() {
        XCTAssertEqual(score("Raise NPS from 30 to 50", nil), .notCheckedIn)
    }

    func testTheObjectiveIsTheMeanOfItsScoredKeyResults() {
        var set = OKRSet(title: "Growth", timeframe: .quarter(3, of: 2026))
        set.objectives = [Objective(title: "Customers love us", keyResults: [
            KeyResult(text: "Raise NPS from 30 to 50"), KeyResult(text: "Cut churn from 5% to 3%"), KeyResult(text: "Raise NPS to 60"),
        ])]
        let checkIns = [
            CheckIn(item: SetItem(.keyResult, objective: 0, index: 0), text: "Raise NPS from 30 to 50", value: 40, confidence: 5),
            CheckIn(item: SetItem(.keyResult, objective: 0, index: 0), text: "Raise NPS from 30 to 50", value: 44, confidence: 7),
            CheckIn(item: SetItem(.keyResult, objective: 0, index: 1), text: "Cut churn from 5% to 3%", value: 4.5),
            CheckIn(item: SetItem(.keyResult, objective: 0, index: 0), text: "Raise NPS from 30 to 50", note: "survey late"),
        ]
        let progress = SetProgress(set: set, checkIns: checkIns)
        let krs = progress.objectives[0].keyResults
        XCTAssertEqual(krs[0].result.value ?? -1, 0.7, accuracy: 1e-9)
        XCTAssertEqual(krs[0].confidence, 7)
        guard case .up(let delta)? = krs[0].trend else { return XCTFail("\(String(describing: krs[0].trend))") }
        XCTAssertEqual(delta, 0.2, accuracy: 1e-9)
        XCTAssertEqual(krs[0].checkIns, 3)
        XCTAssertEqual(krs[1].result.value ?? -1, 0.25, accuracy: 1e-9)
        XCTAssertNil(krs[1].trend)
        XCTAssertNil(krs[2].result.value)
        XCTAssertEqual(progress.objectives[0].score ?? -1, 0.475, accuracy: 1e-9)
        let grade = Grade(progress: progress, setVersion: 3)
        XCTAssertEqual(grade.objectives[0].score, 0.48)
        XCTAssertEqual(grade.objectives[0].keyResults.map(\.score), [0.7, 0.25, nil])
        XCTAssertTrue(grade.objectives[0].keyResults[2].reason?.contains("cannot be scored: it has a target (60) but no baseline") == true)
    }

    func testAReworkedLineStartsANewHistory() {
        var set = OKRSet(title: "Growth")
        set.objectives = [Objective(title: "Customers love us", keyResults: [KeyResult(text: "Raise NPS from 30 to 55")])]
        let old = CheckIn(item: SetItem(.keyResult, objective: 0, index: 0), text: "Raise NPS from 30 to 50", value: 44)
        XCTAssertEqual(SetProgress(set: set, checkIns: [old]).objectives[0].keyResults[0].result, .notCheckedIn)
    }

    func testGradingBandsComeFromTheRulesFolder() throws {
        let rules = try CycleRules.builtIn()
        XCTAssertEqual(rules.band(for: 1.0).name, "bar too low")
        XCTAssertEqual(rules.band(for: 0.95).name, "bar too low")
        XCTAssertEqual(rules.band(for: 0.65).name, "sweet spot")
        XCTAssertEqual(rules.band(for: 0.6).name, "sweet spot")
        XCTAssertEqual(rules.band(for: 0.29).name, "out of reach")
        XCTAssertEqual(rules.band(for: 0).name, "out of reach")
        XCTAssertEqual(rules.staleOKR.id, "stale-okr")
        XCTAssertEqual(rules.missingParent.id, "missing-parent")
    }

    func testCheckInInputReadsNumbersAsTheAnalyserDoes() throws {
        XCTAssertEqual(try CheckInInput.value("44"), 44)
        XCTAssertEqual(try CheckInInput.value(" 44% "), 44)
        XCTAssertEqual(try CheckInInput.value("2.5"), 2.5)
        XCTAssertEqual(try CheckInInput.value("300 ms", unit: "ms"), 300)
        XCTAssertEqual(try CheckInInput.value("$1.2M"), 1_200_000)
        XCTAssertEqual(try CheckInInput.value("1,200"), 1200)
        XCTAssertThrowsError(try CheckInInput.value("300 apples", unit: "ms"))
        XCTAssertThrowsError(try CheckInInput.value("4x")) { XCTAssertEqual($0 as? CheckInInput.Problem, .notANumber("4x")) }
        XCTAssertThrowsError(try CheckInInput.value("forty"))
        XCTAssertThrowsError(try CheckInInput.value("44 55"))
        XCTAssertEqual(try CheckInInput.confidence("7"), 7)
        XCTAssertEqual(try CheckInInput.confidence("7/10"), 7)
        XCTAssertThrowsError(try CheckInInput.confidence("11"))
        XCTAssertThrowsError(try CheckInInput.confidence("0"))
        XCTAssertEqual(try CheckInInput.done("done"), true)
        XCTAssertEqual(try CheckInInput.done("not done"), false)
        XCTAssertThrowsError(try CheckInInput.done("maybe"))
        XCTAssertEqual(CheckInInput.format(44), "44")
        XCTAssertEqual(CheckInInput.format(99.5), "99.5")
    }

    func testKPILevels() throws {
        let atLeast = try XCTUnwrap(KPILevel(target: "at least 99.9%"))
        XCTAssertEqual(atLeast.side, .atLeast)
        XCTAssertEqual(atLeast.level.value, 99.9)
        XCTAssertFalse(atLeast.holds(99.5))
        XCTAssertTrue(atLeast.holds(99.95))
        XCTAssertEqual(atLeast.render(99.5), "99.5%")
        let atMost = try XCTUnwrap(KPILevel(target: "at most 2 days"))
        XCTAssertEqual(atMost.side, .atMost)
        XCTAssertTrue(atMost.holds(1.5))
        XCTAssertFalse(atMost.holds(3))
        XCTAssertEqual(KPILevel(target: "below 3%")?.side, .atMost)
        XCTAssertNil(KPILevel(target: "green"))
    }

    func testSetItemsReadAsShowPrintsThem() throws {
        var set = OKRSet(title: "T")
        set.objectives = [Objective(title: "A", keyResults: [KeyResult(text: "a1"), KeyResult(text: "a2")],
                                    kpis: [KPI(measurement: "Uptime", target: "at least 99%", source: "Grafana", frequency: "week")]),
                          Objective(title: "B", keyResults: [KeyResult(text: "b1")],
                                    kpis: [KPI(measurement: "CSAT", target: "at least 90%", source: "Zendesk", frequency: "month")])]
        XCTAssertEqual(try SetItem.find("3", in: set), SetItem(.keyResult, objective: 1, index: 0))
        XCTAssertEqual(try SetItem.find("2.1", in: set), SetItem(.keyResult, objective: 1, index: 0))
        XCTAssertEqual(try SetItem.find("1.2", in: set), SetItem(.keyResult, objective: 0, index: 1))
        XCTAssertEqual(try SetItem.find("K2", in: set), SetItem(.kpi, objective: 1, index: 0))
        XCTAssertEqual(SetItem(.kpi, objective: 1, index: 0).label(in: set), "K2")
        XCTAssertEqual(SetItem(.keyResult, objective: 1, index: 0).label(in: set), "2.1")
        XCTAssertThrowsError(try SetItem.find("4", in: set)) { error in
            XCTAssertEqual("\(error)", "no key result or KPI '4': key results are 1 to 3 (or 1.1, 2.1 ... by objective), KPIs K1 to K2")
        }
        XCTAssertThrowsError(try SetItem.find("1.3", in: set))
        XCTAssertThrowsError(try SetItem.find("K0", in: set))
    }

    func testTheFollowingCycle() {
        XCTAssertEqual(CycleCalendar.following(.quarter(3, of: 2026)), .quarter(4, of: 2026))
        XCTAssertEqual(CycleCalendar.following(.quarter(4, of: 2026)), .quarter(1, of: 2027))
        XCTAssertEqual(CycleCalendar.following(.half(2, of: 2026)), .half(1, of: 2027))
        XCTAssertEqual(CycleCalendar.following(.year(2026)), .year(2027))
        XCTAssertEqual(CycleCalendar.following(.fiscalYear(2026)), .fiscalYear(2027))
        XCTAssertNil(CycleCalendar.following(.until(CalendarDay(year: 2027, month: 3, day: 15), reference: CalendarDay(year: 2027, month: 1, day: 1),
                                                   label: "by 2027-03-15")))
        XCTAssertEqual(CycleCalendar.retitle("Growth — Q3 2026", from: .quarter(3, of: 2026), to: .quarter(4, of: 2026)), "Growth — Q4 2026")
        XCTAssertEqual(CycleCalendar.retitle("Growth", from: .quarter(3, of: 2026), to: .quarter(4, of: 2026)), "Growth")
    }
}
