import ArgumentParser
import Foundation
import OKRCore
import OKRStore

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the sets in the store (latest versions).")

    @Option(help: "Only this team's sets.") var team: String?
    @Option(help: ArgumentHelp("Only sets for this cycle, such as Q3-2026 or 'Q3 2026'.", valueName: "cycle")) var timeframe: String?
    @Option(help: "text or json.") var format: ReportFormat = .text
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        var label: String?
        if let timeframe {
            do {
                label = try Timeframe.parse(timeframe.replacingOccurrences(of: "-", with: " "), reference: try Clock.today()).label
            } catch let error as TimeframeError {
                throw ValidationError("--timeframe: \(error.description)")
            }
        }
        let store = try storeOptions.open()
        let sets = try storeCall { () throws(StoreError) in try store.list(team: team, timeframe: label) }
        if format == .json {
            print(JSONOutput.text(StoreJSON.list(sets, store: store.database.displayName)))
            return
        }
        if sets.isEmpty {
            print("No sets in \(store.database.displayName)" + (team != nil || label != nil ? " match." : " yet."))
            return
        }
        // Names, teams and authors come from a store others write to: cleaned before they are measured or shown.
        let names = sets.map { TerminalSafe.clean($0.name) }
        let width = names.map(\.count).max() ?? 0
        for (set, name) in zip(sets, names) {
            let details = TerminalSafe.clean([set.timeframe, set.team].compactMap { $0 }.joined(separator: ", "))
            let padded = name.padding(toLength: width, withPad: " ", startingAt: 0)
            var line = "\(padded)  v\(set.latestVersion)  "
                + "\(details.isEmpty ? "" : details + "  ")saved by \(TerminalSafe.clean(set.savedBy)) at \(TerminalSafe.clean(set.savedAt))"
            // On a terminal, wrapped at its width between words, under the columns after the name.
            if isatty(STDOUT_FILENO) == 1 { line = TextWrap.wrap(line, width: CoachRenderer.currentWidth()) }
            print(Terminal.bold(padded) + line.dropFirst(padded.count))
        }
    }
}
