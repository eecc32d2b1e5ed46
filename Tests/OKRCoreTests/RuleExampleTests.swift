import XCTest
@testable import OKRCore

/// Turns every example of every rule into a check: adding a rule adds its tests. A flagged
/// example marks with `{{ }}` the words its finding points at; the finding must be there.
final class RuleExampleTests: XCTestCase {
    static let reference = CalendarDay(year: 2026, month: 7, day: 1)

    /// A one-line example placed where its rule looks, and where the line starts in that document;
    /// a multi-line example is a whole document.
    static func document(for example: RuleExample, target: RuleTarget) -> (text: String, start: SourceLocation) {
        if example.isDocument { return (example.text, SourceLocation(line: 1, column: 1)) }
        switch target {
        case .kr: return ("# Example — Q3 2026\n## Objective: Example objective\n- \(example.text)\n", SourceLocation(line: 3, column: 3))
        case .objective:
            return ("# Example — Q3 2026\n## Objective: \(example.text)\n- Raise NPS from 31 to 45\n- Cut churn from 3% to 2%\n",
                    SourceLocation(line: 2, column: 15))
        case .set: return ("# \(example.text)\n## Objective: Example objective\n- Raise NPS from 31 to 45\n", SourceLocation(line: 1, column: 3))
        }
    }

    /// Where the example's mark is in the document built for it.
    static func expectedLocation(_ example: RuleExample, start: SourceLocation) -> SourceLocation? {
        guard let mark = example.mark else { return nil }
        if example.isDocument { return mark }
        return SourceLocation(line: start.line, column: start.column + mark.column - 1)
    }

    /// Every example's problems, one line each: empty when every rule does what its file says.
    static func exampleProblems(rules: RuleSet) throws -> (problems: [String], checked: Int) {
        let engine = Engine(ruleSet: rules)
        var problems: [String] = []
        var checked = 0
        for rule in rules.rules {
            for (example, flag) in rule.examples.flag.map({ ($0, true) }) + rule.examples.pass.map({ ($0, false) }) {
                let (text, start) = document(for: example, target: rule.target)
                let set = try DocumentReader.read(text, file: "example", format: .markdown, reference: reference)
                let findings = engine.check(set).filter { $0.rule == rule.id }
                checked += 1
                let shown = example.text.replacingOccurrences(of: "\n", with: " / ")
                guard flag else {
                    if !findings.isEmpty { problems.append("\(rule.id) should pass: \(shown)") }
                    continue
                }
                guard findings.count == 1, let finding = findings.first else {
                    problems.append("\(rule.id) should flag once: \(shown) (got \(findings.count))")
                    continue
                }
                let expected = expectedLocation(example, start: start)
                if finding.location != expected {
                    problems.append("\(rule.id) points at \(finding.location.map { "\($0.line):\($0.column)" } ?? "nothing"), "
                                    + "not \(expected.map { "\($0.line):\($0.column)" } ?? "?"): \(shown)")
                }
                if let suggestion = example.suggestion, finding.suggestion != suggestion {
                    problems.append("\(rule.id) suggests \(finding.suggestion.map { "\"\($0)\"" } ?? "nothing"), not \"\(suggestion)\": \(shown)")
                }
            }
        }
        return (problems, checked)
    }

    func testEveryRuleExampleFlagsAtItsMarkOrPasses() throws {
        let rules = try RuleSet.builtIn()
        XCTAssertGreaterThanOrEqual(rules.rules.count, 13)
        let (problems, checked) = try Self.exampleProblems(rules: rules)
        print("rule examples checked: \(checked), wrong: \(problems.count)")
        for problem in problems { print("  " + problem) }
        XCTAssertEqual(problems, [])
    }

    /// Good key results in any rule's pass list raise nothing at all from the line rules.
    func testPassExamplesOfLineRulesRaiseNoLineFinding() throws {
        let rules = try RuleSet.builtIn()
        let engine = Engine(ruleSet: rules)
        for rule in rules.rules where rule.target == .kr {
            for example in rule.examples.pass where !example.isDocument {
                let findings = engine.check(keyResult: KeyResult(text: example.text)).filter { $0.severity != .info }
                XCTAssertEqual(findings.map(\.rule), [], "a good line was flagged: \(example.text)")
            }
        }
    }

    func testTheRequiredRuleIDsExist() throws {
        let ids = Set(try RuleSet.builtIn().ids)
        for id in ["kr-is-task", "kr-is-output", "kr-is-kpi", "kr-not-measurable", "kr-missing-baseline", "kr-compound",
                   "objective-is-task", "objective-is-metric", "duplicate-kr", "missing-timeframe", "too-many-krs", "too-few-krs",
                   "too-many-objectives"] {
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
