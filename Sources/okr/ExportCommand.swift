import ArgumentParser
import OKRCore
import OKRStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print a stored set as Markdown, YAML or JSON (each reads back with 'okr check').")

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, yaml, json }

    @Argument(help: ArgumentHelp("The set's name.", valueName: "set")) var name: String
    @Option(help: "md, yaml or json.") var format: Format = .md
    @Option(help: "A version other than the latest.") var version: Int?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let set = try storeCall { () throws(StoreError) in try store.load(name, version: version) }.set
        switch format {
        case .md: print(MarkdownWriter.write(set, reference: try Clock.today()), terminator: "")
        case .yaml: print(StructuredWriter.yaml(set), terminator: "")
        case .json: print(StructuredWriter.json(set), terminator: "")
        }
    }
}
