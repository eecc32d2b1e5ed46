import Foundation

/// The slash commands, available at every step.
extension Coach {
    public static let commands = ["/help", "/show", "/edit", "/delete", "/move", "/undo", "/check", "/why", "/explain",
                                  "/title", "/team", "/owner", "/parent", "/kpi", "/skip", "/save", "/load", "/new", "/quit"]

    static let help = """
        /show              the draft so far, numbered: O2 is objective 2, 2.3 its third key result, K1 the first KPI
        /edit 2.3 TEXT     reword key result 2.3 (also O2 for an objective, K1 for a KPI)
        /delete 2.3        remove key result 2.3 (also O2 with its key results, K1)
        /move 2.3 2.1      move a key result within its objective
        /undo              take back the last change
        /check             every finding on the draft as it stands
        /why               the full reasoning behind the last findings again
        /explain RULE      why a rule exists, with examples (/explain alone lists the rules)
        /title TEXT        the set's title; /team NAME and /owner NAME who it is for
        /parent SET / OBJ  the objective, in another team's set, that this objective serves (Tab completes)
        /kpi MEASUREMENT   keep a health metric as a KPI beside the objective
        /skip              skip the current question
        /save              save the set now
        /load SET          load a set from the store (or from a file path)
        /new               start a new set
        /quit              leave; unsaved work is kept as a draft
        A key result's set-wide number (as in /edit 7) works too.
        Where I ask a question, short answers work: yes, no, keep, kpi, use, done, another, finish.
        """

    func command(_ line: String, in state: CoachState) -> Reply {
        let name = String(line.prefix { !$0.isWhitespace }).lowercased()
        let argument = line.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        let say = { (messages: [CoachMessage]) in self.apply(Step(messages: messages), to: state) }

        switch name {
        case "/help":
            return say([.say(Self.help)])
        case "/show":
            return say([.say(DraftListing.text(of: state.draft))])
        case "/check":
            let findings = engine.check(state.draft)
            if findings.isEmpty { return say([.say("No findings: the draft is clean so far.")]) }
            var messages: [CoachMessage] = []
            var lastSubject: String?
            for finding in findings {
                if finding.subject != lastSubject { messages.append(.say("On \"\(finding.subject)\":")) }
                lastSubject = finding.subject
                messages.append(.finding(finding))
            }
            return say(messages)
        case "/why":
            let findings = state.context.lastFindings
            guard !findings.isEmpty else { return say([.say("Nothing was raised just now; /check reviews the whole draft.")]) }
            return say(findings.map { .finding($0, .full) })
        case "/explain":
            guard !argument.isEmpty else { return say([.say("Rules: " + engine.ruleSet.ids.joined(separator: ", "))]) }
            guard let rule = engine.ruleSet.rule(argument) else {
                let hint = Suggestion.closest(to: argument, among: engine.ruleSet.ids).map { " Did you mean \($0)?" } ?? ""
                return say([.problem("There is no rule '\(argument)'.\(hint)")])
            }
            return say([.say(RuleText.explanation(of: rule).trimmingCharacters(in: .newlines))])
        case "/undo":
            guard let last = state.undo.last else { return say([.problem("Nothing to undo.")]) }
            return apply(Step(change: last.revert, isUndo: true, phase: last.phase, stored: .set(last.stored), unsaved: true,
                              messages: [.say("Undone."), .say(DraftListing.text(of: undone(last, state)))]), to: state)
        case "/edit":
            return edit(argument, in: state)
        case "/delete":
            return delete(argument, in: state)
        case "/move":
            return move(argument, in: state)
        case "/title":
            guard !argument.isEmpty else { return say([.say("Title: \(state.draft.title) (saved as \(state.setID)). /title TEXT changes it.")]) }
            return setTitle(argument, in: state, next: nil)
        case "/team":
            guard !argument.isEmpty else { return say([.say("Team: \(state.draft.team ?? "none yet"). /team NAME changes it.")]) }
            return setTeam(argument, in: state, next: false)
        case "/owner":
            guard !argument.isEmpty else { return say([.say("Owner: \(state.draft.owner ?? "none yet"). /owner NAME changes it.")]) }
            var draft = state.draft
            draft.owner = argument
            return apply(Step(change: .owner(argument, was: state.draft.owner),
                              messages: [.say("Owner: \(argument)."), identityNote(for: draft, in: state)]), to: state)
        case "/parent":
            return parent(argument, in: state)
        case "/kpi":
            return kpi(argument, in: state)
        case "/skip":
            return skip(in: state)
        case "/save":
            guard state.hasWork else { return say([.problem("There is nothing to save yet.")]) }
            if !state.unsaved, let stored = state.context.stored, stored.id == state.setID {
                return say([.say("Nothing new to save: it is saved as \(stored.name) version \(stored.version).")])
            }
            return apply(Step(effects: [save(state)]), to: state)
        case "/load":
            guard !argument.isEmpty else { return say([.problem("Write /load followed by a set's id (see okr list) or a file.")]) }
            if state.hasWork {
                return apply(Step(overlay: .set(state.unsaved ? .confirmLeave(.load(argument)) : .confirmReplace(argument))), to: state)
            }
            return apply(Step(effects: [.load(argument)]), to: state)
        case "/new":
            if state.unsaved, state.hasWork { return apply(Step(overlay: .set(.confirmLeave(.new))), to: state) }
            return newSet(in: state)
        case "/quit", "/exit":
            return quit(in: state)
        default:
            let hint = Suggestion.closest(to: name, among: Self.commands).map { " Did you mean \($0)?" } ?? ""
            return say([.problem("I don't know \(name).\(hint) Type /help for the list.")])
        }
    }

    /// The draft as it will be once `entry` is undone, for the listing printed with "Undone."
    private func undone(_ entry: UndoHistory.Entry, _ state: CoachState) -> OKRSet {
        var draft = state.draft
        do {
            try entry.revert.apply(to: &draft)
        } catch {
            // `apply` refuses the same change and says so; show the draft as it stands.
            return state.draft
        }
        return draft
    }

    private func edit(_ argument: String, in state: CoachState) -> Reply {
        let usage = Step(messages: [.problem("Write /edit, the line's number as /show prints it, and the new wording: /edit 2.1 Raise NPS from 31 to 45")])
        let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return apply(usage, to: state) }
        let text = parts[1].trimmingCharacters(in: .whitespaces)
        switch DraftAddress.parse(parts[0], in: state.draft) {
        case .failure(let problem):
            return apply(Step(messages: [.problem(problem.description)]), to: state)
        case .success(.objective(let o)):
            let objective: Objective
            do {
                objective = try Objective(title: text, reference: reference)
            } catch {
                return apply(Step(messages: [.problem("In that objective: \(error.description)")]), to: state)
            }
            let old = state.draft.objectives[o]
            var edited = old
            edited.title = objective.title
            edited.timeframe = objective.timeframe
            let findings = entryFindings(edited, in: state.draft)
            return apply(Step(change: .objectiveTitle(objective: o, title: text, timeframe: objective.timeframe, was: old.title, wasTimeframe: old.timeframe),
                              messages: [.say("Objective \(o + 1) is now: \(text)")] + findings.map(CoachMessage.finding)), to: state)
        case .success(.keyResult(let o, let k)):
            let name = DraftAddress.keyResultName(o, k, in: state.draft)
            let findings = engine.check(keyResult: KeyResult(text: text), earlier: state.draft.objectives[o].keyResults[..<k])
            return apply(Step(change: .keyResultText(objective: o, at: k, text: text, was: state.draft.objectives[o].keyResults[k].text),
                              messages: [.say(name.prefix(1).uppercased() + name.dropFirst() + " is now: \(text)")] + findings.map(CoachMessage.finding)), to: state)
        case .success(.kpi(let o, let k)):
            let kpi: KPI
            do {
                kpi = try KPI(line: text)
            } catch {
                return apply(Step(messages: [.problem("In that KPI: \(error.description)")]), to: state)
            }
            let number = DraftAddress.kpiNumber(o, k, in: state.draft)
            return apply(Step(change: .replaceKPI(objective: o, at: k, kpi, was: state.draft.objectives[o].kpis[k]),
                              messages: [.say("KPI K\(number) beside objective \(o + 1) (\(state.draft.objectives[o].title)) is now: \(kpi.line)")]), to: state)
        }
    }

    private func delete(_ argument: String, in state: CoachState) -> Reply {
        guard !argument.isEmpty else {
            return apply(Step(messages: [.problem("Write /delete and the line's number as /show prints it: 2.3, O2 or K1.")]), to: state)
        }
        switch DraftAddress.parse(argument, in: state.draft) {
        case .failure(let problem):
            return apply(Step(messages: [.problem(problem.description)]), to: state)
        case .success(.objective(let o)):
            let removed = state.draft.objectives[o]
            var step = Step(change: .removeObjective(at: o, removed),
                            messages: [.say("Deleted objective \(o + 1): \(removed.title), with its \(removed.keyResults.count) key result\(removed.keyResults.count == 1 ? "" : "s") (/undo brings it back).")])
            if state.draft.objectives.count == 1, ![.cycle, .team].contains(state.phase), !isTitlePhase(state.phase) { step.phase = .objective }
            return apply(step, to: state)
        case .success(.keyResult(let o, let k)):
            let name = DraftAddress.keyResultName(o, k, in: state.draft)
            let removed = state.draft.objectives[o].keyResults[k]
            return apply(Step(change: .removeKeyResult(objective: o, at: k, removed),
                              messages: [.say("Deleted \(name): \(removed.text) (/undo brings it back).")]), to: state)
        case .success(.kpi(let o, let k)):
            let number = DraftAddress.kpiNumber(o, k, in: state.draft)
            let removed = state.draft.objectives[o].kpis[k]
            return apply(Step(change: .removeKPI(objective: o, at: k, removed),
                              messages: [.say("Deleted KPI K\(number) beside objective \(o + 1) (\(state.draft.objectives[o].title)): \(removed.line) (/undo brings it back).")]), to: state)
        }
    }

    private func isTitlePhase(_ phase: CoachPhase) -> Bool {
        if case .title = phase { return true }
        return false
    }

    private func move(_ argument: String, in state: CoachState) -> Reply {
        let usage = Step(messages: [.problem("Write /move with a key result and where it goes in its objective, as /show numbers them: /move 2.3 2.1")])
        let parts = argument.split(separator: " ").map(String.init)
        guard parts.count == 2 else { return apply(usage, to: state) }
        guard case .success(let from) = DraftAddress.parse(parts[0], in: state.draft), case .keyResult(let o, let k) = from else {
            if case .failure(let problem) = DraftAddress.parse(parts[0], in: state.draft) { return apply(Step(messages: [.problem(problem.description)]), to: state) }
            return apply(usage, to: state)
        }
        // After a dotted address, a bare number is a position in the same objective.
        let target = parts[0].contains(".") && !parts[1].contains(".") ? "\(o + 1).\(parts[1])" : parts[1]
        let to: Int
        switch DraftAddress.parse(target, in: state.draft) {
        case .success(.keyResult(let o2, let k2)) where o2 == o: to = k2
        case .success(.keyResult): return apply(Step(messages: [.problem("Key results move within their own objective.")]), to: state)
        case .success: return apply(usage, to: state)
        case .failure(let problem): return apply(Step(messages: [.problem(problem.description)]), to: state)
        }
        var moved = state.draft
        let kr = moved.objectives[o].keyResults.remove(at: k)
        moved.objectives[o].keyResults.insert(kr, at: to)
        return apply(Step(change: .moveKeyResult(objective: o, from: k, to: to),
                          messages: [.say("Moved key result \(o + 1).\(k + 1) of objective \(o + 1) (\(state.draft.objectives[o].title)) to \(o + 1).\(to + 1): \(kr.text)"),
                                     .say(DraftListing.text(of: moved))]), to: state)
    }

    /// `/parent [O2] SET-ID / OBJECTIVE`, or `/parent none`.
    private func parent(_ argument: String, in state: CoachState) -> Reply {
        let example = SetIdentity.id(team: "Company", cycle: state.draft.timeframe?.label ?? "", title: nil)
        let usage = "Write /parent, the set's id, ' / ' and the objective it serves: /parent \(example) / Grow into new markets (Tab completes them from the store)."
        var rest = argument
        var o = state.currentObjectiveIndex
        if let first = argument.split(separator: " ").first, first.first == "O" || first.first == "o",
           case .success(.objective(let index)) = DraftAddress.parse(String(first), in: state.draft) {
            o = index
            rest = argument.dropFirst(first.count).trimmingCharacters(in: .whitespaces)
        }
        guard let o else { return apply(Step(messages: [.problem("Write an objective first; /parent then links it to the one it serves.")]), to: state) }
        let title = state.draft.objectives[o].title
        if rest.isEmpty {
            let current = state.draft.objectives[o].parent.map { "serves \($0.text)" } ?? "serves no other objective yet"
            return apply(Step(messages: [.say("Objective \(o + 1) (\(title)) \(current). \(usage)")]), to: state)
        }
        if rest.lowercased() == "none" {
            return apply(Step(change: .parent(objective: o, nil, was: state.draft.objectives[o].parent),
                              messages: [.say("Objective \(o + 1) (\(title)) no longer names a parent.")]), to: state)
        }
        let parent = ParentRef(text: rest)
        guard !parent.setID.isEmpty else { return apply(Step(messages: [.problem(usage)]), to: state) }
        return apply(Step(change: .parent(objective: o, parent, was: state.draft.objectives[o].parent),
                          messages: [.say("Objective \(o + 1) (\(title)) serves \(parent.setID) / \(parent.objective).")]), to: state)
    }

    /// `/kpi MEASUREMENT` asks for the level, source and frequency; a whole KPI line is kept at once.
    private func kpi(_ argument: String, in state: CoachState) -> Reply {
        guard let o = state.currentObjectiveIndex else { return apply(Step(messages: [.problem("Write an objective first; a KPI is kept beside one.")]), to: state) }
        guard !argument.isEmpty else {
            return apply(Step(messages: [.problem("Write /kpi and what is measured (/kpi Uptime), or a whole KPI line: /kpi Uptime: at least 99.9% as reported by Grafana, measured every week")]), to: state)
        }
        guard argument.range(of: " as reported by ", options: .caseInsensitive) != nil else {
            return apply(Step(phase: .kpiTarget(argument)), to: state)
        }
        let kpi: KPI
        do {
            kpi = try KPI(line: argument)
        } catch {
            return apply(Step(messages: [.problem("In that KPI: \(error.description)")]), to: state)
        }
        let number = state.draft.objectives.reduce(0) { $0 + $1.kpis.count } + 1
        return apply(Step(change: .addKPI(objective: o, kpi), messages: [.say("Kept as KPI K\(number) beside objective \(o + 1): \(kpi.line)")]), to: state)
    }

    private func skip(in state: CoachState) -> Reply {
        switch state.phase {
        case .cycle:
            return apply(Step(phase: .team, messages: [.say("Skipped the cycle; each objective will need its own timeframe.")]), to: state)
        case .team:
            return apply(Step(phase: .title(offered: SetIdentity.defaultTitle(team: nil, cycle: state.draft.timeframe?.label ?? "")),
                              messages: [.say("No team, then; /team names one later. Without it, another set for the same cycle may take the same id.")]), to: state)
        case .title(let offered):
            return setTitle(offered, in: state, next: .objective)
        case .confirmObjective:
            return apply(Step(phase: .objective, messages: [.say("Left that objective out.")]), to: state)
        case .confirmKeyResult, .kpiTarget, .kpiSource, .kpiFrequency:
            return apply(Step(phase: .keyResult, messages: [.say("Left that line out.")]), to: state)
        case .fillBlanks(_, let kind):
            return apply(Step(phase: kind == .keyResult ? .keyResult : .objective, messages: [.say("Left the suggestion.")]), to: state)
        case .keyResult:
            return finishObjective(in: state)
        case .nextStep:
            return finishSet(in: state)
        case .objective, .finished:
            return apply(Step(messages: [.problem("There is nothing to skip here.")]), to: state)
        }
    }
}
