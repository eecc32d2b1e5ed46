import Foundation
import XCTest

/// The fuzz suite: from a fixed seed, thousands of mutated documents (Markdown, YAML, JSON),
/// rule files, configuration files and coach sessions go through the built `okr` binary. Every
/// run must end by itself (a time limit per input), without a crash, with exit status 0, 1 or 2,
/// and every error and finding must name its file, and a line inside that file when it has one.
///
/// `OKR_FUZZ_ITERATIONS=N` sets the number of documents (default 3,000; the other kinds scale
/// with it) and `OKR_FUZZ_SEED=S` the seed. A failure writes its input under
/// `$TMPDIR/okr-fuzz-failures/` and names it, so it can be replayed with the same command;
/// `OKR_FUZZ_KEEP=1` keeps all the inputs.
final class FuzzTests: XCTestCase {
    static let environment = ProcessInfo.processInfo.environment
    static let documents = Int(environment["OKR_FUZZ_ITERATIONS"] ?? "") ?? 3000
    static let seed = UInt64(environment["OKR_FUZZ_SEED"] ?? "") ?? 20_261_123
    /// Seconds one input may take in a debug build on a busy 2-core machine; a batch gets this
    /// plus a share per input.
    static let limitPerInput: TimeInterval = 20

    private var work: URL!
    private var fuzzer: Fuzzer!

    override func setUpWithError() throws {
        work = try BinaryRunner.temporaryDirectory()
        fuzzer = Fuzzer(work: work)
    }

    override func tearDown() {
        // OKR_FUZZ_KEEP=1 keeps every generated input for a look afterwards.
        if Self.environment["OKR_FUZZ_KEEP"] == "1" { print("fuzz inputs kept in \(work.path)") } else { try? FileManager.default.removeItem(at: work) }
    }

    // MARK: - Documents

    func testFuzzDocumentsThroughCheck() throws {
        let seeds = try documentSeeds()
        var mutator = FuzzMutator(random: SeededGenerator(seed: Self.seed))
        let folder = work.appendingPathComponent("documents")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var files: [URL] = []
        for n in 0..<Self.documents {
            let (ext, seed) = mutator.pick(seeds)
            let bytes = mutator.mutate(seed, splicing: seeds.map(\.1))
            let file = folder.appendingPathComponent(String(format: "doc-%05d.", n) + ext)
            try Data(bytes).write(to: file)
            files.append(file)
        }
        // Many files to one `okr check`, as CI would run it; the output format rotates.
        let batches = stride(from: 0, to: files.count, by: 150).map { Array(files[$0..<min(files.count, $0 + 150)]) }
        let start = Date()
        let fuzzer = fuzzer!
        concurrently(batches.count) { index in
            fuzzer.checkBatch(batches[index], format: ["text", "json", "sarif"][index % 3])
        }
        fuzzer.report("documents", "\(files.count) documents in \(batches.count) runs of okr check", since: start)
    }

    // MARK: - Rule files and configuration

    func testFuzzRuleFilesAndConfigurations() throws {
        let rules = try FileManager.default.contentsOfDirectory(atPath: BinaryRunner.packageRoot.appendingPathComponent("rules").path)
            .filter { $0.hasSuffix(".yml") }.sorted()
            .map { try Array(Data(contentsOf: BinaryRunner.packageRoot.appendingPathComponent("rules/" + $0))) }
        let configs = ["disable: [kr-missing-baseline]\nseverity:\n  kr-is-kpi: error\n", "severity: {kr-is-task: info, duplicate-kr: error}\n",
                       "disable:\n  - too-few-krs\n  - objective-is-metric\n", "{}\n"].map { Array($0.utf8) }
        var mutator = FuzzMutator(random: SeededGenerator(seed: Self.seed &+ 1))
        let sample = BinaryRunner.packageRoot.appendingPathComponent("rules/examples/every-rule.md").path
        var jobs: [(arguments: [String], input: URL)] = []
        for n in 0..<max(20, Self.documents / 40) {
            let folder = work.appendingPathComponent(String(format: "rules-%04d", n))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("rule.yml")
            try Data(mutator.mutate(mutator.pick(rules), splicing: rules)).write(to: file)
            jobs.append((["check", "--rules", folder.path, sample], file))
        }
        for n in 0..<max(10, Self.documents / 100) {
            let file = work.appendingPathComponent(String(format: "config-%04d.yml", n))
            try Data(mutator.mutate(mutator.pick(configs), splicing: configs)).write(to: file)
            jobs.append((["check", "--config", file.path, sample], file))
        }
        let start = Date()
        let fuzzer = fuzzer!, all = jobs
        concurrently(all.count) { index in
            let job = all[index]
            guard let result = fuzzer.run(job.arguments, limit: Self.limitPerInput, inputs: [job.input]) else { return }
            if result.timedOut || result.crashed || ![0, 1, 2].contains(result.status) {
                return fuzzer.fail("okr \(job.arguments.joined(separator: " ")): \(result.summary)", [job.input])
            }
            let counts = [job.input.path: Fuzzer.lineCount(job.input), sample: Fuzzer.lineCount(URL(fileURLWithPath: sample))]
            for line in result.stderr.split(separator: "\n") {
                if let problem = Fuzzer.placeProblem(String(line), lineCounts: counts) { fuzzer.fail("error \(problem)", [job.input]) }
            }
        }
        fuzzer.report("rules", "\(jobs.count) rule and configuration files, one okr check each", since: start)
    }

    // MARK: - Coach sessions and the store

    /// Piped sessions (okr reads plain lines when standard input is not a terminal), made from
    /// the recorded transcripts' inputs, mutated, mixed with slash commands and wild numbers.
    func testFuzzCoachSessions() throws {
        let folder = BinaryRunner.packageRoot.appendingPathComponent("transcripts")
        let transcripts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
            .flatMap { try Transcript(String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)).sessions }
        let lines = transcripts.flatMap(\.inputs)
        // Numbers as the coach numbers things (1, 1.2, O1, K1), and the ones that overflow or mislead.
        let numbers = ["0", "1", "2", "3", "-1", "99", "O1", "O2", "K1", "1.2", "2.1", "x", "9223372036854775807", "-9223372036854775808",
                       "99999999999999999999", "O9223372036854775807", "K-9223372036854775808", "1.9223372036854775807",
                       "9223372036854775807.1", "-0", "1.5", "", "٣"]
        let commands = ["/help", "/show", "/edit", "/delete", "/move", "/undo", "/check", "/explain", "/skip", "/save", "/load", "/new",
                        "/quit", "keep", "kpi", "done", "finish", "another", "yes", "no", "y", "n", ""]
        var mutator = FuzzMutator(random: SeededGenerator(seed: Self.seed &+ 2))
        let sample = BinaryRunner.packageRoot.appendingPathComponent("rules/examples/platform-q3.md").path
        var jobs: [(arguments: [String], input: URL)] = []
        for n in 0..<max(20, Self.documents / 30) {
            let base = mutator.pick(transcripts)
            var session: [String] = []
            func command() -> String {
                // Half the commands take numbers: that is where user input meets arithmetic.
                let name = mutator.chance(0.5) ? mutator.pick(["/edit", "/delete", "/move"]) : mutator.pick(commands)
                var command = name
                if ["/edit", "/delete", "/move"].contains(name) { command += " " + mutator.pick(numbers) }
                if name == "/move" { command += " " + mutator.pick(numbers) }
                if name == "/edit" { command += " " + (mutator.chance(0.3) ? mutator.pick(numbers) : mutator.pick(lines)) }
                if name == "/load" { command += " " + (mutator.chance(0.5) ? sample : mutator.pick(lines)) }
                if name == "/explain" { command += " " + mutator.pick(["kr-is-task", "nope", "", "\u{1B}[31m"]) }
                return command
            }
            // Often the session stops part-way (mid-draft, key results on the table) and goes on with commands.
            let inputs = mutator.chance(0.5) ? Array(base.inputs.prefix(mutator.int(0..<base.inputs.count + 1))) : base.inputs
            for line in inputs {
                switch mutator.int(0..<10) {
                case 0: session.append(String(decoding: mutator.mutate(Array(line.utf8), splicing: lines.map { Array($0.utf8) }), as: UTF8.self))
                case 1: session.append(mutator.pick(lines))
                case 2, 3, 4: session.append(command())
                case 5: continue
                default: session.append(line)
                }
            }
            for _ in 0..<mutator.int(0..<12) { session.append(mutator.chance(0.6) ? command() : mutator.pick(lines)) }
            let file = work.appendingPathComponent(String(format: "session-%04d.txt", n))
            try Data((session.joined(separator: "\n") + "\n").utf8).write(to: file)
            jobs.append((base.arguments, file))
        }
        let start = Date()
        let fuzzer = fuzzer!, work = work!, all = jobs
        concurrently(all.count) { index in
            let job = all[index]
            let home = work.appendingPathComponent(String(format: "home-%04d", index))
            let stdin = (try? Data(contentsOf: job.input)) ?? Data()
            guard let result = fuzzer.run(job.arguments, stdin: stdin, home: home, limit: Self.limitPerInput * 2, inputs: [job.input]) else { return }
            if result.timedOut || result.crashed || ![0, 1, 2].contains(result.status) {
                fuzzer.fail("okr \(job.arguments.joined(separator: " ")) < \(job.input.path): \(result.summary)\n\(result.stderr.suffix(400))", [job.input])
            }
        }
        fuzzer.report("sessions", "\(jobs.count) coach sessions (\(jobs.reduce(0) { $0 + ((try? String(contentsOf: $1.input, encoding: .utf8))?.split(separator: "\n").count ?? 0) }) lines)", since: start)
    }

    /// Mutated documents that `okr check` reads are imported into a store, shown, and exported;
    /// the export must read back.
    func testFuzzImportShowAndExport() throws {
        let seeds = try documentSeeds()
        var mutator = FuzzMutator(random: SeededGenerator(seed: Self.seed &+ 3))
        let home = work.appendingPathComponent("store-home")
        var imported = 0, tried = 0
        let start = Date()
        for n in 0..<max(10, Self.documents / 200) {
            let (ext, seed) = mutator.pick(seeds)
            let file = work.appendingPathComponent(String(format: "import-%04d.", n) + ext)
            try Data(mutator.mutate(seed)).write(to: file)
            tried += 1
            guard let result = fuzzer.run(["import", "--name", "set-\(n)", file.path], home: home, limit: Self.limitPerInput, inputs: [file]) else { continue }
            if result.timedOut || result.crashed || ![0, 2].contains(result.status) {
                fuzzer.fail("okr import \(file.path): \(result.summary)", [file])
                continue
            }
            guard result.status == 0 else { continue }
            imported += 1
            for command in [["show", "set-\(n)"], ["history", "set-\(n)"], ["export", "set-\(n)", "--format", ext == "yml" ? "yaml" : ext]] {
                guard let shown = fuzzer.run(command, home: home, limit: Self.limitPerInput, inputs: [file]) else { continue }
                if shown.status != 0 { fuzzer.fail("okr \(command.joined(separator: " ")) after importing \(file.path): \(shown.summary) \(shown.stderr)", [file]) }
                guard command[0] == "export", shown.status == 0 else { continue }
                let exported = work.appendingPathComponent(String(format: "export-%04d.", n) + ext)
                try Data(shown.stdout.utf8).write(to: exported)
                guard let again = fuzzer.run(["check", exported.path], home: home, limit: Self.limitPerInput, inputs: [file, exported]) else { continue }
                if ![0, 1].contains(again.status) {
                    fuzzer.fail("the export of \(file.path) does not read back: \(again.summary) \(again.stderr.prefix(300))", [file, exported])
                }
            }
        }
        fuzzer.report("store", "\(tried) documents to okr import (\(imported) saved, each shown, listed and exported)", since: start)
    }

    // MARK: - Helpers

    /// Markdown samples, and the same sets as YAML and JSON (made by `okr export`).
    private func documentSeeds() throws -> [(String, [UInt8])] {
        let examples = BinaryRunner.packageRoot.appendingPathComponent("rules/examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".md") }.sorted()
        var seeds = try names.map { ("md", try Array(Data(contentsOf: examples.appendingPathComponent($0)))) }
        let home = work.appendingPathComponent("seed-home")
        for name in names.prefix(4) {
            let imported = try TimedRunner.run(["import", "--name", "seed", examples.appendingPathComponent(name).path],
                                               environment: ["OKR_HOME": home.path], limit: 60)
            guard imported.status == 0 else { continue }
            for format in ["yaml", "json"] {
                let out = try TimedRunner.run(["export", "seed", "--format", format], environment: ["OKR_HOME": home.path], limit: 60)
                if out.status == 0 { seeds.append((format == "yaml" ? "yml" : "json", Array(out.stdout.utf8))) }
            }
            _ = try TimedRunner.run(["delete", "-y", "seed"], environment: ["OKR_HOME": home.path], limit: 60)
        }
        XCTAssertGreaterThan(seeds.count, names.count, "YAML and JSON seeds were made")
        return seeds
    }

    private func concurrently(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}

/// What the fuzz tests share across the threads that run okr: where inputs live, and the
/// failures found so far.
struct Fuzzer: Sendable {
    let work: URL
    private let recorder = Recorder()

    init(work: URL) { self.work = work }

    private final class Recorder: @unchecked Sendable {
        let lock = NSLock()
        var failures: [String] = []
    }

    /// Runs `okr check` on the batch; on a crash or hang, each file again alone to find which.
    /// Runs `okr check` on the batch. On a crash, a hang or any misplaced error or finding, each
    /// file runs again alone, so the failure names the input that caused it.
    func checkBatch(_ files: [URL], format: String) {
        let arguments = ["check", "--format", format] + files.map(\.path)
        let limit = FuzzTests.limitPerInput + Double(files.count) * 0.5
        guard let result = run(arguments, limit: limit, inputs: files) else { return }
        let problems = Self.problems(result, format: format, files: files)
        guard !problems.isEmpty else { return }
        if files.count > 1 {
            for file in files { checkBatch([file], format: format) }
        } else {
            for problem in problems { fail(problem, files) }
        }
    }

    /// What is wrong with one run of `okr check`: its end, and the place of every error and finding.
    static func problems(_ result: TimedRunner.Result, format: String, files: [URL]) -> [String] {
        if result.timedOut || result.crashed || ![0, 1, 2].contains(result.status) {
            return ["okr check --format \(format) \(files.map(\.path).joined(separator: " ")): \(result.summary)"]
        }
        var problems: [String] = []
        let lineCounts = Dictionary(uniqueKeysWithValues: files.map { ($0.path, lineCount($0)) })
        for line in result.stderr.split(separator: "\n") {
            if let problem = placeProblem(String(line), lineCounts: lineCounts) { problems.append("error \(problem)") }
        }
        switch format {
        case "text":
            for line in result.stdout.split(separator: "\n") where !line.hasPrefix("    ") && !line.contains(" checked: ") {
                if let problem = placeProblem(String(line), lineCounts: lineCounts) { problems.append("finding \(problem)") }
            }
        default:
            guard let json = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) else {
                return problems + ["--format \(format) printed something that is not JSON: \(result.stdout.prefix(300).debugDescription)"]
            }
            let findings: [[String: Any]]
            if format == "json" {
                findings = (json as? [String: Any])?["findings"] as? [[String: Any]] ?? []
            } else {
                let results = (((json as? [String: Any])?["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
                findings = results.compactMap { result in
                    guard let physical = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any] else { return nil }
                    return ["file": (physical["artifactLocation"] as? [String: Any])?["uri"] ?? "",
                            "line": (physical["region"] as? [String: Any])?["startLine"] ?? 0]
                }
            }
            for finding in findings {
                let file = finding["file"] as? String ?? "", line = finding["line"] as? Int ?? 0
                guard let count = lineCounts[file] else { problems.append("a finding names no file of the run: \(finding)"); continue }
                if line < 1 || line > count { problems.append("a finding at line \(line) of \(file), which has \(count) lines") }
            }
        }
        return problems
    }

    func run(_ arguments: [String], stdin: Data? = nil, home: URL? = nil, limit: TimeInterval, inputs: [URL]) -> TimedRunner.Result? {
        let home = home ?? work.appendingPathComponent("home")
        do {
            return try TimedRunner.run(arguments, stdin: stdin ?? Data(), environment: ["OKR_HOME": home.path, "NO_COLOR": "1"],
                                       directory: work, limit: limit)
        } catch {
            fail("could not run okr \(arguments.prefix(3).joined(separator: " ")): \(error)", inputs)
            return nil
        }
    }

    /// What is wrong with where an error or finding line points, if anything: it must begin
    /// with a file of the run, then `:line:column:` inside the file, or `: error:` for a file
    /// problem with no line.
    static func placeProblem(_ line: String, lineCounts: [String: Int]) -> String? {
        guard let file = lineCounts.keys.filter({ line.hasPrefix($0 + ":") }).max(by: { $0.count < $1.count }) else {
            return "names no file of the run: \(line.prefix(300).debugDescription)"
        }
        let rest = line.dropFirst(file.count + 1)
        if rest.hasPrefix(" error: ") { return nil }
        let parts = rest.split(separator: ":", maxSplits: 2)
        guard parts.count == 3, let number = Int(parts[0]), let column = Int(parts[1]) else {
            return "has no line and column: \(line.prefix(300).debugDescription)"
        }
        let count = lineCounts[file] ?? 0
        guard (1...max(1, count)).contains(number), column >= 1 else {
            return "points at \(number):\(column), outside \(file) (\(count) lines): \(line.prefix(300).debugDescription)"
        }
        return nil
    }

    /// Lines as an editor shows them: a final line break does not start another line.
    static func lineCount(_ file: URL) -> Int {
        let text = String(decoding: (try? Data(contentsOf: file)) ?? Data(), as: UTF8.self)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return max(1, lines.count)
    }

    /// Records a failure and keeps its inputs where they can be replayed.
    func fail(_ message: String, _ inputs: [URL]) {
        let kept = FileManager.default.temporaryDirectory.appendingPathComponent("okr-fuzz-failures")
        try? FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
        var copies: [String] = []
        for input in inputs.prefix(3) {
            let copy = kept.appendingPathComponent(input.lastPathComponent)
            try? FileManager.default.removeItem(at: copy)
            if (try? FileManager.default.copyItem(at: input, to: copy)) != nil { copies.append(copy.path) }
        }
        recorder.lock.lock()
        defer { recorder.lock.unlock() }
        recorder.failures.append(message + (copies.isEmpty ? "" : "\n  input kept in " + copies.joined(separator: ", ")))
    }

    func report(_ kind: String, _ what: String, since start: Date) {
        recorder.lock.lock()
        let found = recorder.failures
        recorder.failures = []
        recorder.lock.unlock()
        print(String(format: "fuzz %@: %@, seed %llu: %d problems, %.1f s", kind, what, FuzzTests.seed, found.count, Date().timeIntervalSince(start)))
        for failure in found.prefix(30) { XCTFail(failure) }
        if found.count > 30 { XCTFail("... and \(found.count - 30) more") }
    }
}
