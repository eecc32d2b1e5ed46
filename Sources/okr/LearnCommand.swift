import ArgumentParser
import Foundation
import LineEditor
import OKRCore

struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "A short course on writing OKRs; the rule engine judges every exercise.")

    @Argument(help: ArgumentHelp("Start at this lesson (default: the first one not finished).", valueName: "lesson"))
    var lesson: Int?

    @Flag(help: "List the lessons, marking those finished.")
    var list = false

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let rules = try ruleOptions.ruleSet()
        let lessons: [Lesson]
        do throws(RuleFileError) {
            lessons = try LessonLoader.builtIn(knownRules: Set(rules.ids))
        } catch {
            throw CLIError.rules(error)
        }
        let course = Course(lessons: lessons, engine: Engine(ruleSet: rules))
        let folder = DataFolder.current()
        let progressFile = folder.url.appendingPathComponent("learn.json")
        let saved = (try? Data(contentsOf: progressFile)).flatMap { try? JSONDecoder().decode(Course.State.self, from: $0) }
        let completed = saved?.completed ?? []
        if list {
            print(course.listing(completed: completed))
            return
        }
        if let lesson, !lessons.contains(where: { $0.number == lesson }) {
            throw ValidationError("there is no lesson \(lesson); okr learn --list shows them")
        }

        var editor: any LineEditor = isatty(STDIN_FILENO) == 1 ? ReadlineLineEditor(historyPath: folder.history.path) : PlainLineEditor()
        let ruleIDs = rules.ids
        editor.setCompletions { before in
            if before.hasPrefix("/explain ") { return ruleIDs }
            return before.isEmpty ? Course.commands : []
        }
        var reply = course.start(lesson: lesson, completed: completed)
        show(reply.messages)
        while !reply.quit {
            switch editor.read(prompt: editor.interactive ? Terminal.promptMarker("> ") : "") {
            case .line(let line): reply = course.reply(to: line, in: reply.state)
            case .interrupted: continue
            case .endOfInput: reply = course.reply(to: "/quit", in: reply.state)
            }
            show(reply.messages)
            // SetProgress is kept after every answer, so a lesson finished is never lost.
            try? FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
            try? JSONEncoder().encode(reply.state).write(to: progressFile, options: .atomic)
        }
    }

    private func show(_ messages: [CoachMessage]) {
        for message in messages { print(CoachRenderer.render(message)) }
    }
}
