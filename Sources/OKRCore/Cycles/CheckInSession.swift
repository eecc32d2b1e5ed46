import Foundation

/// The check-in conversation as a pure state machine: for each key result (and KPI) the current
/// value, or done / not done for a milestone, then a confidence from 1 to 10 and an optional note.
/// Each line's check-in is handed out as an effect the moment it is complete, so quitting halfway
/// keeps everything answered so far; a bad number is said and asked again, nothing else changes.
public struct CheckInSession: Sendable {
    public let set: OKRSet
    public let setVersion: Int
    public let items: [SetItem]
    public let history: [CheckIn]

    public struct State: Codable, Hashable, Sendable {
        public enum Step: Codable, Hashable, Sendable {
            case value, confidence, note, finished
        }

        public var position: Int
        public var step: Step
        /// The check-in being filled for `items[position]`.
        public var pending: CheckIn?
        public var recorded: Int

        public init() {
            position = 0
            step = .value
            recorded = 0
        }
    }

    public enum Effect: Hashable, Sendable {
        /// Store this check-in now (author and time are the adapter's to fill).
        case record(CheckIn)
        case finish
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

    public init(set: OKRSet, setVersion: Int, history: [CheckIn], items: [SetItem]? = nil) {
        self.set = set
        self.setVersion = setVersion
        self.history = history
        self.items = items ?? SetItem.all(in: set)
    }

    public func start() -> Reply {
        let krs = items.filter { $0.kind == .keyResult }.count, kpis = items.count - krs
        var what = "\(krs) key result\(krs == 1 ? "" : "s")"
        if kpis > 0 { what += " and \(kpis) KPI\(kpis == 1 ? "" : "s")" }
        let intro: CoachMessage = .say("Checking in on \(set.title): \(what). Press Enter to skip a line, or type 'stop' to end here; "
                                       + "each line is recorded as soon as it is answered.")
        guard !items.isEmpty else {
            var state = State()
            state.step = .finished
            return Reply(state, [.say("\(set.title) has no key results or KPIs to check in on.")], [.finish])
        }
        return Reply(State(), [intro] + introduce(0) + [question(State())])
    }

    public func reply(to rawLine: String, in state: State) -> Reply {
        let line = rawLine.trimmingCharacters(in: .whitespaces)
        guard state.step != .finished, state.position < items.count else { return Reply(state, [], [.finish]) }
        if ["stop", "/quit", "/stop", "quit"].contains(line.lowercased()) { return stop(state) }
        let item = items[state.position]
        var next = state
        switch state.step {
        case .value:
            if line.isEmpty { return advance(state, messages: [.say("Skipped \(item.label(in: set)).")]) }
            var checkIn = CheckIn(item: item, text: item.text(in: set) ?? "", setVersion: setVersion)
            do {
                (checkIn.value, checkIn.done) = try reading(line, for: item)
            } catch {
                return Reply(state, [.problem(error.description), question(state)])
            }
            next.pending = checkIn
            next.step = .confidence
            return Reply(next, [question(next)])
        case .confidence:
            if !line.isEmpty {
                do {
                    next.pending?.confidence = try CheckInInput.confidence(line)
                } catch {
                    return Reply(state, [.problem(error.description), question(state)])
                }
            }
            next.step = .note
            return Reply(next, [question(next)])
        case .note:
            if !line.isEmpty { next.pending?.note = line }
            return record(next)
        case .finished:
            return Reply(state, [], [.finish])
        }
    }

    /// End of input: a line with a value already typed is recorded with what it has.
    public func endOfInput(in state: State) -> Reply {
        if state.step == .confidence || state.step == .note, state.pending != nil {
            var reply = record(state, moveOn: false)
            reply.state.step = .finished
            reply.messages += [summary(reply.state)]
            reply.effects.append(.finish)
            return reply
        }
        return stop(state)
    }

    // MARK: - Steps

    private func stop(_ state: State) -> Reply {
        var next = state
        next.step = .finished
        return Reply(next, [summary(next)], [.finish])
    }

    private func summary(_ state: State) -> CoachMessage {
        .say(state.recorded == 0 ? "Nothing recorded." : "\(state.recorded) check-in\(state.recorded == 1 ? "" : "s") recorded.")
    }

    private func record(_ state: State, moveOn: Bool = true) -> Reply {
        guard let checkIn = state.pending else { return advance(state, messages: []) }
        var next = state
        next.pending = nil
        next.recorded += 1
        let said: CoachMessage = .say("Recorded \(checkIn.item.label(in: set)): \(outcome(of: checkIn)).")
        guard moveOn else { return Reply(next, [said], [.record(checkIn)]) }
        var reply = advance(next, messages: [said])
        reply.effects.insert(.record(checkIn), at: 0)
        return reply
    }

    private func advance(_ state: State, messages: [CoachMessage]) -> Reply {
        var next = state
        next.position += 1
        next.step = .value
        next.pending = nil
        guard next.position < items.count else {
            next.step = .finished
            return Reply(next, messages + [summary(next)], [.finish])
        }
        return Reply(next, messages + introduce(next.position) + [question(next)])
    }

    /// What the new check-in says: the value, and the score it gives a key result.
    public func outcome(of checkIn: CheckIn) -> String {
        var parts: [String] = []
        if let value = checkIn.value {
            switch checkIn.item.kind == .keyResult ? Score.basis(of: checkIn.text) : nil {
            case .numeric(_, let target, _)?: parts.append(target.written(value))
            default: parts.append(set.objectives[checkIn.item.objective].kpis[safe: checkIn.item.index]?.level?.render(value) ?? CheckInInput.format(value))
            }
        }
        if let done = checkIn.done { parts.append(done ? "done" : "not done") }
        if checkIn.item.kind == .keyResult, let score = Score.score(Score.basis(of: checkIn.text), value: checkIn.value, done: checkIn.done).value {
            parts.append("score " + Score.format(score))
        }
        if checkIn.item.kind == .kpi, let value = checkIn.value, let level = set.objectives[checkIn.item.objective].kpis[checkIn.item.index].level {
            parts.append(level.holds(value) ? "holds its level" : "below its level")
        }
        if let confidence = checkIn.confidence { parts.append("confidence \(confidence)/10") }
        return parts.joined(separator: ", ")
    }

    /// What a typed answer says about `item`: a number, done / not done for a milestone, or either
    /// for a line that cannot be scored. Shared by the conversation and `okr checkin --kr`.
    public func reading(_ text: String, for item: SetItem) throws(CheckInInput.Problem) -> (value: Double?, done: Bool?) {
        switch expected(item) {
        case .number(let unit): return (try CheckInInput.value(text, unit: unit), nil)
        case .doneOrNot: return (nil, try CheckInInput.done(text))
        case .either: return try CheckInInput.valueOrDone(text)
        }
    }

    private enum Expected { case number(unit: String?), doneOrNot, either }

    private func expected(_ item: SetItem) -> Expected {
        guard item.kind == .keyResult, let text = item.text(in: set) else { return .number(unit: nil) }
        switch Score.basis(of: text) {
        case .numeric(_, _, let unit): return .number(unit: unit)
        case .milestone: return .doneOrNot
        case .unscorable: return .either
        }
    }

    /// The line, and where it stood at the last check-in.
    private func introduce(_ position: Int) -> [CoachMessage] {
        let item = items[position]
        var messages: [CoachMessage] = [.say("\(item.label(in: set)). \(item.text(in: set) ?? "")")]
        let earlier = CheckIn.history(of: item, in: set, from: history)
        if let last = earlier.last(where: \.hasReading) {
            messages.append(.say("   Last check-in: \(outcome(of: last))."))
        }
        if item.kind == .keyResult, case .unscorable(let reason, let fix) = Score.basis(of: item.text(in: set) ?? "") {
            messages.append(.say("   This line cannot be scored: \(reason); \(fix)."))
        }
        return messages
    }

    private func question(_ state: State) -> CoachMessage {
        let item = items[min(state.position, items.count - 1)]
        switch state.step {
        case .value:
            switch expected(item) {
            case .number:
                if item.kind == .keyResult, let text = item.text(in: set), case .numeric(let baseline, let target, _) = Score.basis(of: text) {
                    return .ask("Where is it now? (from \(baseline.text) toward \(target.text); Enter to skip)")
                }
                return .ask("Where is it now? (a number; Enter to skip)")
            case .doneOrNot: return .ask("Done or not done? (Enter to skip)")
            case .either: return .ask("Where is it now? (a number, or done / not done; Enter to skip)")
            }
        case .confidence:
            return item.kind == .keyResult
                ? .ask("How confident are you of reaching it by the end of the cycle, from 1 to 10? (Enter to skip)")
                : .ask("How confident are you that it holds, from 1 to 10? (Enter to skip)")
        case .note: return .ask("A note? (Enter for none)")
        case .finished: return .say("")
        }
    }
}

extension KPI {
    /// The level the KPI's target names, if it names one with a number.
    public var level: KPILevel? { KPILevel(target: target) }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
