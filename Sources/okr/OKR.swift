import ArgumentParser

struct OKR: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "okr",
        abstract: "A coach for writing OKRs: checks objectives and key results against rules kept as data.",
        version: version,
        subcommands: [CoachCommand.self, CheckCommand.self, RulesCommand.self, ExplainCommand.self,
                      ListCommand.self, ShowCommand.self, LearnCommand.self, HistoryCommand.self, ExportCommand.self, ImportCommand.self, DeleteCommand.self,
                      CheckInCommand.self, StatusCommand.self, GradeCommand.self, NextCommand.self, TreeCommand.self],
        defaultSubcommand: CoachCommand.self
    )
}
