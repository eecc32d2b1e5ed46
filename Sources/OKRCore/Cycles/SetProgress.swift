/// Where a set stands from its check-ins: every key result's score, latest confidence and trend,
/// every KPI's latest reading against its level, and each objective's score (the mean of its key
/// results that can be scored).
public struct SetProgress: Hashable, Sendable {
    public enum Trend: Hashable, Sendable {
        case up(Double), down(Double), flat

        /// Between the last two readings, by score (key results) or by value (KPIs).
        static func between(_ previous: Double?, _ latest: Double?) -> Trend? {
            guard let previous, let latest else { return nil }
            let delta = latest - previous
            if delta > 1e-9 { return .up(delta) }
            if delta < -1e-9 { return .down(-delta) }
            return .flat
        }

        public var name: String {
            switch self {
            case .up: return "up"
            case .down: return "down"
            case .flat: return "flat"
            }
        }
    }

    public struct KeyResultProgress: Hashable, Sendable {
        public var item: SetItem
        public var label: String
        public var text: String
        public var basis: Score.Basis
        public var result: Score.Result
        /// The latest check-in that says where the line stands.
        public var latest: CheckIn?
        /// The latest confidence given, even on a check-in with only a note.
        public var confidence: Int?
        public var trend: Trend?
        public var checkIns: Int
        /// The note of the latest check-in that has one.
        public var note: String?

        /// A check-in's reading as the line writes its numbers: `44`, `4%`, `done`.
        public func reading(of checkIn: CheckIn) -> String {
            if let done = checkIn.done { return done ? "done" : "not done" }
            guard let value = checkIn.value else { return "-" }
            if case .numeric(_, let target, _) = basis { return target.written(value) }
            return CheckInInput.format(value)
        }
    }

    public struct KPIProgress: Hashable, Sendable {
        public var item: SetItem
        public var label: String
        public var kpi: KPI
        public var level: KPILevel?
        public var latest: CheckIn?
        public var trend: Trend?
        public var note: String?
        /// nil when there is no reading, or no level to compare it with.
        public var holds: Bool? {
            guard let level, let value = latest?.value else { return nil }
            return level.holds(value)
        }
    }

    public struct ObjectiveProgress: Hashable, Sendable {
        public var index: Int
        public var title: String
        public var score: Double?
        public var keyResults: [KeyResultProgress]
        public var kpis: [KPIProgress]
    }

    public var objectives: [ObjectiveProgress]
    /// The mean of the objectives' scores.
    public var score: Double?
    public var checkIns: Int

    public init(set: OKRSet, checkIns: [CheckIn]) {
        var objectives: [ObjectiveProgress] = []
        var used = 0
        for (o, objective) in set.objectives.enumerated() {
            var krs: [KeyResultProgress] = []
            for (k, kr) in objective.keyResults.enumerated() {
                let item = SetItem(.keyResult, objective: o, index: k)
                let history = CheckIn.history(of: item, in: set, from: checkIns)
                used += history.count
                let basis = Score.basis(of: kr.text)
                let readings = history.filter(\.hasReading)
                let scores = readings.map { Score.score(basis, value: $0.value, done: $0.done).value }
                let trend = readings.count >= 2 ? Trend.between(scores[scores.count - 2], scores[scores.count - 1]) : nil
                krs.append(KeyResultProgress(item: item, label: item.label(in: set), text: kr.text, basis: basis,
                                             result: Score.score(basis, value: readings.last?.value, done: readings.last?.done),
                                             latest: readings.last, confidence: history.last(where: { $0.confidence != nil })?.confidence,
                                             trend: trend, checkIns: history.count, note: history.last(where: { $0.note != nil })?.note))
            }
            var kpis: [KPIProgress] = []
            for (k, kpi) in objective.kpis.enumerated() {
                let item = SetItem(.kpi, objective: o, index: k)
                let history = CheckIn.history(of: item, in: set, from: checkIns)
                used += history.count
                let values = history.compactMap(\.value)
                kpis.append(KPIProgress(item: item, label: item.label(in: set), kpi: kpi, level: KPILevel(target: kpi.target),
                                        latest: history.last(where: { $0.value != nil }),
                                        trend: values.count >= 2 ? Trend.between(values[values.count - 2], values[values.count - 1]) : nil,
                                        note: history.last(where: { $0.note != nil })?.note))
            }
            objectives.append(ObjectiveProgress(index: o, title: objective.title, score: Score.mean(krs.compactMap(\.result.value)),
                                                keyResults: krs, kpis: kpis))
        }
        self.objectives = objectives
        self.score = Score.mean(objectives.compactMap(\.score))
        self.checkIns = used
    }

    public var keyResults: [KeyResultProgress] { objectives.flatMap(\.keyResults) }
}
