import ArgumentParser
import Foundation
import OKRCore
import OKRStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Check an OKR document, then save it to the store as the set's next version.")

    @Argument(help: ArgumentHelp("The document: Markdown, YAML or JSON.", valueName: "file")) var file: String
    @Option(help: "Save under this name instead of one made from the title.") var name: String?
    @Option(help: "The version this document was edited from (default: the latest, read now).") var base: Int?
    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let engine = Engine(ruleSet: try ruleOptions.ruleSet())
        let text = try RuleOptions.text(file)
        let set: OKRSet
        do {
            set = try DocumentReader.read(text, file: file, format: DocumentFormat(path: file), reference: try Clock.today())
        } catch let error as DocumentError {
            throw CLIError.document(error)
        }
        var report = CheckReport()
        report.add(file: file, findings: engine.check(set))
        print(report.text(), terminator: "")

        let store = try storeOptions.open()
        let setName = name ?? SetStore.name(for: set)
        let baseVersion = try base ?? storeCall { () throws(StoreError) -> Int? in
            do throws(StoreError) {
                return try store.history(setName).last?.version
            } catch {
                if case .notFound = error { return nil }
                throw error
            }
        }
        let findings = report.entries.map(\.finding)
        let info = try storeCall { () throws(StoreError) in
            try store.save(set, findings: findings, author: StoreOptions.author, base: baseVersion, name: setName)
        }
        print("Saved \(info.name) as version \(info.version) in \(store.database.displayName).")
    }
}
