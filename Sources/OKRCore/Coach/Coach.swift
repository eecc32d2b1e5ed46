import Foundation

/// The coaching conversation as a pure function: a line in, replies out, no I/O. The REPL,
/// the transcript tests and the unit tests all drive this same type.
public struct Coach: Sendable {
    public let engine: Engine
    public let reference: CalendarDay

    public init(engine: Engine, reference: CalendarDay) {
        self.engine = engine
        self.reference = reference
    }

    public struct Reply: Sendable {
        public var state: CoachState
        public var messages: [CoachMessage]
        public var effects: [CoachEffect]

        public init(_ state: CoachState, _ messages: [CoachMessage] = [], _ effects: [CoachEffect] = []) {
            self.state = state
            self.messages = messages
            self.effects = effects
        }
    }

    /// Opens a session; a saved unfinished draft is offered back first.
    public func start(resuming saved: CoachState? = nil) -> Reply {
        if var saved, saved.hasWork, saved.phase != .finished {
            let summary = "\(saved.draft.objectives.count) objective\(saved.draft.objectives.count == 1 ? "" : "s") and "
                + "\(saved.draft.keyResultCount) key result\(saved.draft.keyResultCount == 1 ? "" : "s")"
            // A draft saved while asking to quit or to resume goes back to the step beneath.
            var previous = saved.phase
            while true {
                if case .confirmQuit(.to(let inner)) = previous { previous = inner; continue }
                if case .resumeOffer(.to(let inner)) = previous { previous = inner; continue }
                break
            }
            saved.phase = .resumeOffer(.to(previous))
            return Reply(saved, [.say("Welcome back. You have an unfinished draft with \(summary)."), .ask(Prompts.question(for: saved))])
        }
        let state = CoachState()
        return Reply(state, [
            .say("Hi, I'm your OKR coach. We'll write one OKR set together: the cycle, an objective, then its key results one at a time. Type /help at any point."),
            .ask(Prompts.question(for: state)),
        ])
    }

    public func reply(to rawLine: String, in state: CoachState) -> Reply {
        let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("/") { return command(line, in: state) }
        if line.isEmpty { return Reply(state, [.ask(Prompts.question(for: state))]) }
        let answer = Answer(line)

        switch state.phase {
        case .resumeOffer(.to(let previous)):
            switch answer {
            case .yes:
                var next = state
                next.phase = previous
                return Reply(next, [.say("Here is where we were."), .say(DraftListing.text(of: next.draft)), .ask(Prompts.question(for: next))])
            case .no:
                let fresh = CoachState()
                return Reply(fresh, [.say("Starting a new set. (The old draft is gone from autosave once you add to this one.)"), .ask(Prompts.question(for: fresh))])
            default:
                return Reply(state, [.problem("Please answer yes or no."), .ask(Prompts.question(for: state))])
            }

        case .cycle:
            do {
                let timeframe = try Timeframe.parse(line, reference: reference)
                var next = snapshot(state)
                next.draft.timeframe = timeframe
                if next.draft.title.isEmpty { next.draft.title = "OKRs — \(timeframe.label)" }
                next.phase = .objective
                next.unsaved = true
                return Reply(next, [.say("Cycle: \(timeframe.label) (\(timeframe.start) to \(timeframe.end))."), .ask(Prompts.question(for: next))])
            } catch {
                return Reply(state, [.problem(error.description), .ask(Prompts.question(for: state))])
            }

        case .objective, .confirmObjective:
            if case .confirmObjective(let text) = state.phase, answer == .keep {
                return acceptObjective(text, in: state)
            }
            return reviewObjective(line, in: state)

        case .keyResult:
            if answer == .done { return finishObjective(in: state) }
            return reviewKeyResult(line, in: state)

        case .confirmKeyResult(let text, let kpi):
            if answer == .keep { return acceptKeyResult(text, in: state, notes: []) }
            if answer == .kpi {
                guard kpi else {
                    return Reply(state, [.problem("Only a line that reads like a KPI can be kept as one."), .ask(Prompts.question(for: state))])
                }
                var next = state
                next.phase = .kpiTarget(text)
                return Reply(next, [.say("Good call: we'll watch it as a KPI beside the objective instead of counting it as a key result."),
                                    .ask(Prompts.question(for: next))])
            }
            if answer == .done { return finishObjective(in: state) }
            return reviewKeyResult(line, in: state)

        case .kpiTarget(let text):
            var next = state
            next.phase = .kpiSource(text, target: line)
            return Reply(next, [.ask(Prompts.question(for: next))])

        case .kpiSource(let text, let target):
            var next = state
            next.phase = .kpiFrequency(text, target: target, source: line)
            return Reply(next, [.ask(Prompts.question(for: next))])

        case .kpiFrequency(let text, let target, let source):
            guard let index = state.currentObjectiveIndex else { return Reply(state) }
            var next = snapshot(state)
            let frequency = line.lowercased().hasPrefix("every ") ? String(line.dropFirst(6)) : line
            let kpi = KPI(measurement: text, target: target, source: source, frequency: frequency)
            next.draft.objectives[index].kpis.append(kpi)
            next.phase = .keyResult
            next.unsaved = true
            return Reply(next, [.say("Kept as a KPI: \(kpi.line)"), .ask(Prompts.question(for: next))])

        case .nextStep:
            switch answer {
            case .another, .yes:
                var next = state
                next.phase = .objective
                return Reply(next, [.ask(Prompts.question(for: next))])
            case .finish, .no, .done:
                return finishSet(in: state)
            default:
                // Anything else is taken as the next objective's wording.
                var next = state
                next.phase = .objective
                return reviewObjective(line, in: next)
            }

        case .finished:
            return Reply(state, [.say("This set is saved. Type /new to start another or /quit to leave.")])

        case .confirmQuit(.to(let previous)):
            switch answer {
            case .yes:
                return Reply(state, [.say("Saving, then goodbye.")], [.save(state.draft), .quit(discardDraft: false)])
            case .no:
                return Reply(state, [.say("Not saved. Your draft is kept and offered back next time you run okr.")], [.quit(discardDraft: false)])
            case .cancel:
                var next = state
                next.phase = previous
                return Reply(next, [.ask(Prompts.question(for: next))])
            default:
                return Reply(state, [.problem("Please answer yes, no or cancel."), .ask(Prompts.question(for: state))])
            }
        }
    }

    /// End of input (Ctrl-D). A terminal user is asked about saving; the draft is autosaved anyway.
    public func endOfInput(in state: CoachState, interactive: Bool) -> Reply {
        if interactive, state.unsaved, state.hasWork, state.phase != .finished {
            if case .confirmQuit = state.phase { return Reply(state, [], [.quit(discardDraft: false)]) }
            var next = state
            next.phase = .confirmQuit(resume: .to(state.phase))
            return Reply(next, [.ask(Prompts.question(for: next))])
        }
        if state.hasWork, state.phase != .finished {
            return Reply(state, [.say("Your draft is kept; run okr again to pick it up.")], [.quit(discardDraft: false)])
        }
        return Reply(state, [.say("Goodbye.")], [.quit(discardDraft: state.phase == .finished)])
    }

    /// A set read by the adapter for `/load` replaces the draft (the old one stays reachable by /undo).
    public func loaded(_ set: OKRSet, from name: String, storedName: String? = nil, version: Int? = nil, into state: CoachState) -> Reply {
        var next = snapshot(state)
        next.draft = set
        next.storedName = storedName
        next.baseVersion = version
        next.phase = .keyResult
        next.unsaved = false
        if set.objectives.isEmpty { next.phase = set.timeframe == nil ? .cycle : .objective }
        return Reply(next, [.say("Loaded \(name)."), .say(DraftListing.text(of: set)), .ask(Prompts.question(for: next))])
    }

    /// The question the coach is waiting on, to ask again after the adapter's own messages.
    public func question(in state: CoachState) -> CoachMessage {
        .ask(Prompts.question(for: state))
    }

    /// Called by the adapter after it saved the set.
    public func saved(as name: String, version: Int, in place: String, state: CoachState) -> Reply {
        var next = state
        next.unsaved = false
        next.storedName = name
        next.baseVersion = version
        return Reply(next, [.say("Saved \(name) as version \(version) in \(place)."), .ask(Prompts.question(for: next))])
    }

    // MARK: - Steps of the flow

    func snapshot(_ state: CoachState) -> CoachState {
        var next = state
        next.undoStack.append(CoachState.Snapshot(draft: state.draft, phase: state.phase, storedName: state.storedName, baseVersion: state.baseVersion))
        if next.undoStack.count > 100 { next.undoStack.removeFirst() }
        return next
    }

    func reviewObjective(_ text: String, in state: CoachState) -> Reply {
        let candidate = objective(from: text)
        let findings = engine.check(objective: candidate, in: state.draft).filter { !isCountRule($0.rule) }
        if findings.isEmpty { return acceptObjective(text, in: state) }
        var next = state
        next.phase = .confirmObjective(text)
        return Reply(next, findings.map(CoachMessage.finding) + [.ask(Prompts.question(for: next))])
    }

    func acceptObjective(_ text: String, in state: CoachState) -> Reply {
        var next = snapshot(state)
        next.draft.objectives.append(objective(from: text))
        next.phase = .keyResult
        next.unsaved = true
        return Reply(next, [.say("Objective \(next.draft.objectives.count): \(text)"), .ask(Prompts.question(for: next))])
    }

    private func objective(from text: String) -> Objective {
        Objective(title: text, timeframe: try? Timeframe.find(in: text, reference: reference))
    }

    func reviewKeyResult(_ text: String, in state: CoachState) -> Reply {
        guard let index = state.currentObjectiveIndex else { return Reply(state) }
        let earlier = state.draft.objectives[index].keyResults[...]
        let findings = engine.check(keyResult: KeyResult(text: text), earlier: earlier)
        if findings.isEmpty { return acceptKeyResult(text, in: state, notes: [.say("Good: that is a measurable outcome.")]) }
        // An info-level note (like a missing baseline) does not stop the flow; it is shown and kept.
        if findings.allSatisfy({ $0.severity == .info }) {
            return acceptKeyResult(text, in: state, notes: findings.map(CoachMessage.finding))
        }
        var next = state
        next.phase = .confirmKeyResult(text, kpi: findings.contains { $0.offers.contains(.keepAsKPI) })
        return Reply(next, findings.map(CoachMessage.finding) + [.ask(Prompts.question(for: next))])
    }

    func acceptKeyResult(_ text: String, in state: CoachState, notes: [CoachMessage]) -> Reply {
        guard let index = state.currentObjectiveIndex else { return Reply(state) }
        var next = snapshot(state)
        next.draft.objectives[index].keyResults.append(KeyResult(text: text))
        next.phase = .keyResult
        next.unsaved = true
        let count = next.draft.objectives[index].keyResults.count
        // Too many key results is said the moment it happens, not only at the review.
        let tooMany = engine.check(objective: next.draft.objectives[index], in: next.draft).filter { isMaxCountRule($0.rule) }
        return Reply(next, notes + [.say("Key result \(count) added.")] + tooMany.map(CoachMessage.finding) + [.ask(Prompts.question(for: next))])
    }

    func finishObjective(in state: CoachState) -> Reply {
        guard let index = state.currentObjectiveIndex else { return Reply(state) }
        var next = state
        next.phase = .nextStep
        let objective = state.draft.objectives[index]
        let findings = engine.check(objective: objective, in: state.draft).filter { isCountRule($0.rule) || $0.rule == "missing-timeframe" }
        var messages: [CoachMessage] = [.say("Objective \(index + 1) has \(objective.keyResults.count) key result\(objective.keyResults.count == 1 ? "" : "s")" + (objective.kpis.isEmpty ? "." : " and \(objective.kpis.count) KPI\(objective.kpis.count == 1 ? "" : "s")."))]
        messages += findings.map(CoachMessage.finding)
        if findings.isEmpty { messages.append(.say("It holds together.")) }
        messages.append(.ask(Prompts.question(for: next)))
        return Reply(next, messages)
    }

    func finishSet(in state: CoachState) -> Reply {
        var next = state
        next.phase = .finished
        if next.draft.title.isEmpty { next.draft.title = "OKRs" }
        let setFindings = engine.checkSetLevel(state.draft)
        var messages: [CoachMessage] = [.say("Here is your set:"), .say(DraftListing.text(of: next.draft))]
        messages += setFindings.map(CoachMessage.finding)
        return Reply(next, messages, [.save(next.draft)])
    }

    func isCountRule(_ id: String) -> Bool {
        engine.ruleSet.rule(id)?.countsLines ?? false
    }

    func isMaxCountRule(_ id: String) -> Bool {
        engine.ruleSet.rule(id)?.hasMaximumCount ?? false
    }
}
