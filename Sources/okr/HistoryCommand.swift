import ArgumentParser
import OKRCore
import OKRStore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List every saved version of a set.")

    @Argument(help: ArgumentHelp("The set's name.", valueName: "set"), completion: SetIDCompletion.kind) var name: String
    @Flag(help: "Show what changed from each version to the next.") var diff = false
    @Option(help: "text or json.") var format: ReportFormat = .text
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let raw = try storeCall { () throws(StoreError) in try store.history(name) }
        let changes = diff ? try VersionChanges.load(name, versions: raw, store: store) : [:]
        if format == .json {
            print(JSONOutput.text(StoreJSON.history(name, versions: raw, changes: diff ? changes : nil)))
            return
        }
        // Authors and times come from a store others write to: cleaned before they are measured or shown.
        let versions = raw.map { v in
            var v = v
            v.author = TerminalSafe.clean(v.author)
            v.savedAt = TerminalSafe.clean(v.savedAt)
            return v
        }
        let authorWidth = max(6, versions.map(\.author.count).max() ?? 0)
        print("version  saved at              " + "by".padding(toLength: authorWidth, withPad: " ", startingAt: 0) + "  from  objectives  key results  findings")
        for v in versions {
            let base = v.baseVersion.map { "v\($0)" } ?? "-"
            print("v\(v.version)".padding(toLength: 7, withPad: " ", startingAt: 0) + "  "
                  + v.savedAt.padding(toLength: 20, withPad: " ", startingAt: 0) + "  "
                  + v.author.padding(toLength: authorWidth, withPad: " ", startingAt: 0) + "  "
                  + base.padding(toLength: 4, withPad: " ", startingAt: 0) + "  "
                  + "\(v.objectiveCount)".padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
                  + "\(v.keyResultCount)".padding(toLength: 11, withPad: " ", startingAt: 0) + "  \(v.findingCount)")
            if let changed = changes[v.version] {
                for change in changed.isEmpty ? ["(no change to the set's text)"] : changed { print("         " + TerminalSafe.clean(change)) }
            }
        }
    }
}
