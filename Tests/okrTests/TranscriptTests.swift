import Foundation
import XCTest

/// Replays every transcripts/*.txt through the real binary with standard input piped and the
/// clock frozen, and compares the output with the file. `OKR_RECORD=1 swift test` rewrites the
/// files from what the binary prints now (review the diff before committing it).
final class TranscriptTests: XCTestCase {
    func testEveryTranscriptReplaysExactly() throws {
        let folder = BinaryRunner.packageRoot.appendingPathComponent("transcripts")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 10)
        let record = ProcessInfo.processInfo.environment["OKR_RECORD"] == "1"
        for name in names {
            let file = folder.appendingPathComponent(name)
            let transcript = Transcript(try String(contentsOf: file, encoding: .utf8))
            XCTAssertFalse(transcript.sessions.isEmpty, "\(name) has no '$ okr' line")
            let home = try BinaryRunner.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: home) }
            var recorded = ""
            for session in transcript.sessions {
                let stdin = session.inputs.map { $0 + "\n" }.joined()
                let result = try BinaryRunner.run(session.arguments, stdin: stdin,
                                                  environment: ["OKR_HOME": home.path, "NO_COLOR": "1", "OKR_AUTHOR": "dana"])
                let actual = (result.stdout + result.stderr).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let trimmed = actual.last == "" ? Array(actual.dropLast()) : actual
                // The data folder differs on every run: record it as a wildcard.
                let shown = trimmed.map { $0.replacingOccurrences(of: home.path, with: "...") }
                recorded += "$ okr" + session.arguments.map { " " + $0 }.joined() + "\n" + shown.joined(separator: "\n") + "\n"
                if !record {
                    XCTAssertTrue(Transcript.matches(session.expected[...], trimmed[...]),
                                  "\(name): output differs.\n--- expected\n\(session.expected.joined(separator: "\n"))\n--- actual\n\(trimmed.joined(separator: "\n"))")
                }
            }
            if record { try recorded.write(to: file, atomically: true, encoding: .utf8) }
        }
    }

    func testWildcards() {
        XCTAssertTrue(Transcript.lineMatches("Saved to .../sets/a.json.", "Saved to /tmp/x/sets/a.json."))
        XCTAssertFalse(Transcript.lineMatches("Saved to .../sets/a.json.", "Saved to /tmp/x/sets/b.json."))
        XCTAssertTrue(Transcript.matches(["a", "...", "d"], ["a", "b", "c", "d"]))
        XCTAssertTrue(Transcript.matches(["a", "...", "b"], ["a", "b"]))
        XCTAssertFalse(Transcript.matches(["a", "...", "d"], ["a", "b", "c"]))
        XCTAssertFalse(Transcript.matches(["a"], ["a", "b"]))
    }
}
