import ArgumentParser
import Foundation
import OKRCore

/// Options shared by every command that uses the rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A folder of rule files that add to or override the built-in rules.", valueName: "dir"))
    var rulesDirectories: [String] = []

    @Option(help: ArgumentHelp("A configuration file that disables rules or changes severities (default: ./.okr.yml if present).", valueName: "file"))
    var config: String?

    func ruleSet() throws(CLIError) -> RuleSet {
        var rules: RuleSet
        do {
            rules = try RuleSet.builtIn()
            for directory in rulesDirectories {
                let names: [String]
                do {
                    names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted()
                } catch {
                    throw CLIError.unreadable(path: directory, reason: "not a readable folder")
                }
                var files: [(path: String, text: String)] = []
                for name in names {
                    let path = (directory as NSString).appendingPathComponent(name)
                    files.append((path, try Self.text(path)))
                }
                rules = rules.overridden(by: try RuleSet(files: files))
            }
            let configPath = config ?? (FileManager.default.fileExists(atPath: ".okr.yml") ? ".okr.yml" : nil)
            if let configPath {
                let parsed = try RuleConfig.load(yaml: try Self.text(configPath), file: configPath, knownRules: Set(rules.ids))
                rules = rules.configured(parsed)
            }
        } catch let error as RuleFileError {
            throw .rules(error)
        } catch let error as CLIError {
            throw error
        } catch {
            throw .unreadable(path: "rules", reason: "\(error)")
        }
        return rules
    }

    /// A rule, configuration or document file, read within `Limits`.
    static func text(_ path: String) throws(CLIError) -> String {
        try InputFile.read(path, format: DocumentFormat(path: path))
    }
}
