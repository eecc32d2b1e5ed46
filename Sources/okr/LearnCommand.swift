import ArgumentParser
import Foundation
import LineEditor
import OKRCore

struct LearnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "learn",
        abstract: "A short course on writing OKRs; the same checks as okr check judge every exercise.")

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
        let course = Course(lessons: lessons, engine: Engine(ruleSet: rules), reference: try Clock.today())
        let folder = DataFolder.current()
        let progress = CourseProgress(file: folder.url.appendingPathComponent("learn.json"))
        let completed = progress.load()?.completed ?? []
        if list {
            print(course.listing(completed: completed))
            return
        }
        if let lesson, !lessons.contains(where: { $0.number == lesson }) {
            throw ValidationError("there is no lesson \(lesson); okr learn --list shows them")
        }

        var editor: any LineEditor = isatty(STDIN_FILENO) == 1
            ? ReadlineLineEditor(historyPath: folder.history.path)
            : PlainLineEditor(clean: TerminalSafe.clean)
        let ruleIDs = rules.ids
        // Whole lines, as the editor completes them: the course's commands, rule ids after /explain.
        editor.setCompletions { line in
            if line.lowercased().hasPrefix("/explain ") { return ruleIDs.map { "/explain " + $0 }.filter { $0.hasPrefix(line) } }
            return line.contains(" ") ? [] : Course.commands.filter { $0.hasPrefix(line.lowercased()) }
        }
        var reply = course.start(lesson: lesson, completed: completed)
        show(reply.messages)
        while !reply.quit {
            switch editor.read(prompt: editor.interactive ? Terminal.promptMarker("> ") : "") {
            case .line(let line): reply = course.reply(to: line, in: reply.state)
            case .interrupted: continue
            case .endOfInput: reply = course.reply(to: "/quit", in: reply.state)
            }
            // Progress is kept after every answer, before it is shown, so a lesson finished is never lost.
            progress.save(reply.state)
            show(reply.messages)
        }
    }

    private func show(_ messages: [CoachMessage]) {
        CoachRenderer(width: CoachRenderer.currentWidth(), showsRuleIDs: false).show(messages)
    }
}

/// The course's progress file. One that cannot be read is moved aside with a message, never
/// silently replaced.
struct CourseProgress {
    let file: URL

    func load() -> Course.State? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do {
            return try JSONDecoder().decode(Course.State.self, from: Data(contentsOf: file))
        } catch {
            let aside = file.deletingPathExtension().appendingPathExtension("unreadable-\(Int(Date().timeIntervalSince1970)).json")
            do {
                try FileManager.default.moveItem(at: file, to: aside)
                Terminal.standardError("okr: your course progress could not be read (\(error.localizedDescription)); it is kept at \(aside.path), and the course starts afresh.")
            } catch let moveError {
                Terminal.standardError("okr: your course progress in \(file.path) could not be read (\(error.localizedDescription)) nor moved aside (\(moveError.localizedDescription)).")
            }
            return nil
        }
    }

    func save(_ state: Course.State) {
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try JSONEncoder().encode(state).write(to: file, options: .atomic)
        } catch {
            Terminal.standardError("okr: could not keep your course progress in \(file.path): \(error.localizedDescription)")
        }
    }
}
