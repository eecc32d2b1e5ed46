import OKRCore
import XCTest

final class StaleOKRTests: XCTestCase {
    private func set(_ q: Int, _ year: Int, team: String = "Growth", objective: String = "Make customers love the product",
                     krs: [String]) -> OKRSet {
        var set = OKRSet(title: "Growth — Q\(q) \(year)", team: team, timeframe: .quarter(q, of: year))
        set.objectives = [Objective(title: objective, keyResults: krs.map { KeyResult(text: $0) }, location: SourceLocation(line: 4, column: 4))]
        return set
    }

    private let rules = try! CycleRules.builtIn()

    func testTheThirdCycleRunningOfTheSameObjectiveIsStale() {
        let q1 = set(1, 2027, krs: ["Raise NPS from 30 to 40", "Cut churn from 5% to 4%", "Grow weekly active teams from 100 to 150"])
        let q2 = set(2, 2027, krs: ["Raise NPS from 38 to 48", "Cut churn from 4.5% to 3.5%", "Launch the referral program"])
        // Reworded a little, new numbers, same objective and mostly the same key results.
        let q3 = set(3, 2027, objective: "Make our customers love the product",
                     krs: ["Lift NPS from 41 to 50", "Reduce churn from 4.2% to 3%", "Hire two support engineers"])
        let findings = StaleOKR.findings(for: q3, earlier: [q2, q1], text: rules.staleOKR)
        XCTAssertEqual(findings.map(\.rule), ["stale-okr"])
        XCTAssertEqual(findings.first?.location, SourceLocation(line: 4, column: 4))
        XCTAssertEqual(findings.first?.message,
                       "the same objective with mostly the same key results for the third cycle running (Q1 2027, Q2 2027, Q3 2027)")
        XCTAssertTrue(findings.first?.ask.contains("top priority") == true)
        XCTAssertTrue(findings.first?.ask.contains("raise the bar") == true)
    }

    func testTwoCyclesAreNotYetStale() {
        let q2 = set(2, 2027, krs: ["Raise NPS from 38 to 48", "Cut churn from 4.5% to 3.5%"])
        let q3 = set(3, 2027, krs: ["Raise NPS from 41 to 50", "Cut churn from 4.2% to 3%"])
        XCTAssertEqual(StaleOKR.findings(for: q3, earlier: [q2], text: rules.staleOKR), [])
    }

    func testNewKeyResultsUnderTheSameObjectiveAreNotStale() {
        let q1 = set(1, 2027, krs: ["Raise NPS from 30 to 40", "Cut churn from 5% to 4%"])
        let q2 = set(2, 2027, krs: ["Raise NPS from 38 to 48", "Cut churn from 4.5% to 3.5%"])
        let q3 = set(3, 2027, krs: ["Grow referrals from 10 to 60 a month", "Cut time to first value from 9 to 3 days", "Raise NPS from 41 to 50"])
        XCTAssertEqual(StaleOKR.findings(for: q3, earlier: [q1, q2], text: rules.staleOKR), [])
    }

    func testOtherTeamsAndLaterCyclesDoNotCount() {
        let krs = ["Raise NPS from 30 to 40", "Cut churn from 5% to 4%"]
        let q3 = set(3, 2027, krs: krs)
        XCTAssertEqual(StaleOKR.findings(for: q3, earlier: [set(1, 2027, team: "Sales", krs: krs), set(2, 2027, krs: krs)], text: rules.staleOKR), [])
        XCTAssertEqual(StaleOKR.findings(for: q3, earlier: [set(4, 2027, krs: krs), set(2, 2027, krs: krs)], text: rules.staleOKR), [])
        XCTAssertEqual(StaleOKR.findings(for: q3, earlier: [q3, set(2, 2027, krs: krs)], text: rules.staleOKR), [], "the same cycle is not an earlier one")
        var noTeam = q3
        noTeam.team = nil
        XCTAssertEqual(StaleOKR.findings(for: noTeam, earlier: [set(1, 2027, krs: krs), set(2, 2027, krs: krs)], text: rules.staleOKR), [])
    }

    func testOnlyTheTwoCyclesJustBeforeCount() {
        let krs = ["Raise NPS from 30 to 40", "Cut churn from 5% to 4%"]
        let other = ["Ship the mobile app to 1,000 beta users", "Grow app store rating from 3.1 to 4.2"]
        let q4 = set(4, 2027, krs: krs)
        // Q1 and Q2 repeated it, but Q3 did something else: not the third cycle running.
        let earlier = [set(1, 2027, krs: krs), set(2, 2027, krs: krs), set(3, 2027, objective: "Win on mobile", krs: other)]
        XCTAssertEqual(StaleOKR.findings(for: q4, earlier: earlier, text: rules.staleOKR), [])
    }
}
