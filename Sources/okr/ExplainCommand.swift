import ArgumentParser
import OKRCore

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: why it matters, the question to ask yourself, and examples.",
        discussion: "With no rule id, lists the rules grouped by what they look at."
    )

    @Argument(help: ArgumentHelp("The rule to explain, such as kr-is-task.", valueName: "rule-id"))
    var ruleID: String?

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let rules = try ruleOptions.ruleSet()
        guard let ruleID else {
            for target in [RuleTarget.kr, .objective, .set] {
                let group = rules.rules.filter { $0.target == target }
                guard !group.isEmpty else { continue }
                print(Terminal.bold(RuleText.targetHeading(target)))
                for rule in group { print(Terminal.safe("  \(rule.id): \(rule.message)")) }
            }
            print("\nRun 'okr explain RULE-ID' for one rule in full.")
            return
        }
        guard let rule = rules.rule(ruleID) else {
            throw CLIError.unknownRule(ruleID, suggestion: Suggestion.closest(to: ruleID, among: rules.ids))
        }
        // A rule from a --rules file may hold escape codes: those are removed (and the bold with them).
        let plain = RuleText.explanation(of: rule)
        let safe = Terminal.safe(plain)
        print(safe == plain ? RuleText.explanation(of: rule, emphasis: Terminal.bold) : safe, terminator: "")
    }
}
