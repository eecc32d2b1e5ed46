import ArgumentParser
import Foundation
import LineEditor
import OKRCore
import OKRStore

struct CoachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coach",
        abstract: "Write an OKR set with the coach (the default when okr is run with no command)."
    )

    @OptionGroup var ruleOptions: RuleOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let rules = try ruleOptions.ruleSet()
        let coach = Coach(engine: Engine(ruleSet: rules), reference: try Clock.today())
        let folder = DataFolder.current()
        try? folder.ensureExists()
        let autosave = DraftAutosave(file: folder.draft)
        var editor: any LineEditor = isatty(STDIN_FILENO) == 1
            ? ReadlineLineEditor(historyPath: folder.history.path)
            : PlainLineEditor()
        let ruleIDs = rules.ids
        editor.setCompletions { before in
            if before.hasPrefix("/explain ") { return ruleIDs }
            return before.isEmpty ? Coach.commands : []
        }

        var reply = coach.start(resuming: autosave.load())
        var state = reply.state
        show(reply.messages)
        session: while true {
            let input = editor.read(prompt: editor.interactive ? Terminal.promptMarker("> ") : "")
            switch input {
            case .line(let line): reply = coach.reply(to: line, in: state)
            case .interrupted: continue
            case .endOfInput: reply = coach.endOfInput(in: state, interactive: editor.interactive)
            }
            var pending = reply.effects
            state = reply.state
            show(reply.messages)
            while !pending.isEmpty {
                let effect = pending.removeFirst()
                switch effect {
                case .save(let set):
                    let reply = save(set, in: state, coach: coach, folder: folder)
                    state = reply.state
                    show(reply.messages)
                case .load(let what):
                    let reply = load(what, into: state, coach: coach, folder: folder)
                    state = reply.state
                    show(reply.messages)
                case .quit(let discard):
                    if discard || state.phase == .finished && !state.unsaved { autosave.discard() } else { try? autosave.save(state) }
                    break session
                }
            }
            persist(state, autosave)
            if input == .endOfInput, !editor.interactive { break }
        }
    }

    /// Saves to the store. If the store is down or someone saved first, nothing is lost: the set
    /// is also written to a file and the draft stays autosaved.
    private func save(_ set: OKRSet, in state: CoachState, coach: Coach, folder: DataFolder) -> Coach.Reply {
        let findings = coach.engine.check(set)
        do {
            let store = try storeOptions.open()
            // Findings that need the store (stale-okr, missing-parent) are shown and saved too.
            var cycle = try CycleFindings(store: store)
            let history = try cycle.findings(for: set, id: state.storedName)
            let info = try storeCall { () throws(StoreError) in
                try store.save(set, findings: findings + history, author: StoreOptions.author, base: state.baseVersion, name: state.storedName)
            }
            var reply = coach.saved(as: info.name, version: info.version, in: store.database.displayName, state: state)
            reply.messages.insert(contentsOf: history.map(CoachMessage.finding), at: 0)
            return reply
        } catch {
            let kept = (try? SetFiles.save(set, in: folder.sets)).map { " A copy is in \($0.path)," } ?? ""
            var failed = state
            failed.phase = state.phase == .finished ? .nextStep : state.phase
            return Coach.Reply(failed, [.problem("Not saved: \(Self.reason(error)).\(kept) and your draft is kept."), coach.question(in: failed)])
        }
    }

    /// Loads a set from a file path if there is one, else by name from the store.
    private func load(_ what: String, into state: CoachState, coach: Coach, folder: DataFolder) -> Coach.Reply {
        if FileManager.default.fileExists(atPath: what) {
            do {
                let set = try SetFiles.load(what, savedIn: folder.sets, reference: coach.reference)
                return coach.loaded(set, from: what, into: state)
            } catch {
                return Coach.Reply(state, [.problem("Could not load \(what): \(Self.reason(error))"), coach.question(in: state)])
            }
        }
        do {
            let store = try storeOptions.open()
            let stored = try storeCall { () throws(StoreError) in try store.load(what) }
            return coach.loaded(stored.set, from: "\(stored.name) version \(stored.version)", storedName: stored.name, version: stored.version, into: state)
        } catch {
            return Coach.Reply(state, [.problem("Could not load \(what): \(Self.reason(error))"), coach.question(in: state)])
        }
    }

    private static func reason(_ error: Error) -> String {
        guard let error = error as? CLIError else { return "\(error)" }
        return reason(error)
    }

    private static func reason(_ error: CLIError) -> String {
        switch error {
        case .unreadable(_, let reason): return reason
        case .store(let error): return error.description
        default: return error.description
        }
    }

    private func persist(_ state: CoachState, _ autosave: DraftAutosave) {
        if state.phase == .finished, !state.unsaved {
            autosave.discard()
            return
        }
        guard state.hasWork else { return }
        do {
            try autosave.save(state)
        } catch {
            Terminal.standardError("okr: could not autosave the draft to \(autosave.file.path): \(error)")
        }
    }

    private func show(_ messages: [CoachMessage]) {
        for message in messages { print(CoachRenderer.render(message)) }
    }
}
