import Foundation

/// The coaching conversation as a pure function: a line in, replies out, no I/O. The REPL,
/// the transcript tests and the unit tests all drive this same type.
///
/// Every handler describes what should happen as a `Step`; `apply` is the one place that turns
/// it into the next state: it records the change for `/undo`, marks the draft unsaved, decides
/// how much of each finding to show, asks the next question, and hands the adapter the record
/// to append to the autosave before anything is printed.
public struct Coach: Sendable {
    public let engine: Engine
    public let reference: CalendarDay
    let prompts: Prompts

    public init(engine: Engine, reference: CalendarDay) {
        self.engine = engine
        self.reference = reference
        self.prompts = Prompts(reference: reference)
    }

    public struct Reply: Sendable {
        public var state: CoachState
        public var messages: [CoachMessage]
        public var effects: [CoachEffect]
        /// The transition to append to the autosave journal; nil when nothing changed.
        public var record: CoachState.Record?

        public init(_ state: CoachState, _ messages: [CoachMessage] = [], _ effects: [CoachEffect] = [], record: CoachState.Record? = nil) {
            self.state = state
            self.messages = messages
            self.effects = effects
            self.record = record
        }
    }

    // MARK: - Session

    /// Opens a session; an autosaved draft with unsaved work is offered back first. A draft that
    /// was saved is not: it is in the store, and the coach says how to pick it up.
    public func start(resuming saved: CoachState? = nil) -> Reply {
        if let saved, saved.hasWork, saved.unsaved {
            var state = saved
            // A new session: every rule gets its full explanation again.
            state.context.explained = []
            state.context.lastFindings = []
            state.context.leaving = nil
            state.context.overlay = .resumeOffer
            let title = saved.draft.title.isEmpty ? "" : " \"\(saved.draft.title)\","
            return Reply(state, [.say("Welcome back. You have an unfinished draft\(title) with \(DraftListing.summary(of: saved.draft))."),
                                 .ask(prompts.question(for: state))],
                         record: CoachState.Record(change: nil, undo: .none, context: state.context))
        }
        var notes: [CoachMessage] = []
        if let saved, saved.hasWork, let stored = saved.context.stored {
            notes.append(.say("Your last set is saved as \(stored.name) (version \(stored.version)); /load \(stored.name) picks it up again."))
        }
        let state = CoachState()
        return Reply(state, notes + [
            .say("Hi, I'm your OKR coach. We'll write one OKR set together: the cycle, who it is for, an objective, then its key results one at a time. Type /help at any point."),
            .ask(prompts.question(for: state)),
        ])
    }

    public func reply(to rawLine: String, in state: consuming CoachState) -> Reply {
        // Nothing a user types reaches the draft, or the screen, with control sequences in it.
        let line = TerminalSafe.clean(rawLine).trimmingCharacters(in: .whitespaces)
        if line.hasPrefix("/") { return command(line, in: state) }
        if Answer.bareCommands.contains(line.lowercased()) {
            return apply(Step(messages: [.problem("Did you mean /\(line.lowercased())? Commands start with '/'; I did not take \"\(line)\" as text.")]), to: state)
        }
        if let overlay = state.overlay { return answer(overlay, line, in: state) }
        if line.isEmpty {
            if case .title(let offered) = state.phase { return setTitle(offered, in: state, next: .objective) }
            return apply(Step(), to: state)
        }
        let answer = Answer(line)

        switch state.phase {
        case .cycle:
            do {
                let timeframe = try Timeframe.parse(line, reference: reference)
                return apply(Step(change: .timeframe(timeframe, was: state.draft.timeframe), phase: .team,
                                  messages: [.say("Cycle: \(timeframe.label) (\(timeframe.start) to \(timeframe.end)).")]), to: state)
            } catch {
                return apply(Step(messages: [.problem(error.description)]), to: state)
            }

        case .team:
            return setTeam(line, in: state, next: true)

        case .title(let offered):
            if answer == .yes || answer == .keep { return setTitle(offered, in: state, next: .objective) }
            return setTitle(line, in: state, next: .objective)

        case .objective:
            return reviewObjective(line, in: state)

        case .confirmObjective(let text, let review):
            switch answer {
            case .keep: return review.allows(.keep) ? acceptObjective(text, in: state) : refuse(.keep, review, in: state)
            case .use: return useSuggestion(review, for: .objective, in: state)
            default: return reviewObjective(line, in: state)
            }

        case .keyResult:
            if answer == .done { return finishObjective(in: state) }
            return reviewKeyResult(line, in: state)

        case .confirmKeyResult(let text, let review):
            switch answer {
            case .keep: return review.allows(.keep) ? acceptKeyResult(text, in: state) : refuse(.keep, review, in: state)
            case .kpi:
                guard review.allows(.keepAsKPI) else { return refuse(.keepAsKPI, review, in: state) }
                return apply(Step(phase: .kpiTarget(text), messages: [.say("Good call: we'll watch it as a KPI beside the objective instead of counting it as a key result.")]), to: state)
            case .use: return useSuggestion(review, for: .keyResult, in: state)
            case .done:
                return finishObjective(in: state, notes: [.say("Left out: \(text)")])
            default: return reviewKeyResult(line, in: state)
            }

        case .fillBlanks(let template, let kind):
            guard !line.contains(BlankFilling.blank) else {
                return apply(Step(messages: [.problem("Type the number that goes in the blank, such as 40 or 12%.")]), to: state)
            }
            let filled = BlankFilling.fill(template, with: line)
            if BlankFilling.hasBlanks(filled) { return apply(Step(phase: .fillBlanks(filled, of: kind), messages: [.say(filled)]), to: state) }
            let messages: [CoachMessage] = [.say("That makes: \(filled)")]
            return kind == .keyResult ? reviewKeyResult(filled, in: state, notes: messages) : reviewObjective(filled, in: state, notes: messages)

        case .kpiTarget(let text):
            return apply(Step(phase: .kpiSource(text, target: line)), to: state)

        case .kpiSource(let text, let target):
            return apply(Step(phase: .kpiFrequency(text, target: target, source: line)), to: state)

        case .kpiFrequency(let text, let target, let source):
            guard let o = state.currentObjectiveIndex else { return apply(Step(phase: .objective), to: state) }
            let frequency = line.lowercased().hasPrefix("every ") ? String(line.dropFirst(6)) : line
            let kpi = KPI(measurement: text, target: target, source: source, frequency: frequency)
            let number = state.draft.objectives.reduce(0) { $0 + $1.kpis.count } + 1
            return apply(Step(change: .addKPI(objective: o, kpi), phase: .keyResult,
                              messages: [.say("Kept as KPI K\(number) beside objective \(o + 1): \(kpi.line)")]), to: state)

        case .nextStep:
            switch answer {
            case .another, .yes: return apply(Step(phase: .objective), to: state)
            case .finish, .no, .done: return finishSet(in: state)
            default:
                // Anything else is taken as the next objective's wording.
                var next = state
                next.context.phase = .objective
                return reviewObjective(line, in: next)
            }

        case .finished:
            if answer == .another { return apply(Step(phase: .objective), to: state) }
            let note = state.unsaved ? "The set has changes since it was saved; /save saves them." : "This set is saved."
            return apply(Step(messages: [.say(note)]), to: state)
        }
    }

    /// End of input (Ctrl-D, or the end of piped input). A person at a terminal is asked, as for
    /// /quit; a pipe's draft is kept for the next run.
    public func endOfInput(in state: CoachState, interactive: Bool) -> Reply {
        if interactive { return quit(in: state) }
        if state.unsaved, state.hasWork {
            return apply(Step(messages: [.say("Your draft is kept; run okr again to pick it up.")], effects: [.quit(keepDraft: true)]), to: state)
        }
        return apply(Step(messages: [.say("Goodbye.")], effects: [.quit(keepDraft: false)]), to: state)
    }

    /// The question the coach is waiting on.
    public func question(in state: CoachState) -> CoachMessage {
        .ask(prompts.question(for: state))
    }

    // MARK: - What the adapter reports back

    /// The adapter saved the set as `name`, `version`, in `place`.
    public func saved(as name: String, version: Int, in place: String, state: CoachState) -> Reply {
        var step = Step(overlay: .set(nil), stored: .set(StoredVersion(name: name, version: version, id: state.setID)),
                        leaving: .set(nil), unsaved: false, messages: [.say("Saved \(name) as version \(version) in \(place).")])
        switch state.context.leaving {
        case .quit?:
            step.messages.append(.say("Goodbye."))
            step.effects = [.quit(keepDraft: false)]
        case .new?:
            return newSet(in: state, saved: step)
        case .load(let what)?:
            step.effects = [.load(what)]
        case nil:
            break
        }
        return apply(step, to: state)
    }

    /// The save failed. `rescue` is where the adapter wrote a copy (a document `okr check` and
    /// `okr import` read), or why it could not; `conflict` when another save took the id.
    public func saveFailed(reason: String, conflict: Bool, rescue: Result<String, RescueFailure>, state: CoachState) -> Reply {
        var messages: [CoachMessage] = [.problem("Not saved: \(reason).")]
        switch rescue {
        case .success(let path): messages.append(.say("A copy is in \(path); okr import \(path) adds it to the store later."))
        case .failure(let failure): messages.append(.problem("Could not write a copy either: \(failure.reason)."))
        }
        if conflict, state.context.stored?.id != state.setID {
            messages.append(.say("Another set already has the id \(state.setID): give yours its own with /title or /team, then /save."))
        }
        var step = Step(overlay: .set(nil), leaving: .set(nil), messages: messages)
        if state.phase == .finished { step.phase = .nextStep }
        if state.context.leaving == .quit {
            step.messages.append(.say("Your draft is kept and offered back next time you run okr."))
            step.effects = [.quit(keepDraft: true)]
        } else {
            step.messages.append(.say("Your draft is kept."))
        }
        return apply(step, to: state)
    }

    public struct RescueFailure: Error, Hashable, Sendable {
        public var reason: String
        public init(reason: String) { self.reason = reason }
    }

    /// The adapter read a set for `/load`; it replaces the draft (`/undo` brings the old one back).
    /// `stored` names the store version it came from, nil for a file.
    public func loaded(_ set: OKRSet, from name: String, stored: (name: String, version: Int)? = nil, into state: CoachState) -> Reply {
        var phase: CoachPhase = .keyResult
        if set.objectives.isEmpty { phase = set.timeframe == nil ? .cycle : .objective }
        var loadedState = CoachState(draft: set)
        loadedState.context.phase = phase
        let version = stored.map { StoredVersion(name: $0.name, version: $0.version, id: loadedState.setID) }
        return apply(Step(change: .replaceDraft(set, was: state.draft), phase: phase, overlay: .set(nil), stored: .set(version),
                          leaving: .set(nil), unsaved: false,
                          messages: [.say("Loaded \(name)."), .say(DraftListing.text(of: set))]), to: state)
    }

    public func loadFailed(_ name: String, reason: String, state: CoachState) -> Reply {
        apply(Step(overlay: .set(nil), leaving: .set(nil), messages: [.problem("Could not load \(name): \(reason)")]), to: state)
    }

    // MARK: - The one transition path

    enum Update<Value> {
        case keep
        case set(Value)
    }

    /// What a handler decided; `apply` makes it so.
    struct Step {
        var change: DraftChange?
        /// False for a change that must not be taken back by /undo (a draft set aside for later).
        var undoable = true
        /// This step is an /undo: the change reverts the newest history entry.
        var isUndo = false
        var clearsHistory = false
        var phase: CoachPhase?
        var overlay: Update<CoachOverlay?> = .keep
        var stored: Update<StoredVersion?> = .keep
        var leaving: Update<LeaveAction?> = .keep
        /// Overrides the rule that a change makes the draft unsaved (a save or a load).
        var unsaved: Bool?
        var messages: [CoachMessage] = []
        /// Messages about the state the step leads to (a line too many), worked out once it is applied.
        var followUp: ((CoachState) -> [CoachMessage])?
        var effects: [CoachEffect] = []
    }

    func apply(_ step: Step, to state: consuming CoachState) -> Reply {
        var context = state.context
        let before = state.context
        if let phase = step.phase { context.phase = phase }
        if case .set(let overlay) = step.overlay { context.overlay = overlay }
        if case .set(let stored) = step.stored { context.stored = stored }
        if case .set(let leaving) = step.leaving { context.leaving = leaving }
        if step.change != nil { context.unsaved = true }
        if let unsaved = step.unsaved { context.unsaved = unsaved }

        let undo: CoachState.UndoStep
        if step.isUndo {
            undo = .pop
        } else if step.clearsHistory {
            undo = .clear
        } else if let change = step.change, step.undoable {
            undo = .push(UndoHistory.Entry(revert: change.inverse, phase: before.phase, stored: before.stored))
        } else {
            undo = .none
        }
        let countBefore = step.change.flatMap { change -> Int? in
            guard case .addKeyResult(let o, _) = change, state.draft.objectives.indices.contains(o) else { return nil }
            return state.draft.objectives[o].keyResults.count
        }
        var record = CoachState.Record(change: step.change, undo: undo, context: context)
        // The state is moved, not copied, so adding a line does not copy the draft's arrays.
        var next = state
        do {
            try next.apply(record)
        } catch {
            // Handlers build changes from the state they were given, so this means a bug: say
            // so and change nothing (apply changes nothing when it throws), rather than lose the draft.
            return Reply(next, [.problem("That did not fit the draft (\(error)); nothing was changed."), question(in: next)])
        }
        // The memory of the objective's lines follows an added line; any other change drops it.
        var memo = next.keyResultMemory
        next.keyResultMemory = nil
        if case .addKeyResult(let o, let kr)? = step.change, memo?.objective == o, memo?.memory.count == countBefore {
            engine.remember(kr, in: &memo!.memory)
            next.keyResultMemory = memo
        } else if step.change == nil {
            next.keyResultMemory = memo
        }

        // Each rule's full reasoning once a session, a reminder after that.
        var messages: [CoachMessage] = []
        var shown: [Finding] = []
        for message in step.messages + (step.followUp?(next) ?? []) {
            guard case .finding(let finding, let detail) = message.kind else {
                messages.append(message)
                continue
            }
            var resolved = detail
            if detail == .auto { resolved = context.explained.contains(finding.rule) ? .reminder : .full }
            if resolved == .full { context.explained.insert(finding.rule) }
            messages.append(.finding(finding, resolved))
            shown.append(finding)
        }
        if !shown.isEmpty { context.lastFindings = shown }
        next.context = context
        record.context = context

        // The question comes after the step, unless the adapter has work to do first and will
        // come back with its own reply.
        let adapterWorks = step.effects.contains { if case .setDraftAside = $0 { return false } else { return true } }
        if !adapterWorks { messages.append(question(in: next)) }
        let changed = step.change != nil || undo != .none || context != before
        return Reply(next, messages, step.effects, record: changed ? record : nil)
    }

    // MARK: - Steps of the flow

    func setTeam(_ text: String, in state: CoachState, next: Bool) -> Reply {
        let team = text.trimmingCharacters(in: .whitespaces)
        guard !SetIdentity.slug(team).isEmpty else {
            return apply(Step(messages: [.problem("A team name needs letters or digits, such as Finance or Platform.")]), to: state)
        }
        var step = Step(change: .team(team, was: state.draft.team), messages: [.say("Team: \(team).")])
        if next {
            step.phase = .title(offered: SetIdentity.defaultTitle(team: team, cycle: state.draft.timeframe?.label ?? ""))
        } else {
            var draft = state.draft
            draft.team = team
            step.messages.append(identityNote(for: draft, in: state))
        }
        return apply(step, to: state)
    }

    func setTitle(_ text: String, in state: CoachState, next: CoachPhase?) -> Reply {
        let title = text.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { return apply(Step(messages: [.problem("Write /title followed by the title.")]), to: state) }
        // The same parser `okr check` reads titles with: a title it would refuse is refused here.
        do {
            _ = try Timeframe.find(in: title, reference: reference)
        } catch {
            return apply(Step(messages: [.problem("In that title: \(error.description)")]), to: state)
        }
        var draft = state.draft
        draft.title = title
        let change: DraftChange? = title == state.draft.title ? nil : .title(title, was: state.draft.title)
        return apply(Step(change: change, phase: next, messages: [identityNote(for: draft, in: state, title: true)]), to: state)
    }

    /// "Title: … (saved as finance-q1-2027)", and a word when that id is not the one it was saved under.
    func identityNote(for draft: OKRSet, in state: CoachState, title: Bool = false) -> CoachMessage {
        let id = SetIdentity.id(team: draft.team ?? draft.owner, cycle: draft.timeframe?.label ?? "", title: draft.title)
        var text = title ? "Title: \(draft.title) (saved as \(id))." : "The set will be saved as \(id)."
        if let stored = state.context.stored, stored.id != id {
            text += " It was saved as \(stored.name); that stays as it is, and this becomes a new set."
        }
        return .say(text)
    }

    /// Objective findings worth raising when an objective is written: not those that count its
    /// key results (it has none yet). Which rules count is what the rules declare, not their ids.
    func entryFindings(_ objective: Objective, in set: OKRSet) -> [Finding] {
        engine.check(objective: objective, in: set).filter { !countsLines($0) }
    }

    func reviewObjective(_ text: String, in state: CoachState, notes: [CoachMessage] = []) -> Reply {
        let candidate: Objective
        do {
            candidate = try Objective(title: text, reference: reference)
        } catch {
            return apply(Step(messages: notes + [.problem("In that objective: \(error.description)")]), to: state)
        }
        let findings = entryFindings(candidate, in: state.draft)
        if findings.allSatisfy({ $0.severity == .info }) { return acceptObjective(text, in: state, notes: notes + findings.map(CoachMessage.finding)) }
        return apply(Step(phase: .confirmObjective(text, CoachReview(findings: findings)), messages: notes + findings.map(CoachMessage.finding)), to: state)
    }

    func acceptObjective(_ text: String, in state: CoachState, notes: [CoachMessage] = []) -> Reply {
        let objective: Objective
        do {
            objective = try Objective(title: text, reference: reference)
        } catch {
            return apply(Step(messages: [.problem("In that objective: \(error.description)")]), to: state)
        }
        let n = state.draft.objectives.count + 1
        return apply(Step(change: .addObjective(objective), phase: .keyResult, messages: notes + [.say("Objective \(n): \(text)")]), to: state)
    }

    func reviewKeyResult(_ text: String, in state: consuming CoachState, notes: [CoachMessage] = []) -> Reply {
        guard let o = state.currentObjectiveIndex else { return apply(Step(phase: .objective), to: state) }
        var state = state
        let memory = keyResultMemory(for: o, in: &state)
        let findings = engine.check(keyResult: KeyResult(text: text), after: memory)
        if findings.isEmpty { return acceptKeyResult(text, in: state, notes: notes + [.say("Good: that is a measurable outcome.")]) }
        // An info-level note (like a missing baseline) does not stop the flow; it is shown and kept.
        if findings.allSatisfy({ $0.severity == .info }) {
            return acceptKeyResult(text, in: state, notes: notes + findings.map(CoachMessage.finding))
        }
        return apply(Step(phase: .confirmKeyResult(text, CoachReview(findings: findings)), messages: notes + findings.map(CoachMessage.finding)), to: state)
    }

    /// The memory of objective `o`'s key results: the one the state carries if it is still about
    /// them, or read afresh (once) and kept in the state.
    func keyResultMemory(for o: Int, in state: inout CoachState) -> Engine.KeyResultMemory {
        let count = state.draft.objectives[o].keyResults.count
        if let memo = state.keyResultMemory, memo.objective == o, memo.memory.count == count { return memo.memory }
        let memory = engine.memory(of: state.draft.objectives[o].keyResults[...])
        state.keyResultMemory = CoachState.KeyResultMemo(objective: o, memory: memory)
        return memory
    }

    func acceptKeyResult(_ text: String, in state: consuming CoachState, notes: [CoachMessage] = []) -> Reply {
        guard let o = state.currentObjectiveIndex else { return apply(Step(phase: .objective), to: state) }
        var state = state
        _ = keyResultMemory(for: o, in: &state)
        let k = state.draft.objectives[o].keyResults.count + 1
        var step = Step(change: .addKeyResult(objective: o, KeyResult(text: text)), phase: .keyResult,
                        messages: notes + [.say("Key result \(o + 1).\(k) added to objective \(o + 1).")])
        // Too many key results is said the moment it happens, not only at the review.
        step.followUp = { next in self.engine.check(objective: next.draft.objectives[o], in: next.draft).filter(self.capsLines).map(CoachMessage.finding) }
        return apply(step, to: state)
    }

    func useSuggestion(_ review: CoachReview, for kind: CoachPhase.LineKind, in state: CoachState) -> Reply {
        guard review.allows(.useSuggestion), let offered = review.suggestion else { return refuse(.useSuggestion, review, in: state) }
        let suggestion = BlankFilling.startingLine(offered)
        if BlankFilling.hasBlanks(suggestion) {
            return apply(Step(phase: .fillBlanks(suggestion, of: kind), messages: [.say("Starting from: \(suggestion)")]), to: state)
        }
        return kind == .keyResult ? reviewKeyResult(suggestion, in: state) : reviewObjective(suggestion, in: state)
    }

    func refuse(_ offer: CoachOffer, _ review: CoachReview, in state: CoachState) -> Reply {
        let text: String
        switch offer {
        case .keep: text = "That line cannot be kept as it is; please write it another way."
        case .keepAsKPI: text = "Only a line that reads like a KPI can be kept as one."
        case .useSuggestion: text = "There is no suggestion for that line."
        case .rephrase: text = "Please write it another way."
        }
        return apply(Step(messages: [.problem(text)]), to: state)
    }

    func finishObjective(in state: CoachState, notes: [CoachMessage] = []) -> Reply {
        guard let o = state.currentObjectiveIndex else { return apply(Step(phase: .objective), to: state) }
        let objective = state.draft.objectives[o]
        // What was raised when the objective was written is not raised again; what depends on
        // its key results (their number) is.
        let raisedAtEntry = Set(entryFindings(Objective(title: objective.title, timeframe: objective.timeframe), in: state.draft).map(\.rule))
        let findings = engine.check(objective: objective, in: state.draft).filter { countsLines($0) || !raisedAtEntry.contains($0.rule) }
        let krs = objective.keyResults.count, kpis = objective.kpis.count
        var messages = notes + [CoachMessage.say("Objective \(o + 1) has \(krs) key result\(krs == 1 ? "" : "s")"
                                                  + (kpis == 0 ? "." : " and \(kpis) KPI\(kpis == 1 ? "" : "s")."))]
        messages += findings.map(CoachMessage.finding)
        if findings.isEmpty { messages.append(.say("It holds together.")) }
        return apply(Step(phase: .nextStep, messages: messages), to: state)
    }

    func finishSet(in state: CoachState) -> Reply {
        var messages: [CoachMessage] = [.say("Here is your set:"), .say(DraftListing.text(of: state.draft))]
        messages += engine.checkSetLevel(state.draft).map(CoachMessage.finding)
        return apply(Step(phase: .finished, messages: messages, effects: [save(state)]), to: state)
    }

    /// Saving under the set's id; against the stored version only if it is still the same set.
    func save(_ state: CoachState) -> CoachEffect {
        let id = state.setID
        if let stored = state.context.stored, stored.id == id {
            return .save(state.draft, name: stored.name, base: stored.version)
        }
        return .save(state.draft, name: id, base: nil)
    }

    func quit(in state: CoachState) -> Reply {
        if state.unsaved, state.hasWork {
            if state.overlay == .confirmLeave(.quit) {
                return apply(Step(overlay: .set(nil), messages: [.say("Your draft is kept; run okr again to pick it up.")],
                                  effects: [.quit(keepDraft: true)]), to: state)
            }
            return apply(Step(overlay: .set(.confirmLeave(.quit))), to: state)
        }
        return apply(Step(messages: [.say("Goodbye.")], effects: [.quit(keepDraft: false)]), to: state)
    }

    func newSet(in state: CoachState, saved: Step? = nil) -> Reply {
        var step = saved ?? Step(overlay: .set(nil), leaving: .set(nil))
        step.change = .replaceDraft(OKRSet(), was: state.draft)
        step.phase = .cycle
        step.stored = .set(nil)
        step.unsaved = false
        step.leaving = .set(nil)
        step.messages.append(.say("Starting a new set. (/undo brings the previous draft back.)"))
        return apply(step, to: state)
    }

    func answer(_ overlay: CoachOverlay, _ line: String, in state: CoachState) -> Reply {
        let answer = Answer(line)
        switch overlay {
        case .resumeOffer:
            switch answer {
            case .yes:
                return apply(Step(overlay: .set(nil), messages: [.say("Here is where we were."), .say(DraftListing.text(of: state.draft))]), to: state)
            case .no:
                var step = Step(change: .replaceDraft(OKRSet(), was: state.draft), undoable: false, clearsHistory: true, phase: .cycle,
                                overlay: .set(nil), stored: .set(nil), unsaved: false,
                                messages: [.say("Starting a new set. Your draft is kept and offered again next time.")])
                step.effects = [.setDraftAside]
                return apply(step, to: state)
            case .delete:
                return apply(Step(change: .replaceDraft(OKRSet(), was: state.draft), phase: .cycle, overlay: .set(nil), stored: .set(nil), unsaved: false,
                                  messages: [.say("Starting a new set; the old draft is gone (/undo brings it back while this session lasts).")]), to: state)
            default:
                return apply(Step(messages: [.problem("Please answer yes, no or delete.")]), to: state)
            }
        case .confirmLeave(let action):
            switch answer {
            case .yes, .finish:
                guard state.hasWork else { return leave(action, in: state) }
                return apply(Step(overlay: .set(nil), leaving: .set(action), effects: [save(state)]), to: state)
            case .no:
                return leave(action, in: state)
            case .cancel:
                return apply(Step(overlay: .set(nil)), to: state)
            default:
                return apply(Step(messages: [.problem("Please answer yes, no or cancel.")]), to: state)
            }
        case .confirmReplace(let name):
            switch answer {
            case .yes: return apply(Step(overlay: .set(nil), effects: [.load(name)]), to: state)
            case .no, .cancel: return apply(Step(overlay: .set(nil)), to: state)
            default: return apply(Step(messages: [.problem("Please answer yes or no.")]), to: state)
            }
        }
    }

    /// Leaving without saving, as the user chose.
    func leave(_ action: LeaveAction, in state: CoachState) -> Reply {
        switch action {
        case .quit:
            return apply(Step(overlay: .set(nil), messages: [.say("Not saved. Your draft is kept and offered back next time you run okr.")],
                              effects: [.quit(keepDraft: true)]), to: state)
        case .new:
            return newSet(in: state)
        case .load(let name):
            return apply(Step(overlay: .set(nil), effects: [.load(name)]), to: state)
        }
    }

    // MARK: - What rules declare

    /// Findings of rules that count lines (key results of an objective, objectives of a set).
    func countsLines(_ finding: Finding) -> Bool {
        engine.ruleSet.rule(finding.rule)?.countsLines ?? false
    }

    /// Findings of rules that set a maximum number of lines.
    func capsLines(_ finding: Finding) -> Bool {
        engine.ruleSet.rule(finding.rule)?.hasMaximumCount ?? false
    }
}
