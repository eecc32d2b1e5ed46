/// The slash commands, available at every step.
extension Coach {
    public static let commands = ["/help", "/show", "/edit", "/delete", "/move", "/undo", "/check", "/explain",
                                  "/skip", "/save", "/load", "/new", "/quit"]

    static let help = """
        /show              the draft so far, numbered
        /edit N TEXT       reword key result N (or O2 for an objective)
        /delete N          remove key result N (or O2 for an objective and its key results)
        /move N M          move key result N to position M within its objective
        /undo              take back the last change
        /check             every finding on the draft as it stands
        /explain RULE      why a rule exists, with examples (try /explain kr-is-kpi)
        /skip              skip the current question
        /save              save the set now
        /load SET          load a set from the store (or from a file path)
        /new               start a new set (/undo brings the old one back)
        /quit              leave; your draft is kept
        Where I ask a question, short answers work: yes, no, keep, kpi, done, another, finish.
        """

    func command(_ line: String, in state: CoachState) -> Reply {
        let parts = line.split(separator: " ", maxSplits: 2).map(String.init)
        let name = parts[0].lowercased()
        let argument = line.dropFirst(parts[0].count).trimmingCharacters(in: .whitespaces)
        let ask = CoachMessage.ask(Prompts.question(for: state))

        switch name {
        case "/help":
            return Reply(state, [.say(Self.help), ask])
        case "/show":
            return Reply(state, [.say(DraftListing.text(of: state.draft)), ask])
        case "/check":
            let findings = engine.check(state.draft)
            if findings.isEmpty { return Reply(state, [.say("No findings: the draft is clean so far."), ask]) }
            var messages: [CoachMessage] = []
            var lastSubject: String?
            for finding in findings {
                if finding.subject != lastSubject { messages.append(.say("On \"\(finding.subject)\":")) }
                lastSubject = finding.subject
                messages.append(.finding(finding))
            }
            return Reply(state, messages + [ask])
        case "/explain":
            guard !argument.isEmpty else {
                return Reply(state, [.say("Rules: " + engine.ruleSet.ids.joined(separator: ", ")), ask])
            }
            guard let rule = engine.ruleSet.rule(argument) else {
                let hint = Suggestion.closest(to: argument, among: engine.ruleSet.ids).map { " Did you mean \($0)?" } ?? ""
                return Reply(state, [.problem("There is no rule '\(argument)'.\(hint)"), ask])
            }
            return Reply(state, [.say(RuleText.explanation(of: rule).trimmingCharacters(in: .newlines)), ask])
        case "/undo":
            guard var next = Optional(state), let last = next.undoStack.popLast() else {
                return Reply(state, [.problem("Nothing to undo."), ask])
            }
            next.draft = last.draft
            next.phase = last.phase
            next.storedName = last.storedName
            next.baseVersion = last.baseVersion
            next.unsaved = true
            return Reply(next, [.say("Undone."), .say(DraftListing.text(of: next.draft)), .ask(Prompts.question(for: next))])
        case "/edit":
            return edit(argument, in: state)
        case "/delete":
            return delete(argument, in: state)
        case "/move":
            return move(argument, in: state)
        case "/skip":
            return skip(in: state)
        case "/save":
            guard state.hasWork else { return Reply(state, [.problem("There is nothing to save yet."), ask]) }
            return Reply(state, [], [.save(state.draft)])
        case "/load":
            guard !argument.isEmpty else { return Reply(state, [.problem("Write /load followed by a set's name (see okr list) or a file."), ask]) }
            return Reply(state, [], [.load(argument)])
        case "/new":
            var next = snapshot(state)
            next.draft = OKRSet()
            next.phase = .cycle
            next.unsaved = false
            next.storedName = nil
            next.baseVersion = nil
            return Reply(next, [.say("Starting a new set. (/undo brings the previous draft back.)"), .ask(Prompts.question(for: next))])
        case "/quit", "/exit":
            if state.unsaved, state.hasWork, state.phase != .finished {
                if case .confirmQuit = state.phase { return Reply(state, [], [.quit(discardDraft: false)]) }
                var next = state
                next.phase = .confirmQuit(resume: .to(state.phase))
                return Reply(next, [.ask(Prompts.question(for: next))])
            }
            return Reply(state, [.say("Goodbye.")], [.quit(discardDraft: state.phase == .finished)])
        default:
            let hint = Suggestion.closest(to: name, among: Self.commands).map { " Did you mean \($0)?" } ?? ""
            return Reply(state, [.problem("I don't know \(parts[0]).\(hint) Type /help for the list."), ask])
        }
    }

    private func edit(_ argument: String, in state: CoachState) -> Reply {
        let ask = CoachMessage.ask(Prompts.question(for: state))
        let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return Reply(state, [.problem("Write /edit N followed by the new wording, for example /edit 2 Raise NPS from 31 to 45"), ask]) }
        let text = parts[1].trimmingCharacters(in: .whitespaces)
        if let o = objectiveNumber(parts[0]) {
            guard o < state.draft.objectives.count else { return Reply(state, [.problem("There is no objective \(parts[0].uppercased())."), ask]) }
            var next = snapshot(state)
            next.draft.objectives[o].title = text
            next.draft.objectives[o].timeframe = try? Timeframe.find(in: text, reference: reference)
            next.unsaved = true
            let findings = engine.check(objective: next.draft.objectives[o], in: next.draft).filter { !isCountRule($0.rule) }
            return Reply(next, [.say("O\(o + 1) is now: \(text)")] + findings.map(CoachMessage.finding) + [ask])
        }
        guard let n = Int(parts[0]), let (o, k) = DraftListing.locate(n, in: state.draft) else {
            return Reply(state, [.problem("There is no key result \(parts[0]); /show lists them."), ask])
        }
        var next = snapshot(state)
        next.draft.objectives[o].keyResults[k].text = text
        next.unsaved = true
        let earlier = next.draft.objectives[o].keyResults[..<k]
        let findings = engine.check(keyResult: next.draft.objectives[o].keyResults[k], earlier: earlier)
        return Reply(next, [.say("Key result \(n) is now: \(text)")] + findings.map(CoachMessage.finding) + [ask])
    }

    private func delete(_ argument: String, in state: CoachState) -> Reply {
        let ask = CoachMessage.ask(Prompts.question(for: state))
        if let o = objectiveNumber(argument) {
            guard o < state.draft.objectives.count else { return Reply(state, [.problem("There is no objective \(argument.uppercased())."), ask]) }
            var next = snapshot(state)
            let removed = next.draft.objectives.remove(at: o)
            next.unsaved = true
            if next.draft.objectives.isEmpty, next.phase != .cycle { next.phase = .objective }
            return Reply(next, [.say("Deleted O\(o + 1): \(removed.title) (/undo brings it back)."), .ask(Prompts.question(for: next))])
        }
        guard let n = Int(argument), let (o, k) = DraftListing.locate(n, in: state.draft) else {
            return Reply(state, [.problem("Write /delete N with a key result number from /show, or /delete O2 for an objective."), ask])
        }
        var next = snapshot(state)
        let removed = next.draft.objectives[o].keyResults.remove(at: k)
        next.unsaved = true
        return Reply(next, [.say("Deleted key result \(n): \(removed.text) (/undo brings it back)."), .ask(Prompts.question(for: next))])
    }

    private func move(_ argument: String, in state: CoachState) -> Reply {
        let ask = CoachMessage.ask(Prompts.question(for: state))
        let numbers = argument.split(separator: " ").compactMap { Int($0) }
        guard numbers.count == 2, let (o, from) = DraftListing.locate(numbers[0], in: state.draft),
              let (o2, to) = DraftListing.locate(numbers[1], in: state.draft) else {
            return Reply(state, [.problem("Write /move N M with two key result numbers from /show."), ask])
        }
        guard o == o2 else { return Reply(state, [.problem("Key results move within their own objective."), ask]) }
        var next = snapshot(state)
        let kr = next.draft.objectives[o].keyResults.remove(at: from)
        next.draft.objectives[o].keyResults.insert(kr, at: to)
        next.unsaved = true
        return Reply(next, [.say(DraftListing.text(of: next.draft)), ask])
    }

    private func skip(in state: CoachState) -> Reply {
        switch state.phase {
        case .cycle:
            var next = state
            next.phase = .objective
            return Reply(next, [.say("Skipped the cycle; each objective will need its own timeframe."), .ask(Prompts.question(for: next))])
        case .confirmObjective(let text):
            return acceptObjective(text, in: state)
        case .confirmKeyResult(let text, _):
            return acceptKeyResult(text, in: state, notes: [])
        case .keyResult:
            return finishObjective(in: state)
        case .kpiTarget, .kpiSource, .kpiFrequency:
            var next = state
            next.phase = .keyResult
            return Reply(next, [.say("Dropped that line."), .ask(Prompts.question(for: next))])
        case .nextStep:
            return finishSet(in: state)
        default:
            return Reply(state, [.problem("There is nothing to skip here."), .ask(Prompts.question(for: state))])
        }
    }

    private func objectiveNumber(_ text: String) -> Int? {
        guard text.first == "O" || text.first == "o", let n = Int(text.dropFirst()), n >= 1 else { return nil }
        return n - 1
    }
}
