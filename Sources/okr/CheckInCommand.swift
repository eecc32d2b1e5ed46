import ArgumentParser
import Foundation
import OKRCore
import OKRStore

struct CheckInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Record where a set's key results and KPIs stand: a value (or done / not done), a confidence from 1 to 10, a note.",
        discussion: """
            With no --kr, walks every key result and KPI in the line editor. With --kr, records one check-in without a \
            conversation: --kr 2 (the set-wide number), --kr 1.2 (objective 1, key result 2) or --kr K1 (the first KPI).
            """)

    @Argument(help: ArgumentHelp("The set's id, as 'okr list' shows it.", valueName: "set")) var name: String
    @Option(help: ArgumentHelp("The key result or KPI: 2, 1.2 or K1.", valueName: "n")) var kr: String?
    @Option(help: ArgumentHelp("Where it stands: a number (44, 44%, $1,200), or done / not-done for a milestone.", valueName: "value"))
    var value: String?
    @Option(help: ArgumentHelp("How confident you are of reaching it, 1 to 10.", valueName: "1-10")) var confidence: String?
    @Option(help: "A note to keep with the check-in.") var note: String?
    @OptionGroup var storeOptions: StoreOptions

    mutating func validate() throws {
        if kr == nil, value != nil || confidence != nil || note != nil {
            throw ValidationError("--value, --confidence and --note need --kr to say which key result they are for")
        }
        if kr != nil, value == nil, confidence == nil, note == nil {
            throw ValidationError("--kr needs --value, --confidence or --note to record")
        }
    }

    func run() throws {
        let store = try storeOptions.open()
        let context = try SetContext.load(name, from: store)
        if let kr {
            try recordOne(kr, context: context, store: store)
        } else {
            try converse(context: context, store: store)
        }
    }

    /// `--kr N --value V`: one check-in, checked like the conversation checks it.
    private func recordOne(_ reference: String, context: SetContext, store: SetStore) throws {
        let set = context.set
        let item: SetItem
        do {
            item = try SetItem.find(reference, in: set)
        } catch {
            throw CLIError.input("\(context.name): \(error.description)")
        }
        let text = item.text(in: set) ?? ""
        var checkIn = CheckIn(item: item, text: text, note: note, author: StoreOptions.author, setVersion: context.stored.version)
        let session = CheckInSession(set: set, setVersion: context.stored.version, history: context.checkIns)
        do {
            if let value { (checkIn.value, checkIn.done) = try session.reading(value, for: item) }
            if let confidence { checkIn.confidence = try CheckInInput.confidence(confidence) }
        } catch {
            throw CLIError.input("\(context.name) \(item.label(in: set)) (\(SetContext.safe(text))): \(error.description); nothing recorded")
        }
        _ = try storeCall { () throws(StoreError) in try store.addCheckIns([checkIn], to: context.name) }
        print("Recorded \(item.label(in: set)) of \(context.name): \(session.outcome(of: checkIn)).")
    }

    /// The conversation: each check-in is stored the moment its line is answered. If the store
    /// fails, the answers are printed as the command that records them, so nothing typed is lost.
    private func converse(context: SetContext, store: SetStore) throws {
        let folder = DataFolder.current()
        var editor = Conversation.editor(folder)
        let session = CheckInSession(set: context.set, setVersion: context.stored.version, history: context.checkIns)
        var reply = session.start()
        var failed: [CheckIn] = []
        while true {
            let state = reply.state
            Conversation.show(reply.messages)
            var finished = false
            for effect in reply.effects {
                switch effect {
                case .record(var checkIn):
                    checkIn.author = StoreOptions.author
                    do {
                        _ = try storeCall { () throws(StoreError) in try store.addCheckIns([checkIn], to: context.name) }
                    } catch {
                        Conversation.show([.problem("Not recorded: \(error.description)")])
                        failed.append(checkIn)
                    }
                case .finish:
                    finished = true
                }
            }
            if finished { break }
            var input = editor.read(prompt: Conversation.prompt(editor))
            while input == .interrupted { input = editor.read(prompt: Conversation.prompt(editor)) }
            if case .line(let line) = input { reply = session.reply(to: line, in: state) } else { reply = session.endOfInput(in: state) }
        }
        guard failed.isEmpty else {
            Terminal.standardError("okr: \(failed.count) check-in\(failed.count == 1 ? " was" : "s were") not recorded; to record them later, run:")
            for checkIn in failed { Terminal.standardError("  " + command(for: checkIn, in: context)) }
            throw ExitCode(2)
        }
    }

    private func command(for checkIn: CheckIn, in context: SetContext) -> String {
        var parts = ["okr", "checkin", context.name, "--kr", checkIn.item.label(in: context.set)]
        if let value = checkIn.value { parts += ["--value", CheckInInput.format(value)] }
        if let done = checkIn.done { parts += ["--value", done ? "done" : "not-done"] }
        if let confidence = checkIn.confidence { parts += ["--confidence", String(confidence)] }
        if let note = checkIn.note { parts += ["--note", "'" + note.replacingOccurrences(of: "'", with: "'\\''") + "'"] }
        return parts.joined(separator: " ")
    }
}
