import Foundation
import XCTest

final class CheckCommandTests: XCTestCase {
    /// Every sample document declares the findings it must give in an `<!-- expect: -->` block;
    /// `okr check` must give exactly those, no more and no fewer.
    func testSampleDocumentsGiveExactlyTheDeclaredFindings() throws {
        let folder = BinaryRunner.packageRoot.appendingPathComponent("rules/examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
        XCTAssertFalse(files.isEmpty)
        for name in files {
            let path = "rules/examples/\(name)"
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let expected = Self.declaredFindings(text)
            let result = try BinaryRunner.run(["check", "--format", "json", path])
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stderr)
            let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
            let got = findings.map { "\($0["line"]!) \($0["rule"]!)" }.sorted()
            XCTAssertEqual(got, expected.sorted(), path)
            let errors = findings.filter { $0["severity"] as? String == "error" }.count
            XCTAssertEqual(result.status, errors > 0 ? 1 : 0, path)
        }
    }

    static func declaredFindings(_ text: String) -> [String] {
        guard let start = text.range(of: "<!-- expect:"), let end = text.range(of: "-->", range: start.upperBound..<text.endIndex) else { return [] }
        return text[start.upperBound..<end.lowerBound].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func testTextOutputIsCompilerStyleAndMatchesJSON() throws {
        let text = try BinaryRunner.run(["check", "rules/examples/platform-q3.md"])
        XCTAssertEqual(text.status, 0)
        XCTAssertEqual(text.stdout, """
            rules/examples/platform-q3.md:8:3: warning: this key result is a task, not an outcome [kr-is-task]
                ask: If this is done, what will be different, and what number would show it?
                suggest: What should the new deploy dashboard change? e.g. raise __ from __ to __
            rules/examples/platform-q3.md:13:3: warning: this reads like a KPI (business as usual), not a key result [kr-is-kpi]
                ask: Is this a change you want this cycle, or a level to hold? If it is a level, keep it as a KPI (target, data source, how often it is measured); if it must move, from what to what?
                suggest: Move uptime from __% to __%
            1 file checked: 0 errors, 2 warnings, 0 info

            """)
        XCTAssertFalse(text.stdout.contains("\u{1B}["), "no colour when not on a terminal")

        let json = try BinaryRunner.run(["check", "--format", "json", "rules/examples/platform-q3.md"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        let asText = findings.map { "\($0["file"]!):\($0["line"]!):\($0["column"]!): \($0["severity"]!): \($0["message"]!) [\($0["rule"]!)]" }
        let textLines = text.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.contains("checked:") }.map(String.init)
        XCTAssertEqual(asText, textLines)
        let summary = try XCTUnwrap(object["summary"] as? [String: Int])
        XCTAssertEqual(summary, ["files": 1, "errors": 0, "warnings": 2, "info": 0])
    }

    func testSARIFIsValidJSONWithOneResultPerFinding() throws {
        let result = try BinaryRunner.run(["check", "--format", "sarif", "rules/examples/every-rule.md"])
        XCTAssertEqual(result.status, 1)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((object["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual((run["results"] as? [Any])?.count, 11)
    }

    func testFailOnMovesTheBar() throws {
        XCTAssertEqual(try BinaryRunner.run(["check", "rules/examples/platform-q3.md"]).status, 0)
        XCTAssertEqual(try BinaryRunner.run(["check", "--fail-on", "warning", "rules/examples/platform-q3.md"]).status, 1)
        XCTAssertEqual(try BinaryRunner.run(["check", "--fail-on", "bogus", "rules/examples/platform-q3.md"]).status, 2)
    }

    func testStandardInputAndInputFormat() throws {
        let md = "# Ops — Q3 2026\n## Objective: Calm on-call\n- Cut pages per week from 30 to 10\n- Write an on-call handbook\n"
        let result = try BinaryRunner.run(["check", "-"], stdin: md)
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasPrefix("<stdin>:4:3: warning: this key result is a task, not an outcome [kr-is-task]"), result.stdout)
        let yaml = "title: Ops\ntimeframe: Q3 2026\nobjectives:\n  - title: Calm on-call\n    key_results:\n      - Cut pages per week from 30 to 10\n      - Maintain 99.9% uptime\n"
        let fromYAML = try BinaryRunner.run(["check", "--input-format", "yaml", "-"], stdin: yaml)
        XCTAssertTrue(fromYAML.stdout.hasPrefix("<stdin>:7:9: warning: this reads like a KPI"), fromYAML.stdout)
    }

    func testMalformedAndMissingInputExitTwoWithFileAndLine() throws {
        let bad = try BinaryRunner.run(["check", "-"], stdin: "# T — Q3 2026\n## Objective: O\n- Raise NPS from 31 to 45\nsome stray paragraph\n")
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("<stdin>:4:1: error: unexpected text"), bad.stderr)
        let missing = try BinaryRunner.run(["check", "no-such-file.md"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("no-such-file.md: error: cannot read the file: no such file"), missing.stderr)
        let quarter = try BinaryRunner.run(["check", "-"], stdin: "# T\n## Objective: O\nTimeframe: Q5 2027\n- Raise NPS from 31 to 45\n")
        XCTAssertEqual(quarter.status, 2)
        XCTAssertTrue(quarter.stderr.contains("<stdin>:3:1: error: there is no quarter Q5"), quarter.stderr)
        let none = try BinaryRunner.run(["check"])
        XCTAssertEqual(none.status, 2)
    }

    func testRulesFolderOverridesAndConfigDisables() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        let rules = dir.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try """
            id: no-synergy
            kind: pattern
            target: kr
            severity: error
            tokens: [{lemma: [synergy, synergies], mark: true}]
            message: jargon
            why: Plain words are easier to measure.
            ask: What would you actually see?
            examples: {flag: ["Realise {{synergies}} from 3 to 5"], pass: ["Raise NPS from 31 to 45"]}
            """.write(to: rules.appendingPathComponent("no-synergy.yml"), atomically: true, encoding: .utf8)
        let doc = "# T — Q3 2026\n## Objective: O\n- Realise synergies from 3 to 5\n- Maintain 99.9% uptime\n"
        try doc.write(to: dir.appendingPathComponent("okrs.md"), atomically: true, encoding: .utf8)
        try "disable: [kr-is-kpi]\n".write(to: dir.appendingPathComponent(".okr.yml"), atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["check", "--rules", "rules", "okrs.md"], directory: dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("okrs.md:3:11: error: jargon [no-synergy]"), result.stdout)
        XCTAssertFalse(result.stdout.contains("kr-is-kpi"), "disabled in .okr.yml")

        try "id: broken\nkind: pattern\ntarget: kr\nseverity: loud\n".write(to: rules.appendingPathComponent("broken.yml"), atomically: true, encoding: .utf8)
        let broken = try BinaryRunner.run(["check", "--rules", "rules", "okrs.md"], directory: dir)
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("rules/broken.yml:4:11: error: 'severity' must be one of: error, warning, info"), broken.stderr)
    }

    func testRulesAndExplain() throws {
        let rules = try BinaryRunner.run(["rules"])
        XCTAssertEqual(rules.status, 0)
        XCTAssertEqual(rules.stdout.split(separator: "\n").count, 13)
        let explain = try BinaryRunner.run(["explain", "kr-is-task"])
        XCTAssertEqual(explain.status, 0)
        XCTAssertTrue(explain.stdout.contains("Why: Doing the work does not prove it mattered."), explain.stdout)
        XCTAssertTrue(explain.stdout.contains("Ask yourself: If this is done, what will be different"), explain.stdout)
        XCTAssertTrue(explain.stdout.contains("  - Launch the new pricing page\n    Try: What should the new pricing page change?"), explain.stdout)
        XCTAssertTrue(explain.stdout.contains("Suggests: What should the {object|work} change? e.g. raise __ from __ to __"), explain.stdout)
        let all = try BinaryRunner.run(["explain"])
        XCTAssertTrue(all.stdout.hasPrefix("Key results\n"), all.stdout)
        let unknown = try BinaryRunner.run(["explain", "kr-is-tsk"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean 'kr-is-task'?"), unknown.stderr)
        let version = try BinaryRunner.run(["--version"])
        XCTAssertEqual(version.stdout, "0.1.0\n")
    }

    /// A rule's suggestion shows under its finding in text, as `suggestion` in JSON and as a fix in SARIF.
    func testSuggestionsInTextJSONAndSARIF() throws {
        let dir = try BinaryRunner.temporaryDirectory()
        let rules = dir.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        try """
            id: no-synergy
            kind: pattern
            target: kr
            severity: warning
            tokens: [{lemma: [synergy, synergies], mark: true}]
            offers: [rephrase, keep, use-suggestion]
            suggest: "Raise __ from {baseline} to {target} (what the {line|line} should bring)"
            message: jargon
            why: Plain words are easier to measure.
            ask: What would you actually see?
            examples: {flag: ["Realise {{synergies}} from 3 to 5"], pass: ["Raise NPS from 31 to 45"]}
            """.write(to: rules.appendingPathComponent("no-synergy.yml"), atomically: true, encoding: .utf8)
        let doc = "# T — Q3 2026\n## Objective: O\n- Realise synergies from 3% to 5%\n- Raise NPS from 31 to 45\n"
        try doc.write(to: dir.appendingPathComponent("okrs.md"), atomically: true, encoding: .utf8)
        let suggestion = "Raise __ from 3% to 5% (what the Realise synergies from 3% to 5% should bring)"

        let text = try BinaryRunner.run(["check", "--rules", "rules", "okrs.md"], directory: dir)
        XCTAssertTrue(text.stdout.contains("""
            okrs.md:3:11: warning: jargon [no-synergy]
                ask: What would you actually see?
                suggest: \(suggestion)

            """), text.stdout)

        let json = try BinaryRunner.run(["check", "--rules", "rules", "--format", "json", "okrs.md"], directory: dir)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let finding = try XCTUnwrap((object["findings"] as? [[String: Any]])?.first { $0["rule"] as? String == "no-synergy" })
        XCTAssertEqual(finding["suggestion"] as? String, suggestion)

        let sarif = try BinaryRunner.run(["check", "--rules", "rules", "--format", "sarif", "okrs.md"], directory: dir)
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")
        let result = try XCTUnwrap((run["results"] as? [[String: Any]])?.first { $0["ruleId"] as? String == "no-synergy" })
        let fix = try XCTUnwrap((result["fixes"] as? [[String: Any]])?.first)
        XCTAssertEqual((fix["description"] as? [String: Any])?["text"] as? String, "Try: \(suggestion)")
        let change = try XCTUnwrap((fix["artifactChanges"] as? [[String: Any]])?.first)
        XCTAssertEqual((change["artifactLocation"] as? [String: Any])?["uri"] as? String, "okrs.md")
        let replacement = try XCTUnwrap((change["replacements"] as? [[String: Any]])?.first)
        XCTAssertEqual(replacement["deletedRegion"] as? [String: Int], ["startLine": 3, "startColumn": 3, "endColumn": 34])
        XCTAssertEqual((replacement["insertedContent"] as? [String: Any])?["text"] as? String, suggestion)
    }
}
