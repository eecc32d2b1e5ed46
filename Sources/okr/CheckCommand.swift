import ArgumentParser
import Foundation
import OKRCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check OKR documents (Markdown, YAML or JSON) and report findings like a compiler.",
        discussion: "Exit status: 0 when no finding reaches the --fail-on bar, 1 when one does, 2 for usage errors or unreadable input."
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json, sarif }
    enum InputFormat: String, ExpressibleByArgument, CaseIterable { case md, yaml, json }

    @Argument(help: ArgumentHelp("Files to check; '-' reads standard input.", valueName: "file"))
    var files: [String]

    @Option(help: "Output format: text, json or sarif.")
    var format: OutputFormat = .text

    @Option(name: .customLong("fail-on"), help: "The lowest severity that makes the exit status 1: error, warning or info.")
    var failOn: Severity = .error

    @Option(name: .customLong("input-format"), help: "Read every file as md, yaml or json instead of going by its extension.")
    var inputFormat: InputFormat?

    @Option(name: [.customShort("j"), .customLong("jobs")], help: "How many threads check at once: files, and pieces of a big file (default: one per core).")
    var jobs: Int?

    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup var storeOptions: CheckStoreOptions

    mutating func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to check, or '-' for standard input") }
        if let jobs, jobs < 1 { throw ValidationError("-j takes how many files to check at once: 1 or more") }
    }

    func run() throws {
        let engine = Engine(ruleSet: try ruleOptions.ruleSet())
        let today = try Clock.today()
        var history = try storeOptions.open()
        // Files are read and checked on every core; the report keeps the order they were named in.
        // Fewer files than cores: each file's pieces share the cores left.
        let threads = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let perFile = max(1, threads / min(files.count, threads))
        let checked = parallelMap(files.count, jobs: threads) { index in
            check(files[index], engine: engine, today: today, jobs: perFile)
        }
        var report = CheckReport()
        var errors: [CLIError] = []
        for (path, result) in zip(files, checked) {
            let name = path == "-" ? "<stdin>" : path
            do throws(CLIError) {
                let file = try result.get()
                report.add(file: name, findings: CycleFindings.merge(file.findings, try history?.findings(for: file.set) ?? []))
            } catch {
                errors.append(error)
            }
        }
        try StandardOutput.stream { out in
            switch format {
            case .text: report.writeText(to: out, colour: Terminal.colour)
            case .json: report.writeJSON(to: out)
            case .sarif: report.writeSARIF(to: out, rules: engine.ruleSet.rules, version: OKR.version)
            }
        }
        if !errors.isEmpty { throw CLIError.several(errors) }
        if report.entries.contains(where: { $0.finding.severity >= failOn }) { throw ExitCode(1) }
    }

    /// One file read and checked: its set and findings, or why it could not be.
    private func check(_ path: String, engine: Engine, today: CalendarDay, jobs: Int) -> Result<(set: OKRSet, findings: [Finding]), CLIError> {
        let name = path == "-" ? "<stdin>" : path
        do throws(CLIError) {
            let format = inputFormat.map { DocumentFormat(path: "." + $0.rawValue) } ?? DocumentFormat(path: path)
            let text = path == "-" ? try InputFile.standardInput(format: format) : try InputFile.read(path, format: format)
            let set: OKRSet
            do {
                set = try DocumentReader.read(text, file: name, format: format, reference: today)
            } catch {
                throw .document(error)
            }
            // One job: no runner, so the file is one piece.
            return .success((set, jobs > 1 ? engine.check(set, jobs: jobs) { parallelMap($0, jobs: jobs, $1) } : engine.check(set)))
        } catch {
            return .failure(error)
        }
    }
}

extension Severity: ExpressibleByArgument {}
