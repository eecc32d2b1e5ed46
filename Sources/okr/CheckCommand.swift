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

    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup var storeOptions: CheckStoreOptions

    mutating func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one file to check, or '-' for standard input") }
    }

    func run() throws {
        let engine = Engine(ruleSet: try ruleOptions.ruleSet())
        let today = try Clock.today()
        var report = CheckReport()
        var errors: [CLIError] = []
        var history = try storeOptions.open()
        for path in files {
            let name = path == "-" ? "<stdin>" : path
            do {
                let format = inputFormat.map { DocumentFormat(path: "." + $0.rawValue) } ?? DocumentFormat(path: path)
                let text = path == "-" ? try InputFile.standardInput(format: format) : try InputFile.read(path, format: format)
                let set = try DocumentReader.read(text, file: name, format: format, reference: today)
                report.add(file: name, findings: CycleFindings.merge(engine.check(set), try history?.findings(for: set) ?? []))
            } catch let error as DocumentError {
                errors.append(.document(error))
            } catch let error as CLIError {
                errors.append(error)
            }
        }
        switch format {
        case .text: print(report.text(), terminator: "")
        case .json: print(report.json())
        case .sarif: print(report.sarif(rules: engine.ruleSet.rules, version: OKR.version))
        }
        if !errors.isEmpty { throw CLIError.several(errors) }
        if report.entries.contains(where: { $0.finding.severity >= failOn }) { throw ExitCode(1) }
    }
}

extension Severity: ExpressibleByArgument {}
