import OKRCore
import XCTest

/// The check-in and next-cycle conversations, driven line by line as the CLI drives them.
final class CycleConversationTests: XCTestCase {
    static let set: OKRSet = {
        var set = OKRSet(title: "Growth — Q3 2026", team: "Growth", timeframe: .quarter(3, of: 2026))
        set.objectives = [Objective(title: "Make customers love the product", keyResults: [
            KeyResult(text: "Raise NPS from 30 to 50"),
            KeyResult(text: "Cut churn from 5% to 3%"),
            KeyResult(text: "Launch the referral program"),
        ], kpis: [KPI(measurement: "Support CSAT", target: "at least 90%", source: "Zendesk", frequency: "month")])]
        return set
    }()

    // MARK: - Check-ins

    private func checkIn(_ lines: [String], history: [CheckIn] = []) -> (CheckInSession.State, [String], [CheckInSession.Effect]) {
        let session = CheckInSession(set: Self.set, setVersion: 2, history: history)
        let start = session.start()
        var state = start.state
        var said = start.messages.map(\.text)
        var effects = start.effects
        for line in lines {
            let reply = session.reply(to: line, in: state)
            state = reply.state
            said += reply.messages.map(\.text)
            effects += reply.effects
        }
        return (state, said, effects)
    }

    private func recorded(_ effects: [CheckInSession.Effect]) -> [CheckIn] {
        effects.compactMap { if case .record(let c) = $0 { return c } else { return nil } }
    }

    func testACheckInWalksEveryLineAndRecordsEachAsSoonAsItIsAnswered() {
        let (state, said, effects) = checkIn(["44", "7", "survey from August", "4.5", "", "", "", "85", "6", ""])
        let checkIns = recorded(effects)
        XCTAssertEqual(checkIns.count, 3)
        XCTAssertEqual(checkIns[0], CheckIn(item: SetItem(.keyResult, objective: 0, index: 0), text: "Raise NPS from 30 to 50", value: 44,
                                            confidence: 7, note: "survey from August", setVersion: 2))
        XCTAssertEqual(checkIns[1].value, 4.5)
        XCTAssertNil(checkIns[1].confidence)
        XCTAssertEqual(checkIns[2].item, SetItem(.kpi, objective: 0, index: 0))
        XCTAssertEqual(checkIns[2].value, 85)
        XCTAssertTrue(said.contains("Recorded 1.1: 44, score 0.70, confidence 7/10."), "\(said)")
        XCTAssertTrue(said.contains("Skipped 1.3."), "\(said)")
        XCTAssertTrue(said.contains("Recorded K1: 85%, below its level, confidence 6/10."), "\(said)")
        XCTAssertEqual(said.last, "3 check-ins recorded.")
        XCTAssertEqual(state.step, .finished)
        XCTAssertEqual(effects.last, .finish)
    }

    func testABadNumberIsSaidAndAskedAgainWithNothingLost() {
        let (state, said, effects) = checkIn(["4x", "44", "eleven", "7", ""])
        XCTAssertTrue(said.contains("'4x' is not a number: type the current value, like 44 (or 44%)"), "\(said)")
        XCTAssertTrue(said.contains("'eleven' is not a confidence from 1 to 10: type a whole number, like 7"), "\(said)")
        XCTAssertEqual(recorded(effects).first?.value, 44)
        XCTAssertEqual(recorded(effects).first?.confidence, 7)
        XCTAssertEqual(state.position, 1)
    }

    func testStoppingHalfwayKeepsWhatWasAnsweredAndEndOfInputKeepsAHalfTypedLine() {
        let session = CheckInSession(set: Self.set, setVersion: 2, history: [])
        var state = session.start().state
        state = session.reply(to: "44", in: state).state
        let end = session.endOfInput(in: state)
        XCTAssertEqual(recorded(end.effects).map(\.value), [44])
        XCTAssertEqual(end.effects.last, .finish)
        let (_, said, effects) = checkIn(["44", "7", "", "stop"])
        XCTAssertEqual(recorded(effects).count, 1)
        XCTAssertEqual(said.last, "1 check-in recorded.")
    }

    func testTheLastCheckInIsShownBeforeTheQuestion() {
        let old = CheckIn(item: SetItem(.keyResult, objective: 0, index: 0), text: "Raise NPS from 30 to 50", value: 38, confidence: 5)
        let (_, said, _) = checkIn([], history: [old])
        XCTAssertTrue(said.contains("   Last check-in: 38, score 0.40, confidence 5/10."), "\(said)")
        XCTAssertTrue(said.contains("Where is it now? (from 30 toward 50; Enter to skip)"), "\(said)")
    }

    // MARK: - The next cycle

    static let checkIns: [CheckIn] = [
        CheckIn(item: SetItem(.keyResult, objective: 0, index: 0), text: "Raise NPS from 30 to 50", value: 52, confidence: 9),
        CheckIn(item: SetItem(.keyResult, objective: 0, index: 1), text: "Cut churn from 5% to 3%", value: 4, confidence: 5),
        CheckIn(item: SetItem(.kpi, objective: 0, index: 0), text: "Support CSAT: at least 90% as reported by Zendesk, measured every month", value: 85),
    ]

    private func next(_ lines: [String]) -> (NextCycle.State, [String], [NextCycle.Effect]) {
        let progress = SetProgress(set: Self.set, checkIns: Self.checkIns)
        let conversation = NextCycle(previous: Self.set, progress: progress, grade: Grade(progress: progress, setVersion: 1),
                                     reference: CalendarDay(year: 2026, month: 9, day: 28))
        let start = conversation.start()
        var state = start.state
        var said = start.messages.map(\.text)
        var effects = start.effects
        for line in lines {
            let reply = conversation.reply(to: line, in: state)
            state = reply.state
            said += reply.messages.map(\.text)
            effects += reply.effects
        }
        return (state, said, effects)
    }

    func testTheNextCycleDemotesAReachedKeyResultRaisesOneDropsOneAndElevatesAFallenKPI() {
        let (state, said, effects) = next(["", "yes", "kpi", "", "Delighted", "every month", "raise", "", "drop", "yes", "yes"])
        guard case .save(let draft)? = effects.last else { return XCTFail("\(effects)") }
        XCTAssertEqual(draft.title, "Growth — Q4 2026")
        XCTAssertEqual(draft.team, "Growth")
        XCTAssertEqual(draft.timeframe, .quarter(4, of: 2026))
        XCTAssertEqual(draft.objectives.map(\.title), ["Make customers love the product"])
        XCTAssertEqual(draft.objectives[0].keyResults.map(\.text), ["Cut churn from 4% to 2%", "Raise support CSAT from 85% to 90%"])
        XCTAssertEqual(draft.objectives[0].kpis.map(\.line), ["NPS: at least 50 as reported by Delighted, measured every month"])
        XCTAssertEqual(state.decisions, ["1.1 demoted to a KPI", "1.2 raised", "1.3 dropped", "K1 elevated to a key result"])
        XCTAssertTrue(said.contains("1.1. Raise NPS from 30 to 50 (ended at 52, score 1.00, confidence 9/10)"), "\(said)")
        XCTAssertTrue(said.contains("What level should it hold? (for example 'at least 99.9%') Press Enter for 'at least 50'."), "\(said)")
        XCTAssertTrue(said.contains("From where it ended, the same step again: Cut churn from 4% to 2%"), "\(said)")
        XCTAssertTrue(said.contains("K1. KPI: Support CSAT: at least 90% as reported by Zendesk, measured every month (fell to 85% at the last check-in)"), "\(said)")
    }

    func testKeepingEverythingCarriesTheLinesAndKPIsOver() {
        let (_, _, effects) = next(["Q1 2027", "yes", "keep", "keep", "keep", "no", "yes"])
        guard case .save(let draft)? = effects.last else { return XCTFail("\(effects)") }
        XCTAssertEqual(draft.title, "Growth — Q1 2027")
        XCTAssertEqual(draft.objectives[0].keyResults, Self.set.objectives[0].keyResults)
        XCTAssertEqual(draft.objectives[0].kpis, Self.set.objectives[0].kpis)
    }

    func testWrongAnswersAreAskedAgainAndQuitKeepsTheAnswers() {
        let (state, said, effects) = next(["Q5 2026", "", "maybe", "yes", "promote", "/quit"])
        XCTAssertTrue(said.contains { $0.contains("Q5") }, "\(said)")
        XCTAssertTrue(said.contains("Please answer yes or no."))
        XCTAssertTrue(said.contains("Please answer keep, raise, drop or kpi."))
        XCTAssertEqual(effects.last, .quit(keep: true))
        XCTAssertEqual(state.step, .keyResult(0, 0))
    }

    func testRaisingALineWithNoNumbersAsksForTheNewLine() {
        let (_, said, effects) = next(["", "yes", "keep", "keep", "raise", "", "Grow referred sign-ups from 0 to 200 a month", "no", "yes"])
        XCTAssertTrue(said.contains("Type the key result as it should read next cycle."), "\(said)")
        guard case .save(let draft)? = effects.last else { return XCTFail("\(effects)") }
        XCTAssertEqual(draft.objectives[0].keyResults.last?.text, "Grow referred sign-ups from 0 to 200 a month")
    }
}
