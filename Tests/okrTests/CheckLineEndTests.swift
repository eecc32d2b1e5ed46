import Foundation
import XCTest

/// `okr check` and `okr import` on documents with Windows and old-Mac line ends, with a NUL, and
/// on many files at once.
final class CheckLineEndTests: XCTestCase {
    private var home: URL!
    private var env: [String: String] { ["OKR_HOME": home.path, "NO_COLOR": "1"] }

    override func setUpWithError() throws { home = try BinaryRunner.temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: home) }

    private func write(_ text: String, _ name: String) throws -> String {
        let url = home.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Each finding as `line:column rule`, in the order printed.
    private func findings(_ path: String) throws -> [String] {
        let result = try BinaryRunner.run(["check", "--format", "json", path], environment: env)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], result.stderr)
        return (json["findings"] as? [[String: Any]] ?? []).map { "\($0["line"]!):\($0["column"]!) \($0["rule"]!)" }
    }

    func testCRLFAndCRFilesGiveTheSameFindingsAtTheSameLinesAsLF() throws {
        let lf = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("rules/examples/every-rule.md"), encoding: .utf8)
        let expected = try findings(try write(lf, "lf.md"))
        XCTAssertGreaterThan(expected.count, 5)
        XCTAssertEqual(try findings(try write(lf.replacingOccurrences(of: "\n", with: "\r\n"), "crlf.md")), expected)
        XCTAssertEqual(try findings(try write(lf.replacingOccurrences(of: "\n", with: "\r"), "cr.md")), expected)

        let text = try BinaryRunner.run(["check", try write(lf.replacingOccurrences(of: "\n", with: "\r\n"), "again.md")], environment: env)
        XCTAssertFalse(text.stdout.contains("\r"), "no carriage return leaks into the report")
    }

    func testImportOfACRLFFileStoresEachLineOnItsOwn() throws {
        let doc = "# Ops — Q3 2026\r\nTeam: Ops\r\n## Objective: Calm on-call\r\n- Cut pages per week from 30 to 10\r\n- Cut time to acknowledge from 15 to 5 minutes\r\n"
        let imported = try BinaryRunner.run(["import", try write(doc, "ops.md")], environment: env)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        // "Saved NAME as version 1 in ..."
        let name = try XCTUnwrap(imported.stdout.components(separatedBy: "Saved ").last?.components(separatedBy: " ").first, imported.stdout)
        let markdown = try BinaryRunner.run(["export", name, "--format", "md"], environment: env).stdout
        XCTAssertTrue(markdown.contains("\n- Cut pages per week from 30 to 10\n"), markdown)
        XCTAssertTrue(markdown.contains("\n- Cut time to acknowledge from 15 to 5 minutes\n"), markdown)
        XCTAssertFalse(markdown.contains("\r"), markdown)
    }

    func testANULIsRefusedWithFileLineAndColumn() throws {
        let path = try write("# T — Q3 2026\n## Objective: O\n- Cut a\u{0}b from 3 to 4\n", "nul.md")
        let result = try BinaryRunner.run(["check", path], environment: env)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("\(path):3:8: error: a NUL character"), result.stderr)
        let imported = try BinaryRunner.run(["import", path], environment: env)
        XCTAssertEqual(imported.status, 2)
        XCTAssertTrue(imported.stderr.contains("\(path):3:8: error: a NUL character"), imported.stderr)
    }

    /// The reader skips eight plain bytes at a time: a NUL is still found at each of the eight
    /// places a word can hold it, and line ends on either side of it still count.
    func testANULIsFoundWhereverItFallsInAWordOfEightBytes() throws {
        for column in 3...18 {
            var line = Array("- Cut the queue from 300 to 40".utf8)
            line[column - 1] = 0
            let text = "# T — Q3 2026\r\n## Objective: O\r\n" + String(decoding: line, as: UTF8.self) + "\n"
            let path = try write(text, "nul-\(column).md")
            let result = try BinaryRunner.run(["check", path], environment: env)
            XCTAssertEqual(result.status, 2)
            XCTAssertTrue(result.stderr.contains("\(path):3:\(column): error: a NUL character"), result.stderr)
        }
    }

    /// Many files: checked at once, reported in the order named, whatever `-j` says; a bad file
    /// in the middle is reported and the others still are.
    func testManyFilesKeepTheirOrderWithAnyNumberOfJobs() throws {
        let examples = BinaryRunner.packageRoot.appendingPathComponent("rules/examples")
        var paths = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".md") }.sorted()
            .map { "rules/examples/\($0)" }
        paths = (paths + paths.reversed() + paths)
        XCTAssertGreaterThan(paths.count, 10)
        let one = try BinaryRunner.run(["check", "-j", "1"] + paths, environment: env)
        for jobs in [["-j", "3"], ["--jobs", "64"], []] {
            let many = try BinaryRunner.run(["check"] + jobs + paths, environment: env)
            XCTAssertEqual(many.stdout, one.stdout, "\(jobs)")
            XCTAssertEqual(many.status, one.status)
        }
        let files = one.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") && $0.contains(".md:") }
            .map { String($0.prefix { $0 != ":" }) }
        var order: [String] = []
        for file in files where order.last != file { order.append(file) }
        XCTAssertEqual(order, paths.filter { path in files.contains(path) }.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } })

        let broken = try write("# T\n## O\nstray text\n", "broken.md")
        let mixed = try BinaryRunner.run(["check", paths[0], broken, "missing.md", paths[1]], environment: env)
        XCTAssertEqual(mixed.status, 2)
        XCTAssertTrue(mixed.stderr.contains("\(broken):3:1: error: unexpected text"), mixed.stderr)
        XCTAssertTrue(mixed.stderr.contains("missing.md: error: cannot read the file: no such file"), mixed.stderr)
        XCTAssertTrue(mixed.stdout.contains("2 files checked"), mixed.stdout)
        XCTAssertEqual(try BinaryRunner.run(["check", "-j", "0", paths[0]], environment: env).status, 2)
    }

    /// A report that cannot be written is an error, not a silent exit 0.
    func testAFullDiskIsAnErrorWithExitStatusTwo() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        let process = Process()
        process.executableURL = BinaryRunner.binary
        process.arguments = ["check", "rules/examples/platform-q3.md"]
        process.currentDirectoryURL = BinaryRunner.packageRoot
        process.environment = ["OKR_NOW": "2026-07-01", "OKR_HOME": home.path, "NO_COLOR": "1"]
        let err = Pipe()
        process.standardOutput = full
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 2)
        XCTAssertTrue(stderr.contains("okr: cannot write the report to standard output: No space left on device"), stderr)
    }
}
