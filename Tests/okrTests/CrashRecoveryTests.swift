import Foundation
import XCTest

/// A `kill -9` in the middle of a draft loses nothing that was accepted: the next `okr` offers it back.
final class CrashRecoveryTests: XCTestCase {
    func testKillNineMidDraftThenResume() throws {
        let home = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let process = Process()
        process.executableURL = BinaryRunner.binary
        var env = ProcessInfo.processInfo.environment
        env["OKR_HOME"] = home.path
        env["OKR_NOW"] = "2026-07-01"
        process.environment = env
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let lines = ["Q3 2026", "Make deploys boring", "Cut median deploy time from 40 to 10 minutes", "Reduce failed deploys from 8% to 2%"]
        for line in lines { input.fileHandleForWriting.write(Data((line + "\n").utf8)) }
        // Wait (bounded) until the last accepted line is autosaved; the process is still running.
        let draft = home.appendingPathComponent("draft.json")
        var saved = false
        for _ in 0..<200 {
            if let text = try? String(contentsOf: draft, encoding: .utf8), text.contains("Reduce failed deploys") { saved = true; break }
            usleep(25_000)
        }
        XCTAssertTrue(saved, "the draft was not autosaved")
        XCTAssertTrue(process.isRunning)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)

        let resumed = try BinaryRunner.run([], stdin: "yes\n", environment: ["OKR_HOME": home.path, "NO_COLOR": "1"])
        XCTAssertTrue(resumed.stdout.contains("Welcome back. You have an unfinished draft with 1 objective and 2 key results."), resumed.stdout)
        for line in lines.dropFirst() { XCTAssertTrue(resumed.stdout.contains(line), "lost: \(line)") }
    }
}

extension CrashRecoveryTests {
    /// Quitting (Ctrl-D or /quit) keeps the draft; the next session resumes at the step the user
    /// was on, not at the "save before you go?" question.
    func testDraftKeptAtQuitResumesAtTheStepBeneath() throws {
        let home = try BinaryRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: home) }
        let env = ["OKR_HOME": home.path, "NO_COLOR": "1"]
        _ = try BinaryRunner.run([], stdin: "Q3 2026\nMake deploys boring\n/quit\nno\n", environment: env)
        let resumed = try BinaryRunner.run([], stdin: "yes\n", environment: env)
        XCTAssertTrue(resumed.stdout.contains("Here is where we were."), resumed.stdout)
        XCTAssertTrue(resumed.stdout.contains("Key result 1: what measurable change"), resumed.stdout)
        XCTAssertFalse(resumed.stdout.contains("Save the set before you go?"), resumed.stdout)
    }
}
