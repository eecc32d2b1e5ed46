import Foundation

/// `okr next`: the conversation that turns a graded set into the draft for the following cycle.
/// For each objective: carry it over or not; for each of its key results: keep, raise the bar (a
/// target suggested from where it ended, by the same step again - arithmetic on the set's own
/// numbers, never a number from nowhere), drop, or demote it to a KPI (level, data source and
/// frequency asked as the coach asks them); for each KPI that fell below its level: raise it to a
/// key result, from where it fell back to its level. Pure, like the coach: a line in, replies out.
public struct NextCycle: Sendable {
    public let previous: OKRSet
    public let progress: SetProgress
    public let grade: Grade?
    public let reference: CalendarDay

    public init(previous: OKRSet, progress: SetProgress, grade: Grade?, reference: CalendarDay) {
        self.previous = previous
        self.progress = progress
        self.grade = grade
        self.reference = reference
    }

    public struct State: Codable, Hashable, Sendable {
        public enum Step: Codable, Hashable, Sendable {
            case cycle(suggested: Timeframe?)
            case objective(Int)
            case keyResult(Int, Int)
            case raise(Int, Int, suggestion: String?)
            case kpiTarget(Int, Int, measurement: String, suggestion: String?)
            case kpiSource(Int, Int, measurement: String, target: String)
            case kpiFrequency(Int, Int, measurement: String, target: String, source: String)
            case elevate(Int, Int, line: String)
            case review
            case finished
        }

        public var step: Step
        public var draft: OKRSet
        /// What was decided, line by line, for the closing summary.
        public var decisions: [String]
    }

    public enum Effect: Hashable, Sendable {
        /// Save the draft as the new set, linked to the previous one.
        case save(OKRSet)
        /// Leave; `keep` says whether the answers so far should be kept for a later resume.
        case quit(keep: Bool)
    }

    public struct Reply: Sendable {
        public var state: State
        public var messages: [CoachMessage]
        public var effects: [Effect]

        init(_ state: State, _ messages: [CoachMessage], _ effects: [Effect] = []) {
            self.state = state
            self.messages = messages
            self.effects = effects
        }
    }

    // MARK: - The conversation

    public func start() -> Reply {
        let suggested = previous.timeframe.flatMap(CycleCalendar.following)
        let state = State(step: .cycle(suggested: suggested), draft: OKRSet(title: previous.title, owner: previous.owner, team: previous.team),
                          decisions: [])
        var messages: [CoachMessage] = [.say("Let's plan the cycle after \(previous.timeframe?.label ?? "this one") from \(previous.title).")]
        if let score = grade?.score ?? progress.score {
            messages.append(.say("It " + (grade == nil ? "stands at" : "was graded") + " \(Score.format(score)) overall"
                                 + (grade == nil ? " (not graded yet: these are the latest check-ins)." : ".")))
        }
        messages.append(.say("For each key result: keep it, raise the bar, drop it, or make it a KPI. Type /show for the draft so far, /quit to stop (your answers are kept)."))
        return Reply(state, messages + [question(state)])
    }

    /// Picks up where an unfinished session stopped.
    public func resume(_ state: State) -> Reply {
        Reply(state, [.say("Picking up where you stopped."), .say(DraftListing.text(of: state.draft))] + introduce(state.step, in: state) + [question(state)])
    }

    public func reply(to rawLine: String, in state: State) -> Reply {
        let line = rawLine.trimmingCharacters(in: .whitespaces)
        switch line.lowercased() {
        case "/quit", "/stop":
            return Reply(state, [.say("Stopped. Your answers so far are kept; run okr next again to go on.")], [.quit(keep: true)])
        case "/show":
            return Reply(state, [.say(DraftListing.text(of: state.draft)), question(state)])
        case "/help":
            return Reply(state, [.say("Answer the question, or type /show for the draft so far, /quit to stop and come back later."), question(state)])
        default: break
        }
        var next = state
        switch state.step {
        case .cycle(let suggested):
            let timeframe: Timeframe
            if line.isEmpty, let suggested {
                timeframe = suggested
            } else {
                do {
                    timeframe = try Timeframe.parse(line, reference: reference)
                } catch {
                    return Reply(state, [.problem(line.isEmpty ? "Which cycle? For example Q1 2027." : error.description), question(state)])
                }
            }
            next.draft.timeframe = timeframe
            next.draft.title = CycleCalendar.retitle(previous.title, from: previous.timeframe, to: timeframe)
            return moveTo(objective: 0, in: next, [.say("Next cycle: \(timeframe.label) (\(timeframe.start) to \(timeframe.end)).")])

        case .objective(let o):
            guard let yes = Self.yesOrNo(line) else { return Reply(state, [.problem("Please answer yes or no."), question(state)]) }
            let objective = previous.objectives[o]
            guard yes else {
                next.decisions.append("O\(o + 1) dropped")
                return moveTo(objective: o + 1, in: next, [.say("Dropped O\(o + 1).")])
            }
            next.draft.objectives.append(Objective(title: objective.title, owner: objective.owner, parent: objective.parent))
            return moveTo(keyResult: (o, 0), in: next, [])

        case .keyResult(let o, let k):
            let text = previous.objectives[o].keyResults[k].text
            let label = "\(o + 1).\(k + 1)"
            switch line.lowercased() {
            case "keep", "k":
                next.draft.objectives[next.draft.objectives.count - 1].keyResults.append(KeyResult(text: text))
                next.decisions.append("\(label) kept")
                return moveTo(keyResult: (o, k + 1), in: next, [.say("Kept: \(text)")])
            case "drop", "d":
                next.decisions.append("\(label) dropped")
                return moveTo(keyResult: (o, k + 1), in: next, [.say("Dropped \(label).")])
            case "raise", "r", "raise the bar":
                next.step = .raise(o, k, suggestion: raisedLine(o, k))
                return Reply(next, introduce(next.step, in: next) + [question(next)])
            case "kpi", "demote":
                let measurement = Self.measurement(of: text)
                next.step = .kpiTarget(o, k, measurement: measurement, suggestion: holdLevel(o, k))
                return Reply(next, [.say("Good call: we'll watch it as a KPI beside the objective instead of counting it as a key result."),
                                    question(next)])
            default:
                return Reply(state, [.problem("Please answer keep, raise, drop or kpi."), question(state)])
            }

        case .raise(let o, let k, let suggestion):
            let chosen = line.isEmpty ? suggestion : line
            guard let chosen else { return Reply(state, [.problem("Type the key result as it should read next cycle."), question(state)]) }
            next.draft.objectives[next.draft.objectives.count - 1].keyResults.append(KeyResult(text: chosen))
            next.decisions.append("\(o + 1).\(k + 1) raised")
            return moveTo(keyResult: (o, k + 1), in: next, [.say("Raised: \(chosen)")])

        case .kpiTarget(let o, let k, let measurement, let suggestion):
            let target = line.isEmpty ? suggestion : line
            guard let target else { return Reply(state, [question(state)]) }
            next.step = .kpiSource(o, k, measurement: measurement, target: target)
            return Reply(next, [question(next)])

        case .kpiSource(let o, let k, let measurement, let target):
            guard !line.isEmpty else { return Reply(state, [question(state)]) }
            next.step = .kpiFrequency(o, k, measurement: measurement, target: target, source: line)
            return Reply(next, [question(next)])

        case .kpiFrequency(let o, let k, let measurement, let target, let source):
            guard !line.isEmpty else { return Reply(state, [question(state)]) }
            let frequency = line.lowercased().hasPrefix("every ") ? String(line.dropFirst(6)) : line
            let kpi = KPI(measurement: measurement, target: target, source: source, frequency: frequency)
            next.draft.objectives[next.draft.objectives.count - 1].kpis.append(kpi)
            next.decisions.append("\(o + 1).\(k + 1) demoted to a KPI")
            return moveTo(keyResult: (o, k + 1), in: next, [.say("Kept as a KPI: \(kpi.line)")])

        case .elevate(let o, let k, let krLine):
            guard let yes = Self.yesOrNo(line) else { return Reply(state, [.problem("Please answer yes or no."), question(state)]) }
            let kpi = previous.objectives[o].kpis[k]
            let label = SetItem(.kpi, objective: o, index: k).label(in: previous)
            if yes {
                next.draft.objectives[next.draft.objectives.count - 1].keyResults.append(KeyResult(text: krLine))
                next.decisions.append("\(label) elevated to a key result")
                return moveTo(kpi: (o, k + 1), in: next, [.say("Elevated \(label) to a key result: \(krLine). Once it is back at its level, hand it back as a KPI.")])
            }
            next.draft.objectives[next.draft.objectives.count - 1].kpis.append(kpi)
            next.decisions.append("\(label) kept as a KPI")
            return moveTo(kpi: (o, k + 1), in: next, [.say("Kept as a KPI: \(kpi.line)")])

        case .review:
            guard let yes = Self.yesOrNo(line) else { return Reply(state, [.problem("Please answer yes or no."), question(state)]) }
            next.step = .finished
            if yes { return Reply(next, [], [.save(state.draft)]) }
            return Reply(next, [.say("Not saved; the store is unchanged.")], [.quit(keep: false)])

        case .finished:
            return Reply(state, [], [.quit(keep: false)])
        }
    }

    /// End of input halfway: the answers so far are kept for a resume.
    public func endOfInput(in state: State) -> Reply {
        if state.step == .finished { return Reply(state, [], [.quit(keep: false)]) }
        return Reply(state, [.say("Your answers so far are kept; run okr next again to go on.")], [.quit(keep: true)])
    }

    // MARK: - Moving through the set

    private func moveTo(objective o: Int, in state: State, _ messages: [CoachMessage]) -> Reply {
        var next = state
        guard o < previous.objectives.count else {
            next.step = .review
            var said = messages + [.say("Here is the draft for \(state.draft.timeframe?.label ?? "the next cycle"):"), .say(DraftListing.text(of: next.draft))]
            if next.draft.objectives.isEmpty { said.append(.say("Nothing was carried over: the coach can start the new set from scratch.")) }
            return Reply(next, said + [question(next)])
        }
        next.step = .objective(o)
        return Reply(next, messages + introduce(next.step, in: next) + [question(next)])
    }

    private func moveTo(keyResult position: (Int, Int), in state: State, _ messages: [CoachMessage]) -> Reply {
        let (o, k) = position
        guard k < previous.objectives[o].keyResults.count else { return moveTo(kpi: (o, 0), in: state, messages) }
        var next = state
        next.step = .keyResult(o, k)
        return Reply(next, messages + introduce(next.step, in: next) + [question(next)])
    }

    /// KPIs that held (or were never checked) carry over as they are; one that fell below its
    /// level is offered for elevation.
    private func moveTo(kpi position: (Int, Int), in state: State, _ messages: [CoachMessage]) -> Reply {
        var (o, k) = position
        var next = state
        var said = messages
        let kpis = previous.objectives[o].kpis
        while k < kpis.count {
            let progress = self.progress.objectives[o].kpis[k]
            if let line = elevatedLine(progress) {
                next.step = .elevate(o, k, line: line)
                return Reply(next, said + introduce(next.step, in: next) + [question(next)])
            }
            next.draft.objectives[next.draft.objectives.count - 1].kpis.append(kpis[k])
            let why = progress.holds == true ? "held its level" : "has no check-in below its level"
            said.append(.say("\(progress.label) \(why): kept as a KPI."))
            next.decisions.append("\(progress.label) kept as a KPI")
            k += 1
        }
        return moveTo(objective: o + 1, in: next, said)
    }

    // MARK: - What is shown and asked

    private func introduce(_ step: State.Step, in state: State) -> [CoachMessage] {
        switch step {
        case .objective(let o):
            let objective = previous.objectives[o]
            let score = grade?.score(ofObjective: objective.title) ?? progress.objectives[o].score
            return [.say("O\(o + 1). \(objective.title)" + (score.map { " (scored \(Score.format($0)))" } ?? " (no score)"))]
        case .keyResult(let o, let k):
            let kr = progress.objectives[o].keyResults[k]
            var where_: String
            let score = grade?.score(ofKeyResult: kr.text, objective: o) ?? kr.result.value
            if let latest = kr.latest {
                where_ = (latest.done == nil ? "ended at " : "ended ") + kr.reading(of: latest)
                if let score { where_ += ", score \(Score.format(score))" }
            } else {
                where_ = "no check-in"
            }
            if let confidence = kr.confidence { where_ += ", confidence \(confidence)/10" }
            var messages: [CoachMessage] = [.say("\(kr.label). \(kr.text) (\(where_))")]
            switch kr.basis {
            case .unscorable(let reason, _):
                messages.append(.say("   It could not be scored: \(reason)."))
            case .milestone:
                if let score, score >= 1 {
                    messages.append(.say("   It is done. Drop it, or keep it only if it must be done again; what should it change next?"))
                }
            case .numeric:
                if let score, score >= 1 {
                    messages.append(.say("   It reached its target. If it only needs to hold there now, make it a KPI; to ask for more, raise the bar."))
                }
            }
            return messages
        case .raise(_, _, let suggestion):
            guard let suggestion else {
                return [.say("There is no number to raise from (no baseline and target, or no check-in), or the same step again would not make sense.")]
            }
            return [.say("From where it ended, the same step again: \(suggestion)")]
        case .elevate(let o, let k, let line):
            let kpi = progress.objectives[o].kpis[k]
            let fell = kpi.level.map { level in kpi.latest?.value.map(level.render) ?? "?" } ?? "?"
            return [.say("\(kpi.label). KPI: \(kpi.kpi.line) (fell to \(fell) at the last check-in)"),
                    .say("   As a key result for \(state.draft.timeframe?.label ?? "the next cycle"), from the level it fell to back to its target: \(line)")]
        default:
            return []
        }
    }

    private func question(_ state: State) -> CoachMessage {
        switch state.step {
        case .cycle(let suggested):
            return .ask(suggested.map { "Which cycle is the new set for? (Enter for \($0.label))" } ?? "Which cycle is the new set for? (for example Q1 2027)")
        case .objective: return .ask("Carry this objective into \(state.draft.timeframe?.label ?? "the next cycle")? (yes/no)")
        case .keyResult: return .ask("Keep it, raise the bar, drop it, or make it a KPI? (keep/raise/drop/kpi)")
        case .raise(_, _, let suggestion):
            return .ask(suggestion == nil ? "Type the key result as it should read next cycle."
                                          : "Press Enter to take it, or type the key result as it should read next cycle.")
        case .kpiTarget(_, _, _, let suggestion):
            let coach = Prompts.kpiTarget
            return .ask(suggestion.map { "\(coach) Press Enter for '\($0)'." } ?? coach)
        case .kpiSource: return .ask(Prompts.kpiSource)
        case .kpiFrequency: return .ask(Prompts.kpiFrequency)
        case .elevate:
            return .ask("Raise it to a key result? (yes/no)")
        case .review: return .ask("Save it to the store as the new set? (yes/no)")
        case .finished: return .say("")
        }
    }

    // MARK: - Arithmetic on the set's own numbers

    /// The line with its baseline moved to where it ended and its target one more step (target −
    /// baseline) beyond; nil when there is nothing to compute from or the step would cross zero
    /// (a lower-is-better line) or 100% (a percentage).
    func raisedLine(_ o: Int, _ k: Int) -> String? {
        let kr = progress.objectives[o].keyResults[k]
        guard case .numeric(let baseline, let target, _) = kr.basis, let ended = kr.latest?.value else { return nil }
        let step = target.value - baseline.value
        let newTarget = ended + step
        if step < 0, newTarget <= 0 { return nil }
        if Self.isPercent(target), newTarget > 100 { return nil }
        guard let moved = Self.replace(number: baseline.text, after: "from", with: baseline.written(ended), in: kr.text),
              let raised = Self.replace(number: target.text, after: "to", with: target.written(newTarget), in: moved) else { return nil }
        return raised
    }

    /// The level a key result that reached its target should hold: at least (or, lower being
    /// better, at most) its target.
    func holdLevel(_ o: Int, _ k: Int) -> String? {
        guard case .numeric(let baseline, let target, _) = progress.objectives[o].keyResults[k].basis else { return nil }
        return (target.value > baseline.value ? "at least " : "at most ") + target.text
    }

    /// A KPI whose latest reading broke its level, as a key result back to the level.
    func elevatedLine(_ kpi: SetProgress.KPIProgress) -> String? {
        guard kpi.holds == false, let level = kpi.level, let value = kpi.latest?.value else { return nil }
        let verb = level.side == .atLeast ? "Raise" : "Cut"
        return "\(verb) \(Self.lowercasedFirst(kpi.kpi.measurement)) from \(level.render(value)) to \(level.level.text)"
    }

    private static func isPercent(_ quantity: Quantity) -> Bool { quantity.unit == "%" || quantity.text.hasSuffix("%") }

    /// Replaces the number written right after `word` ("from 30" -> "from 44"), only where it ends
    /// at a word boundary, so "$400" never matches inside "$400k".
    private static func replace(number: String, after word: String, with replacement: String, in text: String) -> String? {
        var search = text.startIndex..<text.endIndex
        while let range = text.range(of: "\(word) \(number)", options: .caseInsensitive, range: search) {
            let boundary = range.upperBound == text.endIndex || !(text[range.upperBound].isLetter || text[range.upperBound].isNumber)
            let starts = range.lowerBound == text.startIndex || text[text.index(before: range.lowerBound)] == " "
            if boundary, starts {
                return text.replacingCharacters(in: range, with: "\(text[range].prefix(word.count)) \(replacement)")
            }
            search = range.upperBound..<text.endIndex
        }
        return nil
    }

    /// What a demoted key result measures, as written in the line ("NPS" in "Raise NPS from 30
    /// to 50"), capitalised as a KPI's measurement is; the whole line when the analyser finds none.
    static func measurement(of text: String) -> String {
        guard let metric = Analyser.read(keyResult: text).metric, !metric.isEmpty,
              let range = text.range(of: metric, options: .caseInsensitive) else { return text }
        let written = String(text[range])
        return written.prefix(1).uppercased() + written.dropFirst()
    }

    /// "Uptime" reads "uptime" inside a sentence; "NPS" stays "NPS".
    private static func lowercasedFirst(_ text: String) -> String {
        let prefix = text.prefix(2)
        if prefix.count == 2, prefix.allSatisfy(\.isUppercase) { return text }
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    private static func yesOrNo(_ line: String) -> Bool? {
        switch line.lowercased().trimmingCharacters(in: .punctuationCharacters) {
        case "y", "yes", "yep", "sure", "ok", "okay", "keep", "carry": return true
        case "n", "no", "nope", "drop": return false
        default: return nil
        }
    }
}
