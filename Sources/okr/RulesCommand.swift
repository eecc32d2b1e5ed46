import ArgumentParser
import OKRCore

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List the rules in force.")

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let rules = try ruleOptions.ruleSet().rules
        let width = rules.map(\.id.count).max() ?? 0
        for rule in rules {
            let id = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
            let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            let target = rule.target.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            print("\(Terminal.bold(id))  \(severity)  \(target)  \(TerminalSafe.clean(rule.message))")
        }
    }
}
