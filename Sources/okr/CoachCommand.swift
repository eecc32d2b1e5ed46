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
        let reference = try Clock.today()
        let coach = Coach(engine: Engine(ruleSet: rules), reference: reference)
        let folder = DataFolder.current()
        let opened = DraftAutosave.open(in: folder.url.appendingPathComponent("drafts"), legacy: folder.draft)
        for note in opened.notes { Terminal.standardError(note) }
        let interactive = isatty(STDIN_FILENO) == 1
        // Piped lines are echoed by the session, in order with the replies it holds back.
        var editor: any LineEditor = interactive
            ? ReadlineLineEditor(historyPath: folder.history.path)
            : PlainLineEditor(echo: false, clean: TerminalSafe.clean)
        let names = StoreNames(storeOptions: storeOptions, ruleIDs: rules.ids)
        editor.setCompletions { line in
            CoachCompletion.candidates(for: line, from: CoachCompletion.needsStore(line) ? names.sources() : CoachCompletion.Sources(ruleIDs: names.ruleIDs))
        }
        let session = Session(coach: coach, autosave: opened.autosave, storeOptions: storeOptions, folder: folder)
        defer { opened.autosave.release() }

        var state = session.handle(coach.start(resuming: opened.draft)).state
        while !session.ended {
            // Before waiting for a person, and every so many piped lines: durable, then shown.
            if !editor.hasPendingInput || session.waiting >= Session.batch { session.flush() }
            let input = editor.read(prompt: editor.interactive ? Terminal.promptMarker("> ") : "")
            switch input {
            case .line(let line):
                if !editor.interactive { session.echo(line) }
                state = session.handle(coach.reply(to: line, in: consume state)).state
            case .interrupted: continue
            case .endOfInput: state = session.handle(coach.endOfInput(in: state, interactive: editor.interactive)).state
            }
        }
        session.flush()
    }
}

/// Runs the coach's replies: autosaves each step before showing it, then does what it asks
/// (save, load, quit) and runs the coach's answer to that the same way.
final class Session {
    let coach: Coach
    let autosave: DraftAutosave
    let storeOptions: StoreOptions
    let folder: DataFolder
    private(set) var ended = false
    /// Replies held back until the steps they acknowledge are fsync'd.
    private var held: [String] = []
    /// Steps written since the last flush.
    private(set) var waiting = 0
    /// At most this many piped steps share one fsync.
    static let batch = 500

    init(coach: Coach, autosave: DraftAutosave, storeOptions: StoreOptions, folder: DataFolder) {
        self.coach = coach
        self.autosave = autosave
        self.storeOptions = storeOptions
        self.folder = folder
    }

    @discardableResult
    func handle(_ first: Coach.Reply) -> Coach.Reply {
        var pending = [first]
        var last = first
        while !pending.isEmpty {
            let reply = pending.removeFirst()
            last = reply
            // A draft kept for later keeps its file: this session writes a new one.
            if reply.effects.contains(.setDraftAside) {
                do {
                    try autosave.setAside()
                } catch {
                    Terminal.standardError("okr: could not finish writing the draft kept for later: \(error)")
                }
            }
            persist(reply)
            let renderer = CoachRenderer(width: CoachRenderer.currentWidth())
            held += reply.messages.map(renderer.render)
            waiting += 1
            for effect in reply.effects {
                switch effect {
                case .save(let set, let name, let base):
                    pending.append(save(set, as: name, base: base, state: reply.state))
                case .load(let what):
                    pending.append(load(what, into: reply.state))
                case .setDraftAside:
                    break
                case .quit(let keepDraft):
                    if keepDraft { flush() } else { autosave.discard() }
                    ended = true
                }
            }
        }
        return last
    }

    /// A piped line, shown as a person would have typed it.
    func echo(_ line: String) {
        held.append("> " + TerminalSafe.clean(line))
    }

    /// Makes the steps so far durable, then shows their replies: nothing is acknowledged on
    /// screen before it is on disk.
    func flush() {
        do {
            try autosave.sync()
        } catch {
            Terminal.standardError("okr: could not autosave the draft: \(error)")
        }
        for text in held { print(text) }
        fflush(nil)
        held.removeAll(keepingCapacity: true)
        waiting = 0
    }

    private func persist(_ reply: Coach.Reply) {
        do {
            try autosave.persist(reply.record, state: reply.state)
        } catch {
            Terminal.standardError("okr: could not autosave the draft: \(error)")
        }
    }

    /// Saves to the store. If the store is down or the id is taken, nothing is lost: the set is
    /// also written as a document, and the draft stays autosaved.
    private func save(_ set: OKRSet, as name: String, base: Int?, state: CoachState) -> Coach.Reply {
        let findings = coach.engine.check(set)
        do {
            let store = try storeOptions.open()
            // Findings that need the store (stale-okr, missing-parent) are shown and saved too.
            var cycle = try CycleFindings(store: store)
            let history = try cycle.findings(for: set, id: name)
            let info = try storeCall { () throws(StoreError) in
                try store.save(set, findings: findings + history, author: StoreOptions.author, base: base, name: name)
            }
            var reply = coach.saved(as: info.name, version: info.version, in: store.database.displayName, state: state)
            reply.messages.insert(contentsOf: history.map(CoachMessage.finding), at: 0)
            return reply
        } catch {
            let rescue = RescueCopy.write(set, id: name, in: folder.sets, reference: coach.reference)
            var conflict = false
            if case CLIError.store(.conflict) = error { conflict = true }
            return coach.saveFailed(reason: Self.reason(error), conflict: conflict, rescue: rescue, state: state)
        }
    }

    /// Loads a set from a file path if there is one, else by id from the store.
    private func load(_ what: String, into state: CoachState) -> Coach.Reply {
        if FileManager.default.fileExists(atPath: what) {
            do {
                let set = try SetFiles.load(what, savedIn: folder.sets, reference: coach.reference)
                return coach.loaded(set, from: what, into: state)
            } catch {
                return coach.loadFailed(what, reason: Self.reason(error), state: state)
            }
        }
        do {
            let store = try storeOptions.open()
            let stored = try storeCall { () throws(StoreError) in try store.load(what) }
            return coach.loaded(stored.set, from: "\(stored.name) version \(stored.version)", stored: (stored.name, stored.version), into: state)
        } catch {
            return coach.loadFailed(what, reason: Self.reason(error), state: state)
        }
    }

    private static func reason(_ error: Error) -> String {
        guard let error = error as? CLIError else { return "\(error)" }
        switch error {
        case .unreadable(_, let reason): return reason
        case .store(let error): return error.description
        default: return error.description
        }
    }
}

/// Names from the store for Tab completion, read once, when a completion first needs them.
final class StoreNames: @unchecked Sendable {
    let storeOptions: StoreOptions
    let ruleIDs: [String]
    private let lock = NSLock()
    private var cached: CoachCompletion.Sources?

    init(storeOptions: StoreOptions, ruleIDs: [String]) {
        self.storeOptions = storeOptions
        self.ruleIDs = ruleIDs
    }

    func sources() -> CoachCompletion.Sources {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        var sources = CoachCompletion.Sources(ruleIDs: ruleIDs)
        // Completion is a convenience: a store that cannot be read offers nothing, and the
        // user finds out why when they save or load.
        do {
            let store = try storeOptions.open()
            let sets = try store.list()
            sources.setIDs = sets.map(\.name)
            sources.teams = Array(Set(sets.compactMap(\.team))).sorted()
            for summary in sets {
                let stored = try store.load(summary.name)
                sources.objectives += stored.set.objectives.map { ParentRef(setID: summary.name, objective: $0.title) }
            }
        } catch {
            // Keep what was read before the failure.
        }
        cached = sources
        return sources
    }
}
