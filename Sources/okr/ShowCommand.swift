import ArgumentParser
import OKRCore
import OKRStore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a stored set and the findings it was saved with.")

    @Argument(help: ArgumentHelp("The set's name, as 'okr list' shows it.", valueName: "set"), completion: SetIDCompletion.kind) var name: String
    @Option(help: "A version other than the latest.") var version: Int?
    @Option(help: "text or json.") var format: ReportFormat = .text
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let stored = try storeCall { () throws(StoreError) in try store.load(name, version: version) }
        if format == .json {
            let origin = try storeCall { () throws(StoreError) in try store.origin(of: name) }
            print(JSONOutput.text(StoreJSON.show(stored, origin: origin)))
            return
        }
        // Everything here came from a store others write to: no escape codes reach the screen.
        print(Terminal.dim(Terminal.safe("\(stored.name) version \(stored.version), saved by \(stored.author) at \(stored.savedAt)")))
        print(Terminal.safe(MarkdownWriter.write(stored.set, reference: try Clock.today())), terminator: "")
        if !stored.findings.isEmpty {
            print("\nSaved with \(stored.findings.count) finding\(stored.findings.count == 1 ? "" : "s"):")
            for finding in stored.findings {
                print(Terminal.safe("  \(finding.severity.rawValue): \(finding.message) [\(finding.rule)]: \(finding.subject)"))
            }
        }
    }
}
