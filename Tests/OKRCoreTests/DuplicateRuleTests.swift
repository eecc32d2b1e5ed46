import XCTest
@testable import OKRCore

final class DuplicateRuleTests: XCTestCase {
    func engine(by: String = "[metric, wording]") throws -> Engine {
        let yaml = RuleLoaderTests.rule(kind: "duplicate", "by: \(by)",
                                        examples: "examples: {flag: [\"{{x}}\"], pass: [y]}")
        return Engine(ruleSet: RuleSet(rules: [try RuleLoader.load(yaml: yaml, file: "t.yml")]))
    }

    func objective(_ lines: [String]) -> OKRSet {
        OKRSet(title: "T", objectives: [Objective(title: "O", keyResults: lines.enumerated().map {
            KeyResult(text: $1, location: SourceLocation(line: $0 + 3, column: 3))
        })])
    }

    func testTheSameMetricInOtherWordsAndUnitsIsADuplicate() throws {
        let lines = ["Reduce p95 API latency from 900 ms to 300 ms", "Cut p95 API latency from 900 milliseconds to 300 milliseconds"]
        for by in ["[metric, wording]", "[wording]"] {
            let findings = try engine(by: by).check(objective(lines))
            XCTAssertEqual(findings.map { $0.location?.line }, [4], by)
        }
        XCTAssertEqual(DuplicateRule.wordingKey(Analyser.tag(lines[0])), DuplicateRule.wordingKey(Analyser.tag(lines[1])))
        XCTAssertNotEqual(DuplicateRule.wordingKey(Analyser.tag(lines[0])), DuplicateRule.wordingKey(Analyser.tag("Reduce p95 web latency from 900 ms to 300 ms")))
    }

    func testOtherMetricsAndOtherObjectivesAreNotDuplicates() throws {
        let engine = try engine()
        XCTAssertEqual(engine.check(objective(["Cut p95 latency of search from 900 to 300 ms", "Cut p95 latency of checkout from 900 to 300 ms",
                                                "Grow EU signups from 300 to 600", "Grow US signups from 300 to 600"])), [])
        let two = OKRSet(title: "T", objectives: [Objective(title: "A", keyResults: [KeyResult(text: "Raise NPS from 31 to 45")]),
                                                  Objective(title: "B", keyResults: [KeyResult(text: "Raise NPS from 31 to 45")])])
        XCTAssertEqual(engine.check(two), [])
    }

    func testTheCoachChecksOneLineAgainstTheEarlierOnes() throws {
        let engine = try engine()
        let earlier = [KeyResult(text: "Raise NPS from 31 to 45"), KeyResult(text: "Cut churn from 3% to 2%")]
        XCTAssertEqual(engine.check(keyResult: KeyResult(text: "Raise NPS from 30 to 50"), earlier: earlier[...]).map(\.rule), ["test-rule"])
        XCTAssertEqual(engine.check(keyResult: KeyResult(text: "Raise CSAT from 80% to 90%"), earlier: earlier[...]), [])
    }

    /// Linear by design: one hash lookup per key per line. 100,000 key results in one objective
    /// (short, so the analyser's share stays small), every tenth a copy of an earlier one, must
    /// give exactly the copies.
    func testAHundredThousandKeyResultsInOneObjective() throws {
        var lines: [String] = []
        var copies: [Int] = []
        for i in 0..<100_000 {
            if i % 10 == 9 {
                lines.append("Grow cohort\(i - 9)")
                copies.append(i)
            } else {
                lines.append("Grow cohort\(i)")
            }
        }
        let findings = try engine().check(objective(lines))
        XCTAssertEqual(findings.count, copies.count)
        XCTAssertEqual(findings.map { $0.location!.line - 3 }, copies)
    }
}
