import XCTest
@testable import OKRCore

/// The conversation without a terminal: lines in, state and messages out.
final class CoachTests: XCTestCase {
    var coach: Coach!

    override func setUpWithError() throws {
        coach = Coach(engine: Engine(ruleSet: try RuleSet.builtIn()), reference: CalendarDay(year: 2026, month: 11, day: 23))
    }

    /// Feeds lines and returns the last reply; every reply's record must replay to its state.
    @discardableResult
    func run(_ lines: [String], from start: CoachState? = nil, with coach: Coach? = nil, file: StaticString = #filePath, line: UInt = #line) -> Coach.Reply {
        let coach = coach ?? self.coach!
        var reply = start.map { Coach.Reply($0) } ?? coach.start()
        for text in lines {
            let before = reply.state
            reply = coach.reply(to: text, in: reply.state)
            assertReplays(before, reply, file: file, line: line)
        }
        return reply
    }

    func assertReplays(_ before: CoachState, _ reply: Coach.Reply, file: StaticString = #filePath, line: UInt = #line) {
        guard let record = reply.record else {
            XCTAssertEqual(before, reply.state, "a reply without a record changed the state", file: file, line: line)
            return
        }
        XCTAssertEqual(try before.applying(record), reply.state, "the record does not replay to the state", file: file, line: line)
    }

    let begin = ["Q1 2027", "Finance", ""]

    func texts(_ reply: Coach.Reply) -> [String] { reply.messages.map(\.text) }
    func rules(_ reply: Coach.Reply) -> [String] { reply.messages.compactMap(\.finding?.rule) }

    // MARK: - The flow

    func testHappyPathAsksTeamOffersATitleAndSavesUnderTheSetID() {
        let reply = run(begin + ["Make month-end calm and predictable", "Cut month-end close from 9 to 3 days",
                                 "Reduce journal corrections from 40 to 10 a month", "done", "finish"])
        XCTAssertEqual(reply.state.phase, .finished)
        XCTAssertEqual(reply.state.draft.team, "Finance")
        XCTAssertEqual(reply.state.draft.title, "Finance — Q1 2027 OKRs")
        XCTAssertEqual(reply.state.draft.objectives[0].keyResults.count, 2)
        XCTAssertEqual(reply.effects, [.save(reply.state.draft, name: "finance-q1-2027", base: nil)])
    }

    func testTwoTeamsInOneCycleSaveUnderTheirOwnIDs() {
        let finance = run(begin + ["Make month-end calm and predictable", "Cut month-end close from 9 to 3 days", "done", "finish"])
        let sales = run(["Q1 2027", "Sales", "", "Win the mid-market", "Raise win rate from 18% to 25%", "done", "finish"])
        XCTAssertEqual(finance.effects.first.flatMap(saveName), "finance-q1-2027")
        XCTAssertEqual(sales.effects.first.flatMap(saveName), "sales-q1-2027")
    }

    func saveName(_ effect: CoachEffect) -> String? {
        if case .save(_, let name, _) = effect { return name }
        return nil
    }

    func testATitleOfOnesOwnChangesTheID() {
        let reply = run(["Q1 2027", "Finance", "Finance — Q1 2027 OKRs: audit"])
        XCTAssertEqual(reply.state.draft.title, "Finance — Q1 2027 OKRs: audit")
        XCTAssertEqual(reply.state.setID, "finance-q1-2027-audit")
        XCTAssertTrue(texts(reply).contains("Title: Finance — Q1 2027 OKRs: audit (saved as finance-q1-2027-audit)."), "\(texts(reply))")
    }

    func testTitleTeamAndOwnerCommandsRenameTheDraftBeforeItIsSaved() {
        var reply = run(begin + ["/team Sales", "/owner Dana", "/title Sales — Q1 2027 OKRs"])
        XCTAssertEqual(reply.state.draft.team, "Sales")
        XCTAssertEqual(reply.state.draft.owner, "Dana")
        XCTAssertEqual(reply.state.setID, "sales-q1-2027")
        reply = coach.saved(as: "sales-q1-2027", version: 1, in: "store", state: reply.state)
        reply = coach.reply(to: "/team Sales Ops", in: reply.state)
        XCTAssertTrue(texts(reply).contains { $0.contains("It was saved as sales-q1-2027; that stays as it is, and this becomes a new set.") }, "\(texts(reply))")
        reply = coach.reply(to: "/save", in: reply.state)
        XCTAssertEqual(reply.effects.first.flatMap(saveName), "sales-ops-q1-2027")
    }

    func testAnObjectiveWithAnImpossibleTimeframeIsRefusedAsOkrCheckWould() {
        let reply = run(begin + ["Close the books faster in Q5 2026"])
        XCTAssertEqual(reply.state.phase, .objective)
        XCTAssertTrue(reply.state.draft.objectives.isEmpty)
        XCTAssertTrue(texts(reply).contains { $0.contains("there is no quarter Q5") }, "\(texts(reply))")
        // The same through /edit and /title.
        var edited = run(begin + ["Close the books faster", "/edit O1 Close the books faster in Q5 2026", "/title Finance Q5 2026"])
        XCTAssertEqual(edited.state.draft.objectives[0].title, "Close the books faster")
        XCTAssertEqual(edited.state.draft.title, "Finance — Q1 2027 OKRs")
        edited = coach.reply(to: "/edit O1 Close the books faster by Q2 2027", in: edited.state)
        XCTAssertEqual(edited.state.draft.objectives[0].timeframe?.end, CalendarDay(year: 2027, month: 6, day: 30))
    }

    func testATaskIsFlaggedAndNotAddedUntilKeptOrRephrased() {
        var reply = run(begin + ["Make deploys boring", "Launch the new deploy dashboard"])
        guard case .confirmKeyResult(let text, let review) = reply.state.phase else { return XCTFail("\(reply.state.phase)") }
        XCTAssertEqual(text, "Launch the new deploy dashboard")
        // kr-is-task declares rephrase, keep and use-suggestion; the coach offers what it declares.
        XCTAssertEqual(review.offers, [.rephrase, .useSuggestion, .keep])
        XCTAssertEqual(rules(reply), ["kr-is-task"])
        XCTAssertEqual(reply.state.draft.objectives[0].keyResults.count, 0)
        reply = coach.reply(to: "keep", in: reply.state)
        XCTAssertEqual(reply.state.draft.objectives[0].keyResults.map(\.text), ["Launch the new deploy dashboard"])
        XCTAssertTrue(texts(reply).contains("Key result 1.1 added to objective 1."))
    }

    func testAKPIIsKeptWithTargetSourceAndFrequencyAndCanBeEditedAndDeleted() {
        var reply = run(begin + ["Make deploys boring", "Maintain 99.9% uptime", "kpi", "at least 99.9%", "Grafana", "every week"])
        XCTAssertEqual(reply.state.draft.objectives[0].kpis, [KPI(measurement: "Maintain 99.9% uptime", target: "at least 99.9%", source: "Grafana", frequency: "week")])
        XCTAssertEqual(reply.state.phase, .keyResult)
        reply = coach.reply(to: "/edit K1 Uptime: at least 99.95% as reported by Grafana, measured every week", in: reply.state)
        XCTAssertEqual(reply.state.draft.objectives[0].kpis[0].target, "at least 99.95%")
        XCTAssertTrue(texts(reply)[0].hasPrefix("KPI K1 beside objective 1 (Make deploys boring) is now:"), texts(reply)[0])
        let refused = coach.reply(to: "/edit K1 Uptime: high", in: reply.state)
        XCTAssertEqual(refused.messages.first?.kind, .problem)
        XCTAssertEqual(refused.state.draft, reply.state.draft)
        reply = coach.reply(to: "/delete K1", in: reply.state)
        XCTAssertTrue(reply.state.draft.objectives[0].kpis.isEmpty)
        reply = coach.reply(to: "/undo", in: reply.state)
        XCTAssertEqual(reply.state.draft.objectives[0].kpis.count, 1)
    }

    func testKPIAnswerIsRefusedForALineThatIsNoKPI() {
        let reply = run(begin + ["Make deploys boring", "Launch the new deploy dashboard", "kpi"])
        XCTAssertEqual(reply.messages.first?.kind, .problem)
    }

    // MARK: - Numbering

    func testKeyResultsAreAddressedAsShowPrintsThemAndConfirmationsNameTheObjective() {
        var reply = run(begin + ["Make month-end calm and predictable", "Cut month-end close from 9 to 3 days", "Reduce journal corrections from 40 to 10 a month", "done",
                                 "another", "Make spend visible", "Raise tagged spend from 40% to 90%", "Cut untagged invoices from 300 to 50 a month"])
        XCTAssertTrue(DraftListing.text(of: reply.state.draft).contains("  2.2 Cut untagged invoices from 300 to 50 a month"))
        // In objective 2, "2" is the set-wide number: objective 1's second line, and the reply says so.
        reply = coach.reply(to: "/edit 2 Reduce manual journal corrections from 40 to 10 a month", in: reply.state)
        XCTAssertEqual(texts(reply)[0], "Key result 1.2 of objective 1 (Make month-end calm and predictable) is now: Reduce manual journal corrections from 40 to 10 a month")
        reply = coach.reply(to: "/edit 2.1 Raise tagged spend from 40% to 95%", in: reply.state)
        XCTAssertEqual(reply.state.draft.objectives[1].keyResults[0].text, "Raise tagged spend from 40% to 95%")
        XCTAssertTrue(texts(reply)[0].hasPrefix("Key result 2.1 of objective 2 (Make spend visible)"))
        reply = coach.reply(to: "/move 2.2 1", in: reply.state)
        XCTAssertEqual(reply.state.draft.objectives[1].keyResults.map(\.text).first, "Cut untagged invoices from 300 to 50 a month")
        reply = coach.reply(to: "/delete 2.2", in: reply.state)
        XCTAssertTrue(texts(reply)[0].hasPrefix("Deleted key result 2.2 of objective 2 (Make spend visible): Raise tagged spend"), texts(reply)[0])
        let missing = coach.reply(to: "/delete 2.7", in: reply.state)
        XCTAssertEqual(texts(missing)[0], "There is no key result 2.7: objective 2 has 2.1 only.")
    }

    func testHugeAndNegativeNumbersAreClearErrorsNotCrashes() {
        let reply = run(begin + ["Make month-end calm and predictable", "Cut month-end close from 9 to 3 days"])
        for command in ["/edit -9223372036854775808 x", "/edit 9223372036854775807 x", "/edit 99999999999999999999999 x",
                        "/delete -9223372036854775808", "/delete 9223372036854775807", "/delete O9223372036854775807", "/delete K-1",
                        "/move -9223372036854775808 1", "/move 1 9223372036854775807", "/move 1.1 -9223372036854775808",
                        "/edit 9223372036854775807.9223372036854775807 x", "/delete O-9223372036854775808", "/edit K9223372036854775807 a: b as reported by c, measured every d"] {
            let after = coach.reply(to: command, in: reply.state)
            XCTAssertEqual(after.messages.first?.kind, .problem, command)
            XCTAssertEqual(after.state.draft, reply.state.draft, command)
        }
    }

    // MARK: - Nothing lost

    func testAnEditAfterFinishIsUnsavedAndQuittingAsksOnce() {
        var reply = run(begin + ["Make month-end calm and predictable", "Cut month-end close from 9 to 3 days", "done", "finish"])
        reply = coach.saved(as: "finance-q1-2027", version: 1, in: "the store", state: reply.state)
        XCTAssertFalse(reply.state.unsaved)
        reply = coach.reply(to: "/edit 1.1 Cut month-end close from 9 to 2 days", in: reply.state)
        XCTAssertTrue(reply.state.unsaved)
        reply = coach.reply(to: "/quit", in: reply.state)
        XCTAssertEqual(reply.state.overlay, .confirmLeave(.quit))
        XCTAssertEqual(reply.messages.last?.text, "Save the set before you go? (yes/no, or 'cancel' to stay)")
        reply = coach.reply(to: "yes", in: reply.state)
        XCTAssertEqual(reply.effects, [.save(reply.state.draft, name: "finance-q1-2027", base: 1)])
        XCTAssertFalse(reply.messages.contains { $0.kind == .ask }, "the question is not asked again while saving")
        reply = coach.saved(as: "finance-q1-2027", version: 2, in: "the store", state: reply.state)
        XCTAssertEqual(texts(reply), ["Saved finance-q1-2027 as version 2 in the store.", "Goodbye."])
        XCTAssertEqual(reply.effects, [.quit(keepDraft: false)])
    }

    func testEndOfInputAtATerminalAsksLikeQuit() {
        var reply = run(begin + ["Make month-end calm and predictable"])
        reply = coach.endOfInput(in: reply.state, interactive: true)
        XCTAssertEqual(reply.state.overlay, .confirmLeave(.quit))
        reply = coach.endOfInput(in: reply.state, interactive: true)
        XCTAssertEqual(reply.effects, [.quit(keepDraft: true)])
    }

    func testASavedSetIsNotOfferedBackAsADraft() {
        var reply = run(begin + ["Make month-end calm and predictable", "Cut month-end close from 9 to 3 days", "/save"])
        reply = coach.saved(as: "finance-q1-2027", version: 1, in: "the store", state: reply.state)
        let opened = coach.start(resuming: reply.state)
        XCTAssertNil(opened.state.overlay)
        XCTAssertEqual(opened.state.draft, OKRSet())
        XCTAssertEqual(texts(opened).first, "Your last set is saved as finance-q1-2027 (version 1); /load finance-q1-2027 picks it up again.")
    }

    func testResumeOfferGoesBackToTheStepTheDraftWasOnWithNoQuitQuestionBetween() {
        var partial = run(begin + ["Make deploys boring", "/quit"])
        XCTAssertEqual(partial.state.overlay, .confirmLeave(.quit))
        partial = coach.reply(to: "no", in: partial.state)
        XCTAssertEqual(partial.effects, [.quit(keepDraft: true)])
        let opened = coach.start(resuming: partial.state)
        XCTAssertEqual(opened.state.overlay, .resumeOffer)
        XCTAssertEqual(texts(opened)[0], "Welcome back. You have an unfinished draft \"Finance — Q1 2027 OKRs\", with 1 objective and 0 key results.")
        let resumed = coach.reply(to: "yes", in: opened.state)
        XCTAssertNil(resumed.state.overlay)
        XCTAssertEqual(resumed.state.phase, .keyResult)
        let later = coach.reply(to: "no", in: opened.state)
        XCTAssertEqual(later.effects, [.setDraftAside])
        XCTAssertEqual(later.state.draft, OKRSet())
        XCTAssertTrue(later.state.undo.isEmpty, "the old draft's history does not apply to the new one")
        let deleted = coach.reply(to: "delete", in: opened.state)
        XCTAssertEqual(deleted.state.draft, OKRSet())
        XCTAssertEqual(coach.reply(to: "/undo", in: deleted.state).state.draft, opened.state.draft)
    }

    func testAFailedSaveKeepsTheDraftAndTheCoachDecidesWhereToGo() {
        var reply = run(begin + ["Make month-end calm and predictable", "Cut month-end close from 9 to 3 days", "done", "finish"])
        reply = coach.saveFailed(reason: "'finance-q1-2027' was saved as version 1 by sam", conflict: true,
                                 rescue: .success("/tmp/sets/finance-q1-2027.md"), state: reply.state)
        XCTAssertEqual(reply.state.phase, .nextStep)
        XCTAssertTrue(reply.state.unsaved)
        XCTAssertTrue(texts(reply).contains("A copy is in /tmp/sets/finance-q1-2027.md; okr import /tmp/sets/finance-q1-2027.md adds it to the store later."))
        XCTAssertTrue(texts(reply).contains { $0.contains("/title or /team") })
    }

    func testLoadOverADraftAsksFirst() {
        var reply = run(begin + ["Make month-end calm and predictable"])
        reply = coach.reply(to: "/load sales-q1-2027", in: reply.state)
        XCTAssertEqual(reply.state.overlay, .confirmLeave(.load("sales-q1-2027")))
        XCTAssertTrue(reply.effects.isEmpty)
        let cancelled = coach.reply(to: "cancel", in: reply.state)
        XCTAssertNil(cancelled.state.overlay)
        reply = coach.reply(to: "no", in: reply.state)
        XCTAssertEqual(reply.effects, [.load("sales-q1-2027")])
        // A saved draft: a plain yes/no.
        var saved = coach.saved(as: "finance-q1-2027", version: 1, in: "store", state: run(begin + ["Make month-end calm and predictable"]).state)
        saved = coach.reply(to: "/load sales-q1-2027", in: saved.state)
        XCTAssertEqual(saved.state.overlay, .confirmReplace("sales-q1-2027"))
    }

    func testNewOverUnsavedWorkAsks() {
        var reply = run(begin + ["Make month-end calm and predictable", "/new"])
        XCTAssertEqual(reply.state.overlay, .confirmLeave(.new))
        reply = coach.reply(to: "no", in: reply.state)
        XCTAssertEqual(reply.state.draft, OKRSet())
        XCTAssertEqual(reply.state.phase, .cycle)
        XCTAssertEqual(coach.reply(to: "/undo", in: reply.state).state.draft.objectives.count, 1)
    }

    // MARK: - Commands typed as words, text from elsewhere

    func testBareCommandWordsAreNotTakenAsText() {
        for word in ["help", "undo", "quit", "show", "Help"] {
            let reply = run(begin + ["Make deploys boring", word])
            XCTAssertTrue(reply.state.draft.objectives[0].keyResults.isEmpty, word)
            XCTAssertEqual(reply.messages.first?.text, "Did you mean /\(word.lowercased())? Commands start with '/'; I did not take \"\(word)\" as text.")
        }
        XCTAssertEqual(run(["help"]).state.draft.timeframe, nil)
    }

    func testControlSequencesNeverReachTheDraft() {
        let reply = run(begin + ["Make \u{1B}]0;owned\u{07}deploys \u{1B}[31mboring"])
        XCTAssertEqual(reply.state.draft.objectives.first?.title, "Make deploys boring")
    }

    func testUnknownCommandSuggestsTheClosest() {
        let reply = run(["/shwo"])
        XCTAssertEqual(reply.messages.first?.text, "I don't know /shwo. Did you mean /show? Type /help for the list.")
    }

    // MARK: - Findings: once in full, then a reminder

    func testTheFullReasoningComesOncePerRuleThenAReminderAndWhyRepeatsIt() {
        var reply = run(begin + ["Make deploys boring", "Launch the new deploy dashboard"])
        XCTAssertEqual(reply.messages.first?.kind, .finding(reply.messages[0].finding!, .full))
        reply = coach.reply(to: "Launch the deploy dashboard for every team", in: reply.state)
        XCTAssertEqual(reply.messages.first?.kind, .finding(reply.messages[0].finding!, .reminder))
        reply = coach.reply(to: "/why", in: reply.state)
        XCTAssertEqual(reply.messages.first?.kind, .finding(reply.messages[0].finding!, .full))
        // A new session explains again.
        let resumed = coach.start(resuming: reply.state)
        XCTAssertTrue(resumed.state.context.explained.isEmpty)
    }

    // MARK: - What rules declare, not rule ids

    func testWithKPIRuleDisabledAKPILineIsAcceptedAndTheKPIPathStaysOpen() throws {
        let rules = try RuleSet.builtIn().configured(RuleConfig(disabled: ["kr-is-kpi"]))
        let coach = Coach(engine: Engine(ruleSet: rules), reference: CalendarDay(year: 2026, month: 11, day: 23))
        var reply = run(begin + ["Make deploys boring", "Maintain 99.9% uptime"], with: coach)
        XCTAssertEqual(reply.state.draft.objectives[0].keyResults.map(\.text), ["Maintain 99.9% uptime"])
        reply = coach.reply(to: "/kpi Uptime", in: reply.state)
        XCTAssertEqual(reply.state.phase, .kpiTarget("Uptime"))
        reply = run(["at least 99.9%", "Grafana", "week"], from: reply.state, with: coach)
        XCTAssertEqual(reply.state.draft.objectives[0].kpis.map(\.line), ["Uptime: at least 99.9% as reported by Grafana, measured every week"])
        reply = coach.reply(to: "/kpi Churn: under 2% as reported by Stripe, measured every month", in: reply.state)
        XCTAssertEqual(reply.state.draft.objectives[0].kpis.count, 2)
    }

    func customCoach(_ yaml: String) throws -> Coach {
        let rule = try RuleLoader.load(yaml: yaml, file: "custom.yml")
        return Coach(engine: Engine(ruleSet: RuleSet(rules: [rule])), reference: CalendarDay(year: 2026, month: 11, day: 23))
    }

    func customRule(offers: String, suggest: String? = nil) -> String {
        """
        id: no-vanity
        kind: pattern
        target: kr
        severity: warning
        at: start
        tokens:
          - lemma: [publish]
        offers: \(offers)
        \(suggest.map { "suggest: \"\($0)\"" } ?? "")
        message: this counts activity, not a result
        why: Activity can rise while nothing improves.
        ask: What should the activity change?
        examples:
          flag: ["{{Publish}} 40 blog posts"]
          pass: [Raise organic sign-ups from 200 to 400 a month]
        """
    }

    func testACustomRuleThatAllowsOnlyRephrasingIsNotKeptButCanBeLeftOut() throws {
        let coach = try customCoach(customRule(offers: "[rephrase]"))
        var reply = run(begin + ["Be found by the buyers we want", "Publish 40 blog posts"], with: coach)
        XCTAssertEqual(reply.messages.last?.text, "Type a better wording.")
        reply = coach.reply(to: "keep", in: reply.state)
        XCTAssertEqual(reply.messages.first?.kind, .problem)
        XCTAssertTrue(reply.state.draft.objectives[0].keyResults.isEmpty)
        reply = coach.reply(to: "/skip", in: reply.state)
        XCTAssertEqual(reply.state.phase, .keyResult)
        XCTAssertTrue(reply.state.draft.objectives[0].keyResults.isEmpty)
    }

    func testACustomRuleCanOpenTheKPIPath() throws {
        let coach = try customCoach(customRule(offers: "[rephrase, keep, keep-as-kpi]"))
        var reply = run(begin + ["Be found by the buyers we want", "Publish 40 blog posts"], with: coach)
        XCTAssertEqual(reply.messages.last?.text, "Type a better wording, 'keep' to keep it as it is, or 'kpi' to watch it as a KPI beside the objective.")
        reply = coach.reply(to: "kpi", in: reply.state)
        XCTAssertEqual(reply.state.phase, .kpiTarget("Publish 40 blog posts"))
    }

    func testUseTakesTheSuggestionAndAsksForEachBlankThenReviewsIt() throws {
        let coach = try customCoach(customRule(offers: "[rephrase, keep, use-suggestion]", suggest: "Raise organic sign-ups from __ to __ a month"))
        var reply = run(begin + ["Be found by the buyers we want", "Publish 40 blog posts"], with: coach)
        guard case .confirmKeyResult(_, let review) = reply.state.phase else { return XCTFail("\(reply.state.phase)") }
        XCTAssertEqual(review.offers, [.rephrase, .useSuggestion, .keep])
        XCTAssertEqual(reply.messages.first?.finding?.suggestion, "Raise organic sign-ups from __ to __ a month")
        reply = coach.reply(to: "use", in: reply.state)
        XCTAssertEqual(reply.state.phase, .fillBlanks("Raise organic sign-ups from __ to __ a month", of: .keyResult))
        XCTAssertEqual(reply.messages.last?.text, "What is the baseline, the __ in 'from __ to __'?")
        reply = coach.reply(to: "200", in: reply.state)
        XCTAssertEqual(reply.messages.last?.text, "What is the target, the __ in 'from 200 to __'?")
        reply = coach.reply(to: "400", in: reply.state)
        XCTAssertEqual(reply.state.draft.objectives[0].keyResults.map(\.text), ["Raise organic sign-ups from 200 to 400 a month"])
        // A rule that does not offer it: 'use' is refused, whatever the finding carries.
        let plain = try customCoach(customRule(offers: "[rephrase, keep]", suggest: "Raise organic sign-ups from __ to __ a month"))
        let refused = run(begin + ["Be found by the buyers we want", "Publish 40 blog posts", "use"], with: plain)
        XCTAssertEqual(refused.messages.first?.kind, .problem)
    }

    func testBlanksKeepTheirUnits() {
        XCTAssertEqual(BlankFilling.fill("from __% to __%", with: "60%"), "from 60% to __%")
        XCTAssertEqual(BlankFilling.fill("from __% to __%", with: "60"), "from 60% to __%")
        XCTAssertEqual(BlankFilling.fill("to $__ a month", with: "$1M"), "to $1M a month")
        XCTAssertEqual(BlankFilling.question(for: "Raise the share of contracts submitted on time from __% to __%"),
                       "What is the baseline, the __ in 'from __% to __%'?")
        XCTAssertEqual(BlankFilling.question(for: "Cut p95 latency by __%"), "What is the change, the __ in 'by __%'?")
        let example = BlankFilling.startingLine("What should the sales calls change? e.g. raise call-to-__ conversion from __% to __%")
        XCTAssertEqual(example, "Raise call-to-__ conversion from __% to __%")
        XCTAssertEqual(BlankFilling.question(for: example), "Which word goes there, the __ in 'Raise call-to-__ conversion'?")
        XCTAssertEqual(BlankFilling.fill(example, with: "meeting"), "Raise call-to-meeting conversion from __% to __%")
        XCTAssertEqual(BlankFilling.question(for: "Raise __ from __ to __"), "What is measured, the __ in 'Raise __ from __'?")
    }

    func testNoRuleIDLiteralInTheCoach() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/OKRCore/Coach")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for id in try RuleSet.builtIn().ids {
                XCTAssertFalse(text.contains(id), "\(name) names the rule \(id)")
            }
        }
    }

    // MARK: - Undo and growth

    func testUndoKeepsAtMostAHundredChangesNotCopiesOfTheDraft() {
        var state = run(begin + ["Make support effortless"]).state
        for n in 1...150 {
            state = coach.reply(to: "Cut queue \(n) wait from \(n + 10) to \(n) minutes", in: state).state
            if case .confirmKeyResult = state.phase { state = coach.reply(to: "keep", in: state).state }
        }
        XCTAssertEqual(state.draft.objectives[0].keyResults.count, 150)
        XCTAssertEqual(state.undo.entries.count, UndoHistory.limit)
        for entry in state.undo.entries {
            if case .replaceDraft = entry.revert { XCTFail("a line's undo entry holds a whole draft") }
        }
        var undone = state
        for _ in 0..<UndoHistory.limit { undone = coach.reply(to: "/undo", in: undone).state }
        XCTAssertEqual(undone.draft.objectives[0].keyResults.count, 50)
        XCTAssertEqual(coach.reply(to: "/undo", in: undone).messages.first?.text, "Nothing to undo.")
    }

    /// The coach checks a new line against what it remembers of the earlier ones; the memory
    /// must give what reading them all again gives, also after an edit in the middle.
    func testRememberedLinesCatchARepeatLikeReadingThemAgain() {
        var state = run(begin + ["Make support effortless", "Cut first response time from 8 to 2 hours",
                                 "Raise CSAT from 82% to 90%", "Cut reopened tickets from 12% to 4%"]).state
        XCTAssertNotNil(state.keyResultMemory)
        let repeat_ = coach.reply(to: "Cut the first response time from 8 hours to 2 hours", in: state)
        XCTAssertEqual(rules(repeat_).filter { $0 == "duplicate-kr" }.count, 1, "\(rules(repeat_))")
        XCTAssertEqual(rules(repeat_), coach.engine.check(keyResult: KeyResult(text: "Cut the first response time from 8 hours to 2 hours"),
                                                          earlier: state.draft.objectives[0].keyResults[...]).map(\.rule))
        state = coach.reply(to: "/edit 1.1 Grow self-service answers from 20% to 40%", in: state).state
        XCTAssertNil(state.keyResultMemory, "an edit drops the memory")
        let fresh = coach.reply(to: "Cut the first response time from 8 hours to 2 hours", in: state)
        XCTAssertFalse(rules(fresh).contains("duplicate-kr"), "\(rules(fresh))")
        let again = coach.reply(to: "Grow the self-service answers from 20% to 40%", in: state)
        XCTAssertTrue(rules(again).contains("duplicate-kr"), "\(rules(again))")
    }

    func testTabCompletesWholeLinesFromWhatTheAdapterKnows() {
        let sources = CoachCompletion.Sources(ruleIDs: ["kr-is-task", "kr-is-kpi"], setIDs: ["finance-q1-2027", "sales-q1-2027"],
                                              teams: ["Finance", "Sales Ops"],
                                              objectives: [ParentRef(setID: "company-q1-2027", objective: "Grow into the mid-market")])
        XCTAssertEqual(CoachCompletion.candidates(for: "/pa", from: sources), ["/parent"])
        XCTAssertEqual(CoachCompletion.candidates(for: "/parent co", from: sources), ["/parent company-q1-2027 / Grow into the mid-market"])
        XCTAssertEqual(CoachCompletion.candidates(for: "/parent O2 co", from: sources), ["/parent O2 company-q1-2027 / Grow into the mid-market"])
        XCTAssertEqual(CoachCompletion.candidates(for: "/team Sa", from: sources), ["/team Sales Ops"])
        XCTAssertEqual(CoachCompletion.candidates(for: "/load ", from: sources), ["/load finance-q1-2027", "/load sales-q1-2027"])
        XCTAssertEqual(CoachCompletion.candidates(for: "/explain kr-is-t", from: sources), ["/explain kr-is-task"])
        XCTAssertEqual(CoachCompletion.candidates(for: "Raise NPS", from: sources), [])
        XCTAssertTrue(CoachCompletion.needsStore("/parent x"))
        XCTAssertFalse(CoachCompletion.needsStore("/explain x"))
    }

    func testEveryChangeInvertsExactly() throws {
        var set = OKRSet(title: "T", objectives: [Objective(title: "A", keyResults: [KeyResult(text: "x"), KeyResult(text: "y")],
                                                              kpis: [KPI(measurement: "m", target: "t", source: "s", frequency: "f")])])
        let changes: [DraftChange] = [
            .timeframe(.quarter(1, of: 2027), was: nil), .title("U", was: "T"), .team("Finance", was: nil), .owner("Dana", was: nil),
            .addObjective(Objective(title: "B")), .removeObjective(at: 0, set.objectives[0]),
            .objectiveTitle(objective: 0, title: "A2", timeframe: nil, was: "A", wasTimeframe: nil),
            .parent(objective: 0, ParentRef(setID: "c", objective: "d"), was: nil), .addKeyResult(objective: 0, KeyResult(text: "z")),
            .removeKeyResult(objective: 0, at: 0, KeyResult(text: "x")), .keyResultText(objective: 0, at: 1, text: "w", was: "y"),
            .moveKeyResult(objective: 0, from: 0, to: 1), .addKPI(objective: 0, KPI(measurement: "n", target: "t", source: "s", frequency: "f")),
            .removeKPI(objective: 0, at: 0, set.objectives[0].kpis[0]),
            .replaceKPI(objective: 0, at: 0, KPI(measurement: "n", target: "t", source: "s", frequency: "f"), was: set.objectives[0].kpis[0]),
            .replaceDraft(OKRSet(), was: set),
        ]
        for change in changes {
            let before = set
            try change.apply(to: &set)
            try change.inverse.apply(to: &set)
            XCTAssertEqual(set, before, "\(change)")
        }
        XCTAssertThrowsError(try DraftChange.removeKeyResult(objective: 5, at: 0, KeyResult(text: "x")).apply(to: &set))
    }
}
