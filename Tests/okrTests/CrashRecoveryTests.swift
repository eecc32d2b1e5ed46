import Foundation
import XCTest

/// Nothing the coach acknowledged is lost: not to kill -9, not to an unreadable autosave, not to
/// a store that refuses the save.
final class CrashRecoveryTests: XCTestCase {
    /// A coach process fed one line at a time, whose output can be awaited line by line.
    final class LiveCoach {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        private var buffer = Data()

        init(home: URL) throws {
            process.executableURL = BinaryRunner.binary
            var env = ProcessInfo.processInfo.environment
            env["OKR_HOME"] = home.path
            env["OKR_NOW"] = "2026-11-23"
            env["NO_COLOR"] = "1"
            env.removeValue(forKey: "OKR_STORE")
            process.environment = env
            process.standardInput = input
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
        }

        func send(_ line: String) {
            input.fileHandleForWriting.write(Data((line + "\n").utf8))
        }

        /// Reads output until one of `texts` appears (the coach flushes after every reply),
        /// waiting at most 20 seconds: poll() with a timeout, so a coach that says something
        /// else fails the test instead of hanging it. Returns the one that appeared.
        @discardableResult
        func waitFor(_ texts: [String], file: StaticString = #filePath, line: UInt = #line) -> String? {
            let deadline = Date().addingTimeInterval(20)
            let descriptor = output.fileHandleForReading.fileDescriptor
            while true {
                if let (text, range) = texts.lazy.compactMap({ t in self.buffer.range(of: Data(t.utf8)).map { (t, $0) } }).first {
                    buffer.removeSubrange(..<range.upperBound)
                    return text
                }
                let left = deadline.timeIntervalSinceNow
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard left > 0, poll(&poller, 1, Int32(left * 1000)) > 0 else {
                    XCTFail("none of \(texts) in: \(String(decoding: buffer, as: UTF8.self).suffix(600))", file: file, line: line)
                    return nil
                }
                var chunk = [UInt8](repeating: 0, count: 65536)
                let count = read(descriptor, &chunk, chunk.count)
                guard count > 0 else {
                    XCTFail("the coach ended before \(texts): \(String(decoding: buffer, as: UTF8.self).suffix(600))", file: file, line: line)
                    return nil
                }
                buffer.append(contentsOf: chunk[..<count])
            }
        }

        func waitFor(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Bool {
            waitFor([text], file: file, line: line) != nil
        }

        func kill9() {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    static let metrics = ["reconciliation time", "invoice approval wait", "vendor onboarding time", "expense review lag",
                          "payroll correction effort", "audit request turnaround", "budget sign-off delay"]

    /// kill -9 right after each acknowledgement, many times: every line the coach said it added
    /// comes back, and no temporary file is left behind.
    func testEveryAcknowledgedLineSurvivesKillNine() throws {
        let home = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        var acknowledged: [String] = []
        var first = try LiveCoach(home: home)
        for line in ["Q1 2027", "Finance", "", "Make month-end calm and predictable"] { first.send(line) }
        XCTAssertTrue(first.waitFor("Objective 1: Make month-end calm and predictable"))
        first.kill9()
        let trials = 40
        for n in 1...trials {
            first = try LiveCoach(home: home)
            defer { if first.process.isRunning { first.kill9() } }
            first.send("yes")
            guard first.waitFor("Here is where we were.") else { break }
            let kr = "Cut \(Self.metrics[n % Self.metrics.count]) in ledger \(n) from \(n + 20) to \(n) hours"
            first.send(kr)
            let ack = "Key result 1.\(n) added to objective 1."
            // The rules may have something to say about so many similar lines; keep them anyway.
            if first.waitFor([ack, "'keep' to keep it as it is"]) != ack {
                first.send("keep")
                guard first.waitFor(ack) else { break }
            }
            acknowledged.append(kr)
            first.kill9()
            XCTAssertEqual(first.process.terminationReason, .uncaughtSignal)
        }
        let drafts = home.appendingPathComponent("drafts")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: drafts.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers, [], "temporary files left behind")
        let resumed = try BinaryRunner.run([], stdin: "yes\n/show\n", environment: ["OKR_HOME": home.path, "NO_COLOR": "1"])
        XCTAssertTrue(resumed.stdout.contains("objective and \(trials) key results."), resumed.stdout)
        for (n, kr) in acknowledged.enumerated() {
            XCTAssertTrue(resumed.stdout.contains("  1.\(n + 1) \(kr)"), "lost: \(kr)")
        }
    }

    /// Quitting (Ctrl-D or /quit) keeps the draft; the next session resumes at the step the user
    /// was on, not at the "save before you go?" question.
    func testDraftKeptAtQuitResumesAtTheStepBeneath() throws {
        let home = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = ["OKR_HOME": home.path, "NO_COLOR": "1"]
        _ = try BinaryRunner.run([], stdin: "Q3 2026\nPlatform\n\nMake deploys boring\n/quit\nno\n", environment: env)
        let resumed = try BinaryRunner.run([], stdin: "yes\n", environment: env)
        XCTAssertTrue(resumed.stdout.contains("Here is where we were."), resumed.stdout)
        XCTAssertTrue(resumed.stdout.contains("Key result 1.1: what measurable change"), resumed.stdout)
        XCTAssertFalse(resumed.stdout.contains("Save the set before you go?"), resumed.stdout)
    }

    /// An autosave that cannot be read is moved aside, with a message saying where; never dropped.
    func testAnUnreadableAutosaveIsMovedAsideAndSaysWhere() throws {
        let home = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let drafts = home.appendingPathComponent("drafts")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        let garbage = #"{"format":2,"state":{"phase":"a phase from the future"}}"# + "\n"
        try garbage.write(to: drafts.appendingPathComponent("draft-old.json"), atomically: true, encoding: .utf8)
        let future = #"{"format":9,"state":{}}"# + "\n"
        try future.write(to: drafts.appendingPathComponent("draft-newer.json"), atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run([], stdin: "", environment: ["OKR_HOME": home.path, "NO_COLOR": "1"])
        XCTAssertTrue(result.stderr.contains("an autosaved draft could not be read: its snapshot does not read"), result.stderr)
        XCTAssertTrue(result.stderr.contains("format 9, which this okr does not know"), result.stderr)
        let aside = drafts.appendingPathComponent("unreadable")
        let kept = try FileManager.default.contentsOfDirectory(atPath: aside.path)
        XCTAssertEqual(kept.count, 2, "\(kept)")
        for name in kept {
            XCTAssertTrue(result.stderr.contains(aside.appendingPathComponent(name).path), result.stderr)
            let text = try String(contentsOf: aside.appendingPathComponent(name), encoding: .utf8)
            XCTAssertTrue(text == garbage || text == future, "the file was changed")
        }
    }

    /// The single draft.json of the first format is still offered back.
    func testADraftFromTheEarlierFormatIsOfferedBack() throws {
        let home = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let earlier = #"{"draft":{"title":"OKRs — Q3 2026","objectives":[{"title":"Make deploys boring","keyResults":[{"text":"Cut deploy time from 40 to 10 minutes"}],"kpis":[]}]},"phase":{"keyResult":{}},"undoStack":[],"unsaved":true}"#
        try earlier.write(to: home.appendingPathComponent("draft.json"), atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run([], stdin: "yes\n", environment: ["OKR_HOME": home.path, "NO_COLOR": "1"])
        XCTAssertTrue(result.stdout.contains("Welcome back. You have an unfinished draft \"OKRs — Q3 2026\", with 1 objective\nand 1 key result."), result.stdout)
        XCTAssertTrue(result.stdout.contains("  1.1 Cut deploy time from 40 to 10 minutes"), result.stdout)
    }

    /// A failed save leaves a Markdown copy that okr check and okr import read.
    func testTheRescueCopyIsADocumentCheckAndImportRead() throws {
        let home = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let blocked = home.appendingPathComponent("not-a-folder")
        try "x".write(to: blocked, atomically: true, encoding: .utf8)
        let env = ["OKR_HOME": home.path, "NO_COLOR": "1", "OKR_STORE": blocked.appendingPathComponent("okr.sqlite").path]
        let session = try BinaryRunner.run([], stdin: "Q1 2027\nFinance\n\nMake month-end calm and predictable\nCut month-end close from 9 to 3 days\nMaintain 99.9% ledger uptime\nkpi\nat least 99.9%\nGrafana\nweek\ndone\nfinish\n",
                                           environment: env)
        XCTAssertTrue(session.stdout.contains("! Not saved: "), session.stdout)
        let copy = home.appendingPathComponent("sets/finance-q1-2027.md")
        XCTAssertTrue(flat(session.stdout).contains("A copy is in \(copy.path); okr import \(copy.path) adds it"), session.stdout)
        let check = try BinaryRunner.run(["check", copy.path], environment: ["NO_COLOR": "1"])
        XCTAssertTrue(check.status == 0 || check.status == 1, check.stdout + check.stderr)
        XCTAssertFalse(check.stderr.contains("error:"), check.stderr)
        let store = home.appendingPathComponent("good.sqlite").path
        let imported = try BinaryRunner.run(["import", copy.path, "--store", store], environment: ["NO_COLOR": "1"])
        XCTAssertEqual(imported.status, 0, imported.stdout + imported.stderr)
        let listed = try BinaryRunner.run(["list", "--store", store], environment: ["NO_COLOR": "1"])
        let name = String(listed.stdout.prefix { $0 != " " })
        let shown = try BinaryRunner.run(["export", name, "--store", store], environment: ["NO_COLOR": "1"])
        XCTAssertTrue(shown.stdout.contains("- KPI: Maintain 99.9% ledger uptime: at least 99.9% as reported by Grafana, measured every week"), shown.stdout + shown.stderr)
    }

    /// Escape sequences typed into the coach or found in a loaded document never reach the screen.
    func testNoEscapeSequenceReachesTheScreen() throws {
        let home = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let document = home.appendingPathComponent("evil.md")
        try "# Evil \u{1B}]0;pwned\u{07}set\n## Objective: Win \u{1B}[2J big\n- Raise \u{1B}[31mNPS from 31 to 45\n".write(to: document, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run([], stdin: "Q1 2027\u{1B}[1;1H\n/load \(document.path)\nno\n/show\n", environment: ["OKR_HOME": home.path, "NO_COLOR": "1"])
        XCTAssertFalse(result.stdout.contains("\u{1B}"), result.stdout)
        XCTAssertFalse(result.stdout.contains("\u{07}"), result.stdout)
        XCTAssertTrue(result.stdout.contains("O1. Win  big\n  1.1 Raise NPS from 31 to 45"), result.stdout)
    }

    /// Output with its wrapping undone: every run of blanks and line breaks as one space.
    func flat(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }
}
