import Foundation
import XCTest

/// Issue 12 through the binary, as a user meets it: nothing hangs, no escape code from a file or
/// a store reaches the terminal, and every limit is a clear error with exit status 2.
final class HardeningTests: XCTestCase {
    private var home: URL!
    private var env: [String: String] { ["OKR_HOME": home.path, "NO_COLOR": "1"] }

    override func setUpWithError() throws { home = try BinaryRunner.temporaryDirectory() }
    override func tearDown() { try? FileManager.default.removeItem(at: home) }

    private func okr(_ arguments: [String], stdin: String? = nil, extra: [String: String] = [:], directory: URL? = nil,
                     terminal: Bool = false, limit: TimeInterval = 60) throws -> TimedRunner.Result {
        let result = try TimedRunner.run(arguments, stdin: stdin.map { Data($0.utf8) }, environment: env.merging(extra) { $1 },
                                         directory: directory, limit: limit, terminal: terminal)
        XCTAssertFalse(result.timedOut, "okr \(arguments.joined(separator: " ")) hung")
        XCTAssertNil(result.signal, "okr \(arguments.joined(separator: " ")) \(result.summary)")
        return result
    }

    @discardableResult
    private func write(_ text: String, _ name: String, in folder: URL? = nil) throws -> URL {
        let url = (folder ?? home).appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    // MARK: - Case 5: YAML alias bombs

    /// Nine levels of ten aliases: 10^9 nodes from a few hundred bytes.
    private static func aliasBomb(prefix: String = "") -> String {
        var lines = [prefix + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return (lines + ["? *a9", ": x"]).joined(separator: "\n") + "\n"
    }

    func testYAMLAliasBombsInADocumentARulesFolderAndOkrYmlFailFastNamingTheFile() throws {
        let document = try write(Self.aliasBomb(), "bomb.yml")
        let checked = try okr(["check", document.path])
        XCTAssertEqual(checked.status, 2)
        XCTAssertTrue(checked.stderr.hasPrefix("\(document.path):5:"), checked.stderr)
        XCTAssertTrue(checked.stderr.contains("aliases in this YAML expand to more than 100000 nodes"), checked.stderr)

        let rules = home.appendingPathComponent("rules")
        let rule = try write(Self.aliasBomb(prefix: "id: bomb\n"), "bomb.yml", in: rules)
        let withRules = try okr(["check", "--rules", rules.path, "rules/examples/platform-q3.md"])
        XCTAssertEqual(withRules.status, 2)
        XCTAssertTrue(withRules.stderr.hasPrefix("\(rule.path):6:"), withRules.stderr)

        let project = home.appendingPathComponent("project")
        try write(Self.aliasBomb(), ".okr.yml", in: project)
        let sample = try String(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("rules/examples/platform-q3.md"), encoding: .utf8)
        try write(sample, "okrs.md", in: project)
        let withConfig = try okr(["check", "okrs.md"], directory: project)
        XCTAssertEqual(withConfig.status, 2)
        XCTAssertTrue(withConfig.stderr.hasPrefix(".okr.yml:5:"), withConfig.stderr)
    }

    // MARK: - Case 6: stores that hang

    /// A port that accepts connections and never says a word: `okr list` gives up after the
    /// connect timeout with one line, instead of waiting for ever.
    func testAPostgresPortThatNeverAnswersIsOneLineAndExitTwo() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(listener, 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                guard bind(listener, raw, length) == 0, listen(listener, 16) == 0, getsockname(listener, raw, &length) == 0 else {
                    throw CocoaError(.fileWriteUnknown)
                }
            }
        }
        // The kernel completes each connection in the backlog; nobody ever reads or writes.
        let port = UInt16(bigEndian: address.sin_port)
        let result = try okr(["list", "--store", "postgres://okr@127.0.0.1:\(port)/okr"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("okr: cannot reach the store postgres://okr@127.0.0.1:\(port)/okr ("), result.stderr)
    }

    /// A store the user may only read (another team's, a shared drive mounted read-only) can be
    /// listed, shown and exported; saving to it says it is read-only.
    func testAReadOnlyStoreCanBeRead() throws {
        let folder = home.appendingPathComponent("readonly")
        let store = folder.appendingPathComponent("okr.sqlite").path
        XCTAssertEqual(try okr(["import", "--store", store, "--name", "platform", "rules/examples/platform-q3.md"]).status, 0)
        // root reads and writes whatever the permissions say: the reader is then someone else.
        var asUser: [String] = []
        if getuid() == 0 {
            asUser = ["-u", "nobody", "--"]
            chmod(home.path, 0o755)
        }
        chmod(store, 0o444)
        chmod(folder.path, 0o555)
        defer { chmod(folder.path, 0o755) }
        let binary = BinaryRunner.binary.path
        func run(_ arguments: [String]) throws -> TimedRunner.Result {
            let result = try TimedRunner.run(asUser + [binary] + arguments, environment: env, directory: home, limit: 60,
                                             executable: URL(fileURLWithPath: asUser.isEmpty ? binary : "/usr/sbin/runuser"))
            XCTAssertFalse(result.timedOut)
            return result
        }
        let probe = try run(["--version"])
        guard probe.status == 0 else { throw XCTSkip("cannot run okr as another user here: \(probe.stderr)") }
        let listed = try run(["list", "--store", store])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.hasPrefix("platform  v1"), listed.stdout)
        let shown = try run(["show", "platform", "--store", store])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("## Objective: "), shown.stdout)
        let imported = try run(["import", "--store", store, "--name", "another",
                                BinaryRunner.packageRoot.appendingPathComponent("rules/examples/platform-q3.md").path])
        XCTAssertEqual(imported.status, 2)
        XCTAssertTrue(imported.stderr.contains("is read-only"), imported.stderr)
    }

    // MARK: - Case 7: terminal injection

    /// A red-text code in a key result, a title-setting OSC sequence in the set's title and an
    /// author, as one user of a shared store might save them.
    private static let hostile = """
        # Platform OKRs \u{1B}]0;pwned\u{07}— Q3 2026
        ## Objective: Make deploys boring
        - Cut deploy time from 40 to 10 minutes \u{1B}[31mRED\u{1B}[0m
        - Launch the new deploy dashboard\u{1B}[2J

        """

    private func assertClean(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(text.contains("\u{1B}"), "\(what) printed an escape code: \(text.debugDescription)", file: file, line: line)
        XCTAssertFalse(text.contains("\u{07}"), "\(what) printed a BEL: \(text.debugDescription)", file: file, line: line)
    }

    func testEscapeCodesFromAStoreNeverReachTheTerminal() throws {
        let document = try write(Self.hostile, "hostile.md")
        let imported = try okr(["import", document.path], extra: ["OKR_AUTHOR": "mallory\u{1B}[8m"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let name = try XCTUnwrap(imported.stdout.components(separatedBy: "Saved ").last?.components(separatedBy: " as version").first)
        for command in [["show", name], ["list"], ["history", name], ["export", name, "--format", "md"]] {
            let onScreen = try okr(command, terminal: true)
            XCTAssertEqual(onScreen.status, 0, onScreen.stderr)
            assertClean(onScreen.stdout, command.joined(separator: " "))
        }
        let shown = try okr(["show", name])
        assertClean(shown.stdout, "show into a pipe")
        XCTAssertTrue(shown.stdout.contains("- Cut deploy time from 40 to 10 minutes RED"), shown.stdout)
        XCTAssertTrue(shown.stdout.contains("saved by mallory at"), shown.stdout)
        // Into a file or a pipe, export gives the set exactly as stored.
        let exported = try okr(["export", name, "--format", "md"])
        XCTAssertTrue(exported.stdout.contains("Cut deploy time from 40 to 10 minutes \u{1B}[31mRED\u{1B}[0m"), exported.stdout.debugDescription)
    }

    func testEscapeCodesInCheckMessagesAndFileNamesAreRemoved() throws {
        let rules = home.appendingPathComponent("rules")
        try write("""
            id: no-red
            kind: pattern
            target: kr
            severity: warning
            tokens: [{lemma: [dashboard], mark: true}]
            message: "\\e]0;pwned\\athis key result mentions a dashboard \\e[31mloudly"
            why: Colour words distract.
            ask: "\\e[2JWhat would you say without it?"
            examples: {flag: ["Ship the {{dashboard}} to 40 teams"], pass: ["Raise NPS from 31 to 45"]}

            """, "no-red.yml", in: rules)
        let document = try write(Self.hostile, "hostile\u{1B}[1m.md")
        let result = try okr(["check", "--rules", rules.path, document.path], terminal: true)
        XCTAssertEqual(result.status, 0, result.stderr)
        assertClean(result.stdout, "check")
        XCTAssertTrue(result.stdout.contains("this key result mentions a dashboard loudly [no-red]"), result.stdout)
        let listed = try okr(["rules", "--rules", rules.path])
        assertClean(listed.stdout, "rules")
        let explained = try okr(["explain", "no-red", "--rules", rules.path])
        assertClean(explained.stdout, "explain")
        XCTAssertTrue(explained.stdout.contains("Ask yourself: What would you say without it?"), explained.stdout)
    }

    // MARK: - Limits

    func testEachLimitIsAClearErrorWithExitTwo() throws {
        // Larger than the largest document: refused from its size, before it is read.
        let huge = home.appendingPathComponent("huge.md")
        XCTAssertTrue(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 129 * 1024 * 1024)
        try handle.close()
        let tooLarge = try okr(["check", huge.path])
        XCTAssertEqual(tooLarge.status, 2)
        XCTAssertTrue(tooLarge.stderr.contains("\(huge.path): error: cannot read the file: okr reads files of up to 128 MiB; it is 135266304 bytes"),
                      tooLarge.stderr)
        // The same from a pipe, which has no size to look at first.
        let piped = try TimedRunner.run(["check", "-"], stdin: Data(count: 128 * 1024 * 1024 + 1), environment: env, limit: 120)
        XCTAssertEqual(piped.status, 2, piped.summary)
        XCTAssertTrue(piped.stderr.contains("<stdin>: error: cannot read the file: okr reads files of up to 128 MiB"), piped.stderr)

        // A line longer than the longest line: its line number, at the column where it goes over.
        let long = try write("# OKRs — Q3 2026\n## Objective: Grow\n- Grow " + String(repeating: "very ", count: 14_000) + "much\n", "long.md")
        let tooLong = try okr(["check", long.path])
        XCTAssertEqual(tooLong.status, 2)
        XCTAssertTrue(tooLong.stderr.hasPrefix("\(long.path):3:65537: error: the line is longer than 64 KiB, the longest okr reads"), tooLong.stderr)

        // Case 8: a NUL byte is refused with its place, not stored cut short.
        let nul = try write("# OKRs — Q3 2026\n## Objective: Grow\n- Grow ARR\u{0} from $1M to $2M\n", "nul.md")
        let withNUL = try okr(["import", nul.path])
        XCTAssertEqual(withNUL.status, 2)
        XCTAssertTrue(withNUL.stderr.hasPrefix("\(nul.path):3:11: error: a NUL character"), withNUL.stderr)
        XCTAssertTrue(try okr(["list"]).stdout.hasPrefix("No sets in"), "nothing was saved")
    }
}
