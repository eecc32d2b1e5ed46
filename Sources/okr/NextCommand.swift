import ArgumentParser
import Foundation
import OKRCore
import OKRStore

struct NextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "next",
        abstract: "Plan the following cycle from a graded set: keep, raise, drop or demote each key result, elevate KPIs that slipped.",
        discussion: """
            The new set is saved to the store as version 1 of its own id, linked to the set it came from; \
            'okr' then '/load ID' goes on writing it in the coach. Stopping halfway keeps the answers: \
            run the command again to pick up where you stopped (--restart starts over).
            """)

    @Argument(help: ArgumentHelp("The set to plan from.", valueName: "set")) var name: String
    @Flag(help: "Start over, forgetting an unfinished plan for this set.") var restart = false
    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup var storeOptions: StoreOptions

    /// The answers so far, kept in the data folder between runs.
    struct Autosave: Codable {
        var format = 1
        var set: String
        var version: Int
        var state: NextCycle.State
    }

    func run() throws {
        let engine = Engine(ruleSet: try ruleOptions.ruleSet())
        let store = try storeOptions.open()
        let context = try SetContext.load(name, from: store)
        let folder = DataFolder.current()
        let autosaveFile = folder.url.appendingPathComponent("next").appendingPathComponent(SetFiles.slug(name) + ".json")
        let conversation = NextCycle(previous: context.set, progress: context.progress, grade: context.grade, reference: try Clock.today())
        var editor = Conversation.editor(folder)

        var reply = conversation.start()
        if restart {
            try? FileManager.default.removeItem(at: autosaveFile)
        } else if let saved = try Self.readAutosave(autosaveFile), saved.set == context.name, saved.version == context.stored.version {
            reply = conversation.resume(saved.state)
        }
        while true {
            let state = reply.state
            Conversation.show(reply.messages)
            for effect in reply.effects {
                switch effect {
                case .save(let draft):
                    try? FileManager.default.removeItem(at: autosaveFile)
                    save(draft, from: context, engine: engine, store: store, folder: folder)
                    return
                case .quit(let keep):
                    if keep { Self.writeAutosave(Autosave(set: context.name, version: context.stored.version, state: state), to: autosaveFile) }
                    else { try? FileManager.default.removeItem(at: autosaveFile) }
                    return
                }
            }
            Self.writeAutosave(Autosave(set: context.name, version: context.stored.version, state: state), to: autosaveFile)
            var input = editor.read(prompt: Conversation.prompt(editor))
            while input == .interrupted { input = editor.read(prompt: Conversation.prompt(editor)) }
            if case .line(let line) = input { reply = conversation.reply(to: line, in: state) } else { reply = conversation.endOfInput(in: state) }
        }
    }

    /// Saves the new set as version 1 of its own id, linked to the one it came from. If that id is
    /// taken or the store fails, the draft goes to a Markdown file that `okr import` reads.
    private func save(_ draft: OKRSet, from context: SetContext, engine: Engine, store: SetStore, folder: DataFolder) {
        let findings = engine.check(draft)
        let id = SetIDs.id(for: draft)
        do {
            let info = try storeCall { () throws(StoreError) in
                try store.save(draft, findings: findings, author: StoreOptions.author, base: nil, name: id,
                               origin: SetOrigin(set: context.name, version: context.stored.version))
            }
            print("Saved \(info.name) as version 1 in \(store.database.displayName), planned from \(context.name) version \(context.stored.version).")
            if !findings.isEmpty {
                print("The coach has \(findings.count) finding\(findings.count == 1 ? "" : "s") on it ('okr show \(info.name)' lists them).")
            }
            print("To go on writing it in the coach: run okr, then /load \(info.name)")
        } catch {
            var problem = error.description
            if case .store(.conflict) = error { problem = "okr: a set '\(id)' is already in the store" }
            let file = folder.sets.appendingPathComponent(id + ".md")
            do {
                try FileManager.default.createDirectory(at: folder.sets, withIntermediateDirectories: true)
                try MarkdownWriter.write(draft, reference: (try? Clock.today()) ?? CalendarDay(year: 2000, month: 1, day: 1))
                    .write(to: file, atomically: true, encoding: .utf8)
                Conversation.show([.problem("Not saved: \(problem). The draft is in \(file.path); 'okr import \(file.path) --as NEW-ID' saves it under another id.")])
            } catch let writeError {
                Conversation.show([.problem("Not saved: \(problem), and the copy to \(file.path) failed too (\(writeError)). Here is the draft:")])
                print(MarkdownWriter.write(draft, reference: CalendarDay(year: 2000, month: 1, day: 1)), terminator: "")
            }
        }
    }

    /// An autosave that cannot be read is set aside with a message, never silently dropped.
    static func readAutosave(_ file: URL) throws -> Autosave? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do {
            return try JSONDecoder().decode(Autosave.self, from: Data(contentsOf: file))
        } catch {
            let aside = file.appendingPathExtension("unreadable")
            try? FileManager.default.removeItem(at: aside)
            try FileManager.default.moveItem(at: file, to: aside)
            Terminal.standardError("okr: could not read the unfinished plan (\(error)); it is kept as \(aside.path). Starting over.")
            return nil
        }
    }

    static func writeAutosave(_ autosave: Autosave, to file: URL) {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try JSONEncoder().encode(autosave).write(to: file, options: .atomic)
        } catch {
            Terminal.standardError("okr: could not keep your answers in \(file.path): \(error)")
        }
    }
}
