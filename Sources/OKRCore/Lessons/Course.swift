import Foundation

/// `okr learn` as a pure function, like the coach: a line in, messages out. Where the learner
/// is (lesson, exercise) and what is done is the Codable state the adapter keeps as progress.
public struct Course: Sendable {
    public let lessons: [Lesson]
    public let judge: ExerciseJudge

    public init(lessons: [Lesson], engine: Engine, reference: CalendarDay) {
        self.lessons = lessons
        self.judge = ExerciseJudge(engine: engine, reference: reference)
    }

    public struct State: Codable, Hashable, Sendable {
        public var lesson: Int
        public var exercise: Int
        public var attempts: Int
        /// Numbers of the lessons finished, kept across sessions.
        public var completed: [Int]
        /// True at the end of a lesson, waiting for "next".
        public var betweenLessons: Bool
        /// What was raised on the last answer, for `/why`.
        public var lastFindings: [Finding]

        public init(lesson: Int = 0, completed: [Int] = []) {
            self.lesson = lesson
            self.exercise = 0
            self.attempts = 0
            self.completed = completed
            self.betweenLessons = false
            self.lastFindings = []
        }

        enum CodingKeys: String, CodingKey {
            case lesson, exercise, attempts, completed, betweenLessons, lastFindings
        }

        // Progress saved by an earlier okr lacks the newer fields; it still reads.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            lesson = try c.decode(Int.self, forKey: .lesson)
            exercise = try c.decode(Int.self, forKey: .exercise)
            attempts = try c.decodeIfPresent(Int.self, forKey: .attempts) ?? 0
            completed = try c.decode([Int].self, forKey: .completed)
            betweenLessons = try c.decodeIfPresent(Bool.self, forKey: .betweenLessons) ?? false
            lastFindings = try c.decodeIfPresent([Finding].self, forKey: .lastFindings) ?? []
        }
    }

    public struct Reply: Sendable {
        public var state: State
        public var messages: [CoachMessage]
        public var quit: Bool
    }

    public static let commands = ["/help", "/hint", "/why", "/skip", "/explain", "/list", "/quit"]

    /// The list `okr learn --list` prints, with a tick for lessons done.
    public func listing(completed: [Int]) -> String {
        lessons.map { "\(completed.contains($0.number) ? "✓" : " ") \($0.number). \($0.title) (\($0.exercises.count) exercise\($0.exercises.count == 1 ? "" : "s"))" }
            .joined(separator: "\n")
    }

    /// Starts at lesson `number`, or at the first lesson not yet done.
    public func start(lesson number: Int?, completed: [Int]) -> Reply {
        let index = number.flatMap { n in lessons.firstIndex { $0.number == n } }
            ?? lessons.firstIndex { !completed.contains($0.number) } ?? 0
        let state = State(lesson: index, completed: completed)
        return Reply(state: state, messages: open(index) + [ask(state)], quit: false)
    }

    public func reply(to rawLine: String, in state: State) -> Reply {
        let line = rawLine.trimmingCharacters(in: .whitespaces)
        if line.hasPrefix("/") { return command(line, in: state) }
        if line.isEmpty, !state.betweenLessons { return Reply(state: state, messages: [ask(state)], quit: false) }
        if state.betweenLessons {
            guard state.lesson + 1 < lessons.count else {
                return Reply(state: state, messages: [.say("That was the last lesson. /list shows them all; /quit leaves.")], quit: false)
            }
            var next = state
            next.lesson += 1
            next.exercise = 0
            next.attempts = 0
            next.betweenLessons = false
            return Reply(state: next, messages: open(next.lesson) + [ask(next)], quit: false)
        }
        guard lessons.indices.contains(state.lesson), lessons[state.lesson].exercises.indices.contains(state.exercise) else {
            return Reply(state: State(completed: state.completed), messages: open(0) + [ask(State(completed: state.completed))], quit: false)
        }
        let exercise = lessons[state.lesson].exercises[state.exercise]
        let verdict = judge.judge(line, for: exercise)
        var judged = state
        judged.lastFindings = verdict.findings
        if verdict.passed { return advance(judged, praise: exercise.goal.map { "Yes: that is \($0)." } ?? "Yes: that line holds up.") }

        var next = judged
        next.attempts += 1
        var messages: [CoachMessage] = [.problem("Not yet.")]
        messages += verdict.unwanted.map(CoachMessage.finding)
        if !verdict.missing.isEmpty {
            if let goal = exercise.goal {
                messages.append(.say("That does not yet read as \(goal)."))
            } else {
                for rule in verdict.missing {
                    let message = judge.engine.ruleSet.rule(rule)?.message ?? rule
                    messages.append(.say("I expected that line to be caught as \"\(message)\", and it was not."))
                }
            }
        }
        messages.append(.say("Hint: \(exercise.hint)"))
        if next.attempts >= 3 { messages.append(.say("(/skip moves on if you would rather come back to this one.)")) }
        messages.append(ask(next))
        return Reply(state: next, messages: messages, quit: false)
    }

    private func advance(_ state: State, praise: String) -> Reply {
        var next = state
        next.attempts = 0
        let lesson = lessons[state.lesson]
        if state.exercise + 1 < lesson.exercises.count {
            next.exercise += 1
            return Reply(state: next, messages: [.say(praise), ask(next)], quit: false)
        }
        if !next.completed.contains(lesson.number) { next.completed.append(lesson.number) }
        next.betweenLessons = true
        let more = state.lesson + 1 < lessons.count
        return Reply(state: next, messages: [
            .say(praise),
            .say("Lesson \(lesson.number) done."),
            .ask(more ? "Press Enter or type 'next' for lesson \(lessons[state.lesson + 1].number), or /quit to stop here." : "That was the last lesson. /quit leaves."),
        ], quit: false)
    }

    private func open(_ index: Int) -> [CoachMessage] {
        let lesson = lessons[index]
        return [.say("Lesson \(lesson.number): \(lesson.title)"), .say(lesson.text)] + example(lesson)
    }

    /// The lesson's sample set as it reads, with what is wrong marked on its lines.
    private func example(_ lesson: Lesson) -> [CoachMessage] {
        guard let name = lesson.example, let file = EmbeddedRules.files.first(where: { $0.path == "examples/" + name }) else { return [] }
        let text = file.text.components(separatedBy: "<!--").first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? file.text
        let set: OKRSet
        do {
            set = try DocumentReader.read(text, file: name, format: .markdown, reference: judge.reference)
        } catch {
            // The samples are checked by their own tests; a broken one is shown with its error.
            return [.problem("The sample set \(name) cannot be read: \(error)")]
        }
        let findings = judge.engine.check(set)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var out = "A whole set to look at (rules/examples/\(name)):\n"
        for (number, line) in lines.enumerated() where !line.isEmpty {
            out += "  \(line)\n"
            for finding in findings where finding.location?.line == number + 1 { out += "      <- \(finding.message)\n" }
        }
        out += findings.isEmpty ? "Nothing to fix in it." : "Each arrow says what is wrong with the line above it."
        return [.say(out)]
    }

    func ask(_ state: State) -> CoachMessage {
        if state.betweenLessons {
            return .ask(state.lesson + 1 < lessons.count ? "Press Enter or type 'next' for the next lesson, or /quit." : "/quit leaves.")
        }
        let lesson = lessons[state.lesson]
        return .ask("Exercise \(state.exercise + 1) of \(lesson.exercises.count): \(lesson.exercises[state.exercise].ask)")
    }

    private func command(_ line: String, in state: State) -> Reply {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        switch parts[0].lowercased() {
        case "/help":
            return Reply(state: state, messages: [.say("""
                Write your answer as one line; the same checks the coach and okr check use judge it.
                /hint      a hint for this exercise
                /why       why your last answer was caught, and what to ask yourself
                /skip      move on without answering
                /list      the lessons, with the ones you finished
                /quit      stop; your progress is kept
                """), ask(state)], quit: false)
        case "/hint":
            guard !state.betweenLessons else { return Reply(state: state, messages: [ask(state)], quit: false) }
            return Reply(state: state, messages: [.say("Hint: \(lessons[state.lesson].exercises[state.exercise].hint)"), ask(state)], quit: false)
        case "/skip":
            guard !state.betweenLessons else { return reply(to: "next", in: state) }
            var next = state
            next.attempts = 0
            if state.exercise + 1 < lessons[state.lesson].exercises.count {
                next.exercise += 1
                return Reply(state: next, messages: [.say("Skipped."), ask(next)], quit: false)
            }
            next.betweenLessons = true
            return Reply(state: next, messages: [.say("Skipped; this lesson stays open in /list."), ask(next)], quit: false)
        case "/list":
            return Reply(state: state, messages: [.say(listing(completed: state.completed)), ask(state)], quit: false)
        case "/why":
            guard !state.lastFindings.isEmpty else {
                return Reply(state: state, messages: [.say("Nothing was caught in your last answer."), ask(state)], quit: false)
            }
            return Reply(state: state, messages: state.lastFindings.map { .finding($0, .full) } + [ask(state)], quit: false)
        case "/explain":
            guard parts.count == 2, let rule = judge.engine.ruleSet.rule(parts[1]) else {
                let names = judge.engine.ruleSet.ids.joined(separator: ", ")
                return Reply(state: state, messages: [.problem("Write /explain and the name of a check: \(names)."), ask(state)], quit: false)
            }
            return Reply(state: state, messages: [.say(RuleText.explanation(of: rule).trimmingCharacters(in: .newlines)), ask(state)], quit: false)
        case "/quit", "/exit":
            return Reply(state: state, messages: [.say("Your progress is kept; okr learn picks up where you stopped.")], quit: true)
        default:
            let hint = Suggestion.closest(to: parts[0].lowercased(), among: Self.commands).map { " Did you mean \($0)?" } ?? ""
            return Reply(state: state, messages: [.problem("I don't know \(parts[0]).\(hint)"), ask(state)], quit: false)
        }
    }
}
