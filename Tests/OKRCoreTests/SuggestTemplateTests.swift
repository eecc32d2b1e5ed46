import XCTest
@testable import OKRCore

/// Suggestions filled from a reading given here in full, so the templates are tested apart from
/// the analyser: the reading's parts are what the analyser is meant to give.
final class SuggestTemplateTests: XCTestCase {
    static let rules = try! RuleSet.builtIn()

    func line(_ text: String, _ kind: KRReading.Kind, verbs: Set<String> = [], adverbs: Set<String> = [], lemmas: [String: String] = [:],
              numberWords: Set<String> = [], _ configure: (inout KRReading) -> Void = { _ in }) -> RuleLine {
        var tokens = Analyser.tag(text)
        for i in tokens.indices {
            let word = tokens[i].text.string
            if let lemma = lemmas[word] { tokens[i].lemma = Word(lemma) }
            if verbs.contains(word) { tokens[i].classes = [.verb] }
            if adverbs.contains(word) { tokens[i].classes = [.adverb] }
            if numberWords.contains(word) { tokens[i].tag = .numberWord }
        }
        var reading = KRReading(kind: kind, tokens: tokens)
        configure(&reading)
        return RuleLine(text: text, reading: reading)
    }

    func suggestion(_ rule: String, _ line: RuleLine, focus: Range<Int> = 0..<1) throws -> String? {
        let template = try XCTUnwrap(Self.rules.rule(rule)?.suggest, rule)
        let suggestion = template.fill(line, hit: RuleHit(focus: focus))
        if let suggestion {
            // Never an invented number: every digit run in the suggestion is in the line.
            let numbers = { (s: String) in Set(s.split(whereSeparator: { !$0.isNumber && $0 != "." }).map(String.init).filter { $0.contains(where: \.isNumber) }) }
            XCTAssertTrue(numbers(suggestion).isSubset(of: numbers(line.text)), "\(suggestion) invents a number")
        }
        return suggestion
    }

    func testADutyOnTimeBecomesAShareOfWorkDone() throws {
        let line = line("Submit all contracts on time", .routine, verbs: ["submit"])
        XCTAssertEqual(try suggestion("kr-is-kpi", line), "Raise the share of contracts submitted on time from __% to __%")
        let payroll = self.line("Finish monthly payroll reconciliations by the 5th of each month", .routine, verbs: ["finish"])
        XCTAssertEqual(try suggestion("kr-is-kpi", payroll),
                       "Raise the share of monthly payroll reconciliations finished by the 5th of each month from __% to __%")
    }

    func testARoutineSpeaksOfTheShareOfAllItsOccurrences() throws {
        let review = line("Hold a weekly incident review", .routine, verbs: ["hold"])
        XCTAssertEqual(try suggestion("kr-is-kpi", review), "Raise the share of weekly incident reviews held from __% to __%")
        let books = line("Close the books every month", .routine, verbs: ["close"])
        XCTAssertEqual(try suggestion("kr-is-kpi", books), "Raise the share of books closed every month from __% to __%")
    }

    func testALevelBecomesAChangeWithBlanks() throws {
        let hire = line("Median time-to-hire is at most 40 days", .level) {
            $0.metric = "median time-to-hire"
            $0.target = Quantity(value: 40, text: "40 days", unit: "days")
            $0.comparator = .atMost
        }
        XCTAssertEqual(try suggestion("kr-is-kpi", hire), "Cut median time-to-hire from __ days to __ days")
        let uptime = line("Maintain 99.9% uptime", .level, verbs: ["maintain"]) {
            $0.metric = "uptime"
            $0.target = Quantity(value: 99.9, text: "99.9%", unit: "%")
            $0.direction = .hold
        }
        XCTAssertEqual(try suggestion("kr-is-kpi", uptime), "Move uptime from __% to __%")
    }

    /// The metric keeps the line's capitals, but a capital that only starts the line or follows a
    /// label ("Events:") goes: it sits mid-sentence in the suggestion.
    func testTheMetricIsWrittenAsTheLineWritesItMidSentence() throws {
        func metricLine(_ text: String, _ metric: Range<Int>, unit: String? = nil) -> RuleLine {
            line(text, .level) {
                $0.metricTokens = Array(metric)
                $0.comparator = .atLeast
                $0.unit = unit
            }
        }
        XCTAssertEqual(try suggestion("kr-is-kpi", metricLine("Events: Average attendee rating stays above 4.5", 2..<5)),
                       "Raise average attendee rating from __ to __")
        XCTAssertEqual(try suggestion("kr-is-kpi", metricLine("Keep iOS crash-free rate above 99.8%", 1..<6, unit: "%")),
                       "Raise iOS crash-free rate from __% to __%")
        XCTAssertEqual(try suggestion("kr-is-kpi", metricLine("MQL-to-opportunity conversion at least 20%", 0..<6, unit: "%")),
                       "Raise MQL-to-opportunity conversion from __% to __%")
    }

    func testAnActivityAsksWhatItShouldChange() throws {
        let calls = line("Make 100 sales calls a week", .activity, verbs: ["make"], lemmas: ["calls": "call"])
        XCTAssertEqual(try suggestion("kr-is-output", calls), "What should the sales calls change? e.g. raise call-to-__ conversion from __% to __%")
        let points = line("Increase story points delivered from 40 to 60", .activity, verbs: ["increase"], lemmas: ["points": "point"]) {
            $0.metric = "story points delivered"
        }
        XCTAssertEqual(try suggestion("kr-is-output", points), "What should the story points change? e.g. raise point-to-__ conversion from __% to __%")
    }

    func testATaskAsksWhatItsObjectShouldChange() throws {
        XCTAssertEqual(try suggestion("kr-is-task", line("Launch the new pricing page", .milestone, verbs: ["launch"])),
                       "What should the new pricing page change? e.g. raise __ from __ to __")
        XCTAssertEqual(try suggestion("kr-is-task", line("Roll out SSO to all customers", .milestone, verbs: ["roll"])),
                       "What should the SSO change? e.g. raise __ from __ to __")
        XCTAssertEqual(try suggestion("kr-is-task", line("Single sign-on is in place for all tenants", .milestone)),
                       "What should the single sign-on change? e.g. raise __ from __ to __")
        XCTAssertEqual(try suggestion("kr-is-task", line("Four account executives hired and ramped", .milestone, numberWords: ["four"])),
                       "What should the account executives change? e.g. raise __ from __ to __")
        XCTAssertEqual(try suggestion("kr-is-task", line("Mobile SDK generally available", .milestone, adverbs: ["generally"])),
                       "What should the mobile SDK change? e.g. raise __ from __ to __")
        XCTAssertEqual(try suggestion("kr-is-task", line("42", .milestone)), "What should the work change? e.g. raise __ from __ to __")
    }

    func testATargetWithoutBaselineGetsABlankBaseline() throws {
        let nps = line("Raise NPS to 45", .change, verbs: ["raise"]) {
            $0.metric = "nps"
            $0.target = Quantity(value: 45, text: "45")
            $0.direction = .up
        }
        XCTAssertEqual(try suggestion("kr-missing-baseline", nps), "Raise NPS from __ to 45")
        let onboarding = line("Cut onboarding time to 3 days", .change) {
            $0.metric = "onboarding time"
            $0.target = Quantity(value: 3, text: "3")
            $0.unit = "days"
            $0.direction = .down
        }
        XCTAssertEqual(try suggestion("kr-missing-baseline", onboarding), "Cut onboarding time from __ days to 3 days")
    }

    func testACompoundLineIsSplitAtItsJoin() throws {
        let text = "Raise NPS from 31 to 45 and cut churn from 3% to 2%"
        XCTAssertEqual(try suggestion("kr-compound", line(text, .change), focus: 6..<7),
                       "Split it in two: “Raise NPS from 31 to 45” and “cut churn from 3% to 2%”")
    }

    func testNoAlternativeFitsGivesNoSuggestion() throws {
        XCTAssertNil(try suggestion("kr-not-measurable", line("Better collaboration between sales and product", .unmeasurable)))
    }

    func testParticiples() {
        let expected = ["submit": "submitted", "plan": "planned", "close": "closed", "carry": "carried", "deploy": "deployed",
                        "write": "written", "audit": "audited", "ship": "shipped", "fix": "fixed", "open": "opened",
                        "control": "controlled", "finish": "finished", "run": "run", "hold": "held", "sign": "signed"]
        for (verb, participle) in expected { XCTAssertEqual(Participle.of(verb), participle, verb) }
    }
}
