import XCTest
@testable import OKRCore

/// Turns every example of every rule into a check: adding a rule adds its tests.
final class RuleExampleTests: XCTestCase {
    static let reference = CalendarDay(year: 2026, month: 7, day: 1)

    /// A one-line example is placed where its rule looks; a multi-line one is a whole document.
    static func document(for example: String, target: RuleTarget) -> String {
        if example.contains("\n") { return example }
        switch target {
        case .kr: return "# Example — Q3 2026\n## Objective: Example objective\n- \(example)\n"
        case .objective: return "# Example — Q3 2026\n## Objective: \(example)\n- Raise NPS from 31 to 45\n- Cut churn from 3% to 2%\n"
        case .set: return "# \(example)\n## Objective: Example objective\n- Raise NPS from 31 to 45\n"
        }
    }

    static func ruleIDs(for example: String, rule: Rule, engine: Engine) throws -> [String] {
        let set = try DocumentReader.read(document(for: example, target: rule.target), file: "example", format: .markdown, reference: reference)
        return engine.check(set).map(\.rule)
    }

    func testEveryRuleExample() throws {
        let rules = try RuleSet.builtIn()
        let engine = Engine(ruleSet: rules)
        XCTAssertGreaterThanOrEqual(rules.rules.count, 10)
        var checked = 0
        for rule in rules.rules {
            for example in rule.examples.flag {
                let ids = try Self.ruleIDs(for: example, rule: rule, engine: engine)
                XCTAssertTrue(ids.contains(rule.id), "\(rule.id) should flag: \(example) (got \(ids))")
                checked += 1
            }
            for example in rule.examples.pass {
                let ids = try Self.ruleIDs(for: example, rule: rule, engine: engine)
                XCTAssertFalse(ids.contains(rule.id), "\(rule.id) should pass: \(example)")
                checked += 1
            }
        }
        print("rule examples checked: \(checked)")
    }

    /// Good key results in any rule's pass list raise nothing at all from the line rules.
    func testPassExamplesOfLineRulesRaiseNoLineFinding() throws {
        let rules = try RuleSet.builtIn()
        let engine = Engine(ruleSet: rules)
        for rule in rules.rules where rule.target == .kr {
            for example in rule.examples.pass where !example.contains("\n") && rule.id != "kr-missing-baseline" {
                let findings = engine.check(keyResult: KeyResult(text: example)).filter { $0.severity != .info }
                XCTAssertEqual(findings.map(\.rule), [], "a good line was flagged: \(example)")
            }
        }
    }

    func testTheRequiredRuleIDsExist() throws {
        let ids = Set(try RuleSet.builtIn().ids)
        for id in ["kr-is-task", "kr-is-kpi", "missing-timeframe", "too-many-krs", "too-few-krs", "kr-not-measurable",
                   "objective-is-metric", "duplicate-kr", "too-many-objectives", "kr-missing-baseline"] {
            XCTAssertTrue(ids.contains(id), id)
        }
    }

    /// The binary carries a copy of rules/ made at build time; it must be the files as they are.
    func testEmbeddedRulesMatchTheFolder() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yml") }.sorted()
        let embedded = EmbeddedRules.files.filter { !$0.path.contains("/") && $0.path.hasSuffix(".yml") }
        XCTAssertEqual(embedded.map(\.path), names)
        for file in embedded {
            XCTAssertEqual(file.text, try String(contentsOf: folder.appendingPathComponent(file.path), encoding: .utf8), file.path)
        }
    }
}
