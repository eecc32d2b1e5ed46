import ArgumentParser
import Foundation
import LineEditor
import OKRCore

struct CoachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coach",
        abstract: "Write an OKR set with the coach (the default when okr is run with no command)."
    )

    @OptionGroup var ruleOptions: RuleOptions

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
                    do {
                        let file = try SetFiles.save(set, in: folder.sets)
                        let saved = coach.saved(to: file.path, in: state)
                        state = saved.state
                        show(saved.messages)
                    } catch {
                        show([.problem("Could not save the set (\(error)). Your draft is kept and offered back next time."),
                              coach.question(in: state)])
                    }
                case .load(let path):
                    do {
                        let set = try SetFiles.load(path, savedIn: folder.sets, reference: coach.reference)
                        let loaded = coach.loaded(set, from: path, into: state)
                        state = loaded.state
                        show(loaded.messages)
                    } catch {
                        let reason = (error as? CLIError).map(Self.reason) ?? "\(error)"
                        show([.problem("Could not load \(path): \(reason)"), coach.question(in: state)])
                    }
                case .quit(let discard):
                    if discard || state.phase == .finished && !state.unsaved { autosave.discard() } else { try? autosave.save(state) }
                    break session
                }
            }
            persist(state, autosave)
            if input == .endOfInput, !editor.interactive { break }
        }
    }

    private static func reason(_ error: CLIError) -> String {
        if case .unreadable(_, let reason) = error { return reason }
        return error.description
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
