import Foundation
import XCTest
@testable import OKRCore

/// The streamed report prints what the string-built one printed, byte for byte, and its JSON and
/// SARIF stay valid for any text a document or a rule can hold.
final class CheckReportTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every sample document checked by the built-in rules, as both reports hold it.
    func sampleReports() throws -> (CheckReport, ReferenceCheckReport, [Rule]) {
        let engine = Engine(ruleSet: try RuleSet.builtIn())
        let folder = Self.root.appendingPathComponent("rules/examples")
        var report = CheckReport(), reference = ReferenceCheckReport()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ $0.hasSuffix(".md") }).sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let set = try DocumentReader.read(text, file: name, format: .markdown, reference: CalendarDay(year: 2026, month: 7, day: 1))
            let findings = engine.check(set)
            report.add(file: "rules/examples/\(name)", findings: findings)
            reference.add(file: "rules/examples/\(name)", findings: findings)
        }
        XCTAssertGreaterThan(report.entries.count, 20)
        return (report, reference, engine.ruleSet.rules)
    }

    func testEveryFormIsByteForByteWhatItWas() throws {
        let (report, reference, rules) = try sampleReports()
        XCTAssertTrue(report.entries.contains { $0.finding.suggestion != nil }, "some findings carry a suggestion")
        XCTAssertEqual(ByteWriter.string { report.writeText(to: $0, colour: false) }, reference.text(colour: false))
        XCTAssertEqual(ByteWriter.string { report.writeText(to: $0, colour: true) }, reference.text(colour: true))
        XCTAssertEqual(ByteWriter.string { report.writeJSON(to: $0) }, reference.json() + "\n")
        XCTAssertEqual(ByteWriter.string { report.writeSARIF(to: $0, rules: rules, version: "9.9.9") },
                       reference.sarif(rules: rules, version: "9.9.9") + "\n")
        XCTAssertEqual(report.summaryLine, reference.summaryLine)
    }

    func testAnEmptyReportToo() {
        let report = CheckReport(), reference = ReferenceCheckReport()
        XCTAssertEqual(ByteWriter.string { report.writeJSON(to: $0) }, reference.json() + "\n")
        XCTAssertEqual(ByteWriter.string { report.writeSARIF(to: $0, rules: [], version: "1") }, reference.sarif(rules: [], version: "1") + "\n")
        XCTAssertEqual(ByteWriter.string { report.writeText(to: $0, colour: false) }, "0 files checked: 0 errors, 0 warnings, 0 info\n")
    }

    func trickyReports() -> (CheckReport, ReferenceCheckReport) {
        var report = CheckReport(), reference = ReferenceCheckReport()
        for (i, text) in JSONStreamTests.tricky.enumerated() {
            var finding = Finding(rule: "rule-\(i)", severity: [.error, .warning, .info][i % 3], target: .kr, message: "message \(text)",
                                  why: "why", ask: "ask \(text)", subject: text, location: SourceLocation(line: i + 1, column: 3))
            finding.subjectStart = finding.location
            finding.suggestion = i % 2 == 0 ? "Try \(text)" : nil
            report.add(file: "dir/\(text).md", findings: [finding])
            reference.add(file: "dir/\(text).md", findings: [finding])
        }
        return (report, reference)
    }

    /// Quotes, backslashes, controls, U+2028, emoji, text that looks like a surrogate escape:
    /// the JSON and SARIF parse, and parse to what JSONEncoder's did.
    func testTrickyTextParsesToWhatJSONEncoderGave() throws {
        let (report, reference) = trickyReports()
        var rule = try XCTUnwrap(try RuleSet.builtIn().rules.first)
        rule.id = "x\"\u{1}"
        rule.message = "m\u{2028}"
        rule.why = "w\\"
        rule.ask = "a😀"
        let pairs = [
            (ByteWriter.string { report.writeJSON(to: $0) }, reference.json()),
            (ByteWriter.string { report.writeSARIF(to: $0, rules: [rule], version: "1") }, reference.sarif(rules: [rule], version: "1")),
        ]
        for (streamed, encoded) in pairs {
            let got = try JSONSerialization.jsonObject(with: Data(streamed.utf8)) as? NSDictionary
            let expected = try JSONSerialization.jsonObject(with: Data(encoded.utf8)) as? NSDictionary
            XCTAssertNotNil(got)
            XCTAssertEqual(got, expected)
            XCTAssertFalse(streamed.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "no raw control character")
        }
        let findings = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(ByteWriter.string { report.writeJSON(to: $0) }.utf8)) as? [String: Any])?["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.map { $0["ask"] as? String }, JSONStreamTests.tricky.map { "ask \($0)" })
    }

    func testTextOutputCarriesNoEscapeSequenceFromTheInput() {
        let (report, _) = trickyReports()
        let text = ByteWriter.string { report.writeText(to: $0, colour: false) }
        XCTAssertFalse(text.contains("\u{1B}"), "no ESC from a file name, message or suggestion")
        XCTAssertTrue(text.contains("ask escape red and DEL"), "the sequence is cut out, the text around it stays")
        let coloured = ByteWriter.string { report.writeText(to: $0, colour: true) }
        XCTAssertFalse(coloured.contains("\u{1B}[31m"), "only okr's own colour codes")
    }
}
