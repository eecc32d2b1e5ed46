import XCTest
@testable import OKRCore

/// The conversation without a terminal: lines in, state and messages out.
final class CoachTests: XCTestCase {
    var coach: Coach!

    override func setUpWithError() throws {
        coach = Coach(engine: Engine(ruleSet: try RuleSet.builtIn()), reference: CalendarDay(year: 2026, month: 7, day: 1))
    }

    /// Feeds lines and returns the last reply.
    @discardableResult
    func run(_ lines: [String], from start: CoachState? = nil) -> Coach.Reply {
        var reply = coach.start(resuming: nil)
        if let start { reply = Coach.Reply(start) }
        for line in lines { reply = coach.reply(to: line, in: reply.state) }
        return reply
    }

    func testHappyPathBuildsTheSetAndAsksToSaveIt() {
        let reply = run(["Q3 2026", "Make deploys boring", "Cut median deploy time from 40 to 10 minutes",
                         "Reduce failed deploys from 8% to 2%", "done", "finish"])
        XCTAssertEqual(reply.state.phase, .finished)
        XCTAssertEqual(reply.state.draft.timeframe?.label, "Q3 2026")
        XCTAssertEqual(reply.state.draft.objectives.map(\.title), ["Make deploys boring"])
        XCTAssertEqual(reply.state.draft.objectives[0].keyResults.count, 2)
        XCTAssertEqual(reply.effects, [.save(reply.state.draft)])
    }

    func testATaskIsFlaggedAndNotAddedUntilKeptOrRephrased() {
        var reply = run(["Q3 2026", "Make deploys boring", "Launch the new deploy dashboard"])
        XCTAssertEqual(reply.state.phase, .confirmKeyResult("Launch the new deploy dashboard", kpi: false))
        XCTAssertTrue(reply.messages.contains { if case .finding(let f) = $0.kind { return f.rule == "kr-is-task" } else { return false } })
        XCTAssertEqual(reply.state.draft.objectives[0].keyResults.count, 0)
        reply = coach.reply(to: "keep", in: reply.state)
        XCTAssertEqual(reply.state.draft.objectives[0].keyResults.map(\.text), ["Launch the new deploy dashboard"])
    }

    func testAKPIIsDemotedWithTargetSourceAndFrequency() {
        let reply = run(["Q3 2026", "Make deploys boring", "Maintain 99.9% uptime", "kpi", "at least 99.9%", "Grafana", "every week"])
        let objective = reply.state.draft.objectives[0]
        XCTAssertEqual(objective.keyResults.count, 0)
        XCTAssertEqual(objective.kpis, [KPI(measurement: "Maintain 99.9% uptime", target: "at least 99.9%", source: "Grafana", frequency: "week")])
        XCTAssertEqual(reply.state.phase, .keyResult)
    }

    func testKPIAnswerIsRefusedForALineThatIsNoKPI() {
        let reply = run(["Q3 2026", "Make deploys boring", "Launch the new deploy dashboard", "kpi"])
        XCTAssertEqual(reply.messages.first?.kind, .problem)
    }

    func testUndoRestoresThePreviousDraftAndEditRechecks() {
        var reply = run(["Q3 2026", "Make deploys boring", "Cut median deploy time from 40 to 10 minutes"])
        reply = coach.reply(to: "/edit 1 Hold weekly deploy reviews", in: reply.state)
        XCTAssertEqual(reply.state.draft.objectives[0].keyResults[0].text, "Hold weekly deploy reviews")
        XCTAssertTrue(reply.messages.contains { if case .finding(let f) = $0.kind { return f.rule == "kr-is-task" } else { return false } })
        reply = coach.reply(to: "/undo", in: reply.state)
        XCTAssertEqual(reply.state.draft.objectives[0].keyResults[0].text, "Cut median deploy time from 40 to 10 minutes")
    }

    func testSixthKeyResultIsFlaggedTheMomentItIsAdded() {
        let krs = (1...6).map { "Cut queue \($0) wait from \($0 + 10) to \($0) minutes" }
        let reply = run(["Q3 2026", "Make support effortless"] + krs)
        XCTAssertTrue(reply.messages.contains { if case .finding(let f) = $0.kind { return f.rule == "too-many-krs" } else { return false } })
    }

    func testResumeOfferGoesBackToTheStepTheDraftWasOn() {
        let partial = run(["Q3 2026", "Make deploys boring"]).state
        let opened = coach.start(resuming: partial)
        XCTAssertEqual(opened.state.phase, .resumeOffer(.to(.keyResult)))
        XCTAssertEqual(coach.reply(to: "yes", in: opened.state).state.phase, .keyResult)
        XCTAssertEqual(coach.reply(to: "no", in: opened.state).state.draft, OKRSet())
    }

    func testUnknownCommandSuggestsTheClosest() {
        let reply = run(["/shwo"])
        XCTAssertEqual(reply.messages.first?.text, "I don't know /shwo. Did you mean /show? Type /help for the list.")
    }

    func testStateRoundTripsThroughJSONForAutosave() throws {
        let state = run(["Q3 2026", "Make deploys boring", "Maintain 99.9% uptime"]).state
        let decoded = try JSONDecoder().decode(CoachState.self, from: JSONEncoder().encode(state))
        XCTAssertEqual(decoded, state)
    }
}
