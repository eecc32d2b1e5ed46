import Foundation
@testable import OKRCore

// The report as it was before it was streamed (strings built whole, JSON by JSONEncoder), kept
// only as the oracle the streamed report is compared with. Not used by okr.

private enum Terminal {
    nonisolated(unsafe) static var colour = false
    static func paint(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    static func bold(_ text: String) -> String { paint(text, "1") }
    static func dim(_ text: String) -> String { paint(text, "2") }
}

/// The findings of one `okr check` run, and their three printed forms. Text and JSON carry the
/// same entries in the same order, so either can be trusted for the other.
struct ReferenceCheckReport {
    struct Entry {
        var file: String
        var finding: Finding
        var line: Int { finding.location?.line ?? 1 }
        var column: Int { finding.location?.column ?? 1 }
    }

    private(set) var entries: [Entry] = []
    private(set) var fileCount = 0

    mutating func add(file: String, findings: [Finding]) {
        fileCount += 1
        entries += findings.map { Entry(file: file, finding: $0) }
    }

    func count(_ severity: Severity) -> Int { entries.filter { $0.finding.severity == severity }.count }

    var summaryLine: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(fileCount, "file")) checked: \(plural(count(.error), "error")), \(plural(count(.warning), "warning")), \(count(.info)) info"
    }

    func text(colour: Bool) -> String {
        Terminal.colour = colour
        var out = ""
        for entry in entries {
            let f = entry.finding
            let severity: String
            switch f.severity {
            case .error: severity = Terminal.paint("error", "1;31")
            case .warning: severity = Terminal.paint("warning", "1;33")
            case .info: severity = Terminal.paint("info", "1;36")
            }
            // File names and rule texts (from --rules files) reach the terminal without escape codes.
            out += Terminal.bold(TerminalSafe.clean("\(entry.file):\(entry.line):\(entry.column):")) + " \(severity): "
                + TerminalSafe.clean("\(f.message) [\(f.rule)]") + "\n"
            out += "    " + Terminal.dim(TerminalSafe.clean("ask: \(f.ask)")) + "\n"
            if let suggestion = f.suggestion { out += "    " + Terminal.dim("suggest: \(TerminalSafe.clean(suggestion))") + "\n" }
        }
        out += summaryLine + "\n"
        return out
    }

    private struct JSONFinding: Encodable {
        var file: String, line: Int, column: Int, rule: String, severity: String, message: String, ask: String
        var suggestion: String?
    }
    private struct JSONSummary: Encodable { var files: Int, errors: Int, warnings: Int, info: Int }
    private struct JSONReport: Encodable { var findings: [JSONFinding], summary: JSONSummary }

    func json() -> String {
        let report = JSONReport(
            findings: entries.map {
                JSONFinding(file: $0.file, line: $0.line, column: $0.column, rule: $0.finding.rule,
                            severity: $0.finding.severity.rawValue, message: $0.finding.message, ask: $0.finding.ask,
                            suggestion: $0.finding.suggestion)
            },
            summary: JSONSummary(files: fileCount, errors: count(.error), warnings: count(.warning), info: count(.info)))
        return Self.encode(report)
    }

    /// SARIF 2.1.0, the format code-scanning services read.
    func sarif(rules: [Rule], version: String) -> String {
        struct Text: Encodable { var text: String }
        struct Configuration: Encodable { var level: String }
        struct RuleDescriptor: Encodable {
            var id: String, shortDescription: Text, fullDescription: Text, help: Text, defaultConfiguration: Configuration
        }
        struct Driver: Encodable { var name: String, version: String, rules: [RuleDescriptor] }
        struct Tool: Encodable { var driver: Driver }
        struct Region: Encodable { var startLine: Int, startColumn: Int }
        struct Artifact: Encodable { var uri: String }
        struct Physical: Encodable { var artifactLocation: Artifact, region: Region }
        struct Location: Encodable { var physicalLocation: Physical }
        // A fix replaces the subject's whole text with the suggestion (SARIF 2.1.0 §3.55-3.57).
        struct DeletedRegion: Encodable { var startLine: Int, startColumn: Int, endColumn: Int }
        struct Replacement: Encodable { var deletedRegion: DeletedRegion, insertedContent: Text }
        struct ArtifactChange: Encodable { var artifactLocation: Artifact, replacements: [Replacement] }
        struct Fix: Encodable { var description: Text, artifactChanges: [ArtifactChange] }
        struct Result: Encodable { var ruleId: String, level: String, message: Text, locations: [Location], fixes: [Fix]? }
        struct Run: Encodable { var tool: Tool, results: [Result], columnKind = "unicodeCodePoints" }
        struct Log: Encodable {
            var schema = "https://json.schemastore.org/sarif-2.1.0.json"
            var version = "2.1.0"
            var runs: [Run]
            enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
        }
        func level(_ s: Severity) -> String { s == .info ? "note" : s.rawValue }
        let descriptors = rules.map {
            RuleDescriptor(id: $0.id, shortDescription: Text(text: $0.message), fullDescription: Text(text: $0.why),
                           help: Text(text: $0.ask), defaultConfiguration: Configuration(level: level($0.severity)))
        }
        func fixes(_ entry: Entry) -> [Fix]? {
            guard let suggestion = entry.finding.suggestion, let start = entry.finding.subjectStart else { return nil }
            let region = DeletedRegion(startLine: start.line, startColumn: start.column,
                                       endColumn: start.column + entry.finding.subject.unicodeScalars.count)
            return [Fix(description: Text(text: "Try: \(suggestion)"),
                        artifactChanges: [ArtifactChange(artifactLocation: Artifact(uri: entry.file),
                                                         replacements: [Replacement(deletedRegion: region, insertedContent: Text(text: suggestion))])])]
        }
        let results = entries.map {
            Result(ruleId: $0.finding.rule, level: level($0.finding.severity),
                   message: Text(text: "\($0.finding.message). \($0.finding.ask)"),
                   locations: [Location(physicalLocation: Physical(artifactLocation: Artifact(uri: $0.file),
                                                                   region: Region(startLine: $0.line, startColumn: $0.column)))],
                   fixes: fixes($0))
        }
        return Self.encode(Log(runs: [Run(tool: Tool(driver: Driver(name: "okr", version: version, rules: descriptors)), results: results)]))
    }

    private static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
