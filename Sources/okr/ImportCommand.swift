import ArgumentParser
import Foundation
import OKRCore
import OKRStore

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Check an OKR document, then save it to the store as the next version of its set.",
        discussion: """
            A set is known by its id, made from its team, cycle and title. A document that matches an existing id but \
            belongs to another team, or would replace every objective of the stored set, is not saved without asking \
            (--new-version or --as NEW-ID say it up front; without a terminal and without either, it is refused with \
            exit status 2). Importing a document the set already holds saves nothing.
            """)

    @Argument(help: ArgumentHelp("The document: Markdown, YAML or JSON.", valueName: "file")) var file: String
    @Option(name: [.customLong("as"), .customLong("name")], help: ArgumentHelp("Save under this id instead of the one made from the document.", valueName: "id"))
    var id: String?
    @Flag(help: "Save as the next version of the set with this id even if it belongs to another team or shares no objective with it.")
    var newVersion = false
    @Option(help: "The version this document was edited from (default: the latest, read now).") var base: Int?
    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup var storeOptions: StoreOptions

    mutating func validate() throws {
        if let id, id.isEmpty || !id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) || id.hasPrefix("-") {
            throw ValidationError("--as '\(id)': an id is lower-case letters, digits and '-', like finance-q1-2027")
        }
    }

    func run() throws {
        let engine = Engine(ruleSet: try ruleOptions.ruleSet())
        let text = try RuleOptions.text(file)
        let set: OKRSet
        do {
            set = try DocumentReader.read(text, file: file, format: DocumentFormat(path: file), reference: try Clock.today())
        } catch let error as DocumentError {
            throw CLIError.document(error)
        }
        let store = try storeOptions.open()
        var setID = try id ?? SetIDs.resolve(set, in: store)
        var cycle = try CycleFindings(store: store)
        var report = CheckReport()
        report.add(file: file, findings: CycleFindings.merge(engine.check(set), try cycle.findings(for: set, id: setID)))
        print(report.text(), terminator: "")

        var latest: StoredSet?
        while true {
            latest = try SetIDs.stored(setID, in: store)
            guard let existing = latest else { break }
            if SetDiff.changes(from: existing.set, to: set).isEmpty {
                print("Unchanged: \(setID) version \(existing.version) already holds this document; nothing saved.")
                return
            }
            let doubts = Self.doubts(about: set, replacing: existing)
            if doubts.isEmpty || newVersion { break }
            guard isatty(STDIN_FILENO) == 1 else {
                throw CLIError.input("'\(setID)' is already in the store and \(doubts.joined(separator: ", and ")); not saved. "
                                     + "Use --as NEW-ID to save it as a separate set, or --new-version to make it version \(existing.version + 1) of '\(setID)'.")
            }
            print("'\(setID)' is already in the store and \(doubts.joined(separator: ", and ")).")
            print(Terminal.bold("Save it as version \(existing.version + 1) of '\(setID)' anyway? (yes / no / a new id for a separate set)"), terminator: " ")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces) ?? ""
            switch answer.lowercased() {
            case "y", "yes": break
            case "", "n", "no":
                print("Nothing saved.")
                return
            default:
                guard answer.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
                    throw CLIError.input("'\(answer)' is not an id (lower-case letters, digits and '-'); nothing saved")
                }
                setID = answer
                continue
            }
            break
        }
        let baseVersion = base ?? latest?.version
        let findings = report.entries.map(\.finding)
        let info = try storeCall { () throws(StoreError) in
            try store.save(set, findings: findings, author: StoreOptions.author, base: baseVersion, name: setID)
        }
        print("Saved \(info.name) as version \(info.version) in \(store.database.displayName).")
    }

    /// Why saving `set` over `existing` might not be what the user meant.
    static func doubts(about set: OKRSet, replacing existing: StoredSet) -> [String] {
        var doubts: [String] = []
        func team(_ s: OKRSet) -> String? { s.team?.trimmingCharacters(in: .whitespaces).lowercased() }
        if team(set) != team(existing.set) {
            let theirs = existing.set.team.map { "belongs to team \(SetContext.safe($0))" } ?? "has no team"
            let mine = set.team.map { "this document is team \(SetContext.safe($0))'s" } ?? "this document names no team"
            doubts.append("\(theirs), while \(mine)")
        }
        if !existing.set.objectives.isEmpty, SetDiff.sharedObjectives(existing.set, set) == 0 {
            let n = existing.set.objectives.count
            doubts.append("this document would replace \(n == 1 ? "its objective" : "all \(n) of its objectives")")
        }
        return doubts
    }
}
