import ArgumentParser
import OKRCore
import OKRStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print a stored set as Markdown, YAML or JSON (each reads back with 'okr check').")

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, yaml, json }

    @Argument(help: ArgumentHelp("The set's name.", valueName: "set"), completion: SetIDCompletion.kind) var name: String
    @Option(help: "md, yaml or json.") var format: Format = .md
    @Option(help: "A version other than the latest.") var version: Int?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let set = try storeCall { () throws(StoreError) in try store.load(name, version: version) }.set
        let text: String
        switch format {
        case .md: text = MarkdownWriter.write(set, reference: try Clock.today())
        case .yaml: text = StructuredWriter.yaml(set)
        case .json: text = StructuredWriter.json(set)
        }
        // Into a file or a pipe the set goes as stored, byte for byte; onto a screen, without the
        // escape codes someone else may have saved in it.
        print(Terminal.standardOutputIsTerminal ? Terminal.safe(text) : text, terminator: "")
    }
}
