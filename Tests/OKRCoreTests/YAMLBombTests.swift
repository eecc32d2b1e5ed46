import XCTest
@testable import OKRCore

/// YAML aliases that expand a small file into billions of nodes are refused before they are
/// expanded, in documents, rule files and `.okr.yml` alike, with the file and line of the alias.
final class YAMLBombTests: XCTestCase {
    let reference = CalendarDay(year: 2026, month: 7, day: 1)

    /// Ten lists, each holding ten aliases of the one before: 10^levels nodes once expanded.
    /// The last is used as a mapping key, which Yams hashes (expanding it) while composing.
    static func keyBomb(levels: Int, prefix: String = "") -> String {
        var lines = [prefix + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...levels {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        lines.append("? *a\(levels)")
        lines.append(": x")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One objective of many key results, aliased again and again: a small file, millions of key results.
    static func objectiveBomb(keyResults: Int, copies: Int) -> String {
        var text = "title: Bomb — Q3 2026\nobjectives:\n  - &o\n    title: Cut costs\n    key_results:\n"
        for k in 0..<keyResults { text += "      - Cut cost \(k) from 10 to 5\n" }
        for _ in 0..<copies { text += "  - *o\n" }
        return text
    }

    func testAnAliasBombAsAMappingKeyIsRefusedAtTheAlias() {
        // Eight levels is 10^8 nodes: without the budget this takes minutes.
        let text = Self.keyBomb(levels: 8)
        XCTAssertLessThan(text.utf8.count, 700)
        XCTAssertThrowsError(try DocumentReader.read(text, file: "bomb.yml", format: .yaml, reference: reference)) { error in
            let error = error as? DocumentError
            XCTAssertEqual(error?.file, "bomb.yml")
            XCTAssertEqual(error?.line, 5, "the first alias that goes over the budget")
            XCTAssertTrue(error?.problem.contains("aliases in this YAML expand to more than 100000 nodes") == true, "\(String(describing: error))")
        }
    }

    func testAliasedObjectivesAreRefusedBeforeTheyBecomeMillionsOfKeyResults() {
        let text = Self.objectiveBomb(keyResults: 300, copies: 3000)
        XCTAssertThrowsError(try DocumentReader.read(text, file: "bomb.json", format: .json, reference: reference)) { error in
            let error = error as? DocumentError
            XCTAssertTrue(error?.problem.contains("expand to more than") == true, "\(String(describing: error))")
            XCTAssertGreaterThan(error?.line ?? 0, 300)
        }
    }

    func testAFewAliasesStillWork() throws {
        let text = """
            title: Platform — Q3 2026
            owner: &dana Dana
            objectives:
              - title: Make deploys boring
                owner: *dana
                key_results: [Cut deploy time from 40 to 10 minutes, Cut failed deploys from 8% to 2%]
            """
        let set = try DocumentReader.read(text, file: "ok.yml", format: .yaml, reference: reference)
        XCTAssertEqual(set.objectives.first?.owner, "Dana")
    }

    func testRuleFilesAndConfigurationRefuseAliasBombs() {
        XCTAssertThrowsError(try RuleLoader.load(yaml: Self.keyBomb(levels: 8, prefix: "id: bomb\n"), file: "rules/bomb.yml")) { error in
            let error = error as? RuleFileError
            XCTAssertEqual(error?.file, "rules/bomb.yml")
            XCTAssertEqual(error?.line, 6)
            XCTAssertTrue(error?.problem.contains("expand to more than") == true, "\(String(describing: error))")
        }
        XCTAssertThrowsError(try RuleConfig.load(yaml: Self.keyBomb(levels: 8), file: ".okr.yml", knownRules: [])) { error in
            let error = error as? RuleFileError
            XCTAssertEqual(error?.file, ".okr.yml")
            XCTAssertTrue(error?.problem.contains("expand to more than") == true, "\(String(describing: error))")
        }
    }

    /// Case 8: no error points past the end of the file, and NUL in a value is refused.
    func testErrorsStayInsideTheFileAndNULIsRefused() {
        for text in ["title: x\nobjectives:\n  - title: \"a\n", "title: x\nobjectives:\n  - title: [a\n\n\n", "title: 'x"] {
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            let count = lines.last == "" ? lines.count - 1 : lines.count
            XCTAssertThrowsError(try DocumentReader.read(text, file: "x.yml", format: .yaml, reference: reference)) { error in
                let line = (error as? DocumentError)?.line ?? 0
                XCTAssertTrue((1...count).contains(line), "line \(line) of \(count) for \(text.debugDescription): \(error)")
            }
        }
        // A value with a line break, quoted in the problem, still makes a one-line error (found by the fuzz suite).
        let broken = #"{"title": "Costs", "timeframe": "Q3\n2026", "objectives": [{"title": "Cut costs"}]}"#
        XCTAssertThrowsError(try DocumentReader.read(broken, file: "t.json", format: .json, reference: reference)) { error in
            XCTAssertEqual("\(error)".split(separator: "\n").count, 1, "\(error)")
            XCTAssertTrue("\(error)".hasPrefix("t.json:1:"), "\(error)")
        }
        let json = #"{"title": "Q3 2026", "objectives": [{"title": "Cut costs", "key_results": ["Cut cost\u0000 from 10 to 5"]}]}"#
        XCTAssertThrowsError(try DocumentReader.read(json, file: "nul.json", format: .json, reference: reference)) { error in
            XCTAssertTrue((error as? DocumentError)?.problem.contains("NUL") == true, "\(error)")
        }
    }
}
