/// Judges a learner's line with the rule engine: the same rules the coach and `okr check` use.
public struct ExerciseJudge: Sendable {
    public let engine: Engine

    public init(engine: Engine) {
        self.engine = engine
    }

    public struct Verdict: Sendable {
        public var passed: Bool
        /// Findings that made it fail (a rule that spoke when it must not).
        public var unwanted: [Finding]
        /// Rules that should have spoken and did not.
        public var missing: [String]
    }

    public func judge(_ answer: String, for exercise: Exercise) -> Verdict {
        let findings: [Finding]
        switch exercise.kind {
        case .kr:
            let earlier = exercise.earlier.map { KeyResult(text: $0) }
            findings = engine.check(keyResult: KeyResult(text: answer), earlier: earlier[...])
        case .objective:
            // Judged on its own: no set around it, so its own words must carry the timeframe.
            let objective = Objective(title: answer, timeframe: try? Timeframe.find(in: answer, reference: CalendarDay(year: 2026, month: 1, day: 1)),
                                      keyResults: [KeyResult(text: "Raise NPS from 31 to 45"), KeyResult(text: "Cut churn from 3% to 2%")])
            findings = engine.check(objective: objective, in: OKRSet(objectives: [objective]))
        }
        let unwanted = findings.filter { exercise.mustNot.contains($0.rule) }
        let raised = Set(findings.map(\.rule))
        let missing = exercise.mustFlag.filter { !raised.contains($0) }
        return Verdict(passed: unwanted.isEmpty && missing.isEmpty, unwanted: unwanted, missing: missing)
    }
}
