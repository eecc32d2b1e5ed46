import Foundation

/// Judges a learner's line with the rule engine: the same checks the coach and `okr check` use.
public struct ExerciseJudge: Sendable {
    public let engine: Engine
    /// The day relative timeframes in answers mean ("this quarter").
    public let reference: CalendarDay

    public init(engine: Engine, reference: CalendarDay) {
        self.engine = engine
        self.reference = reference
    }

    public struct Verdict: Sendable {
        public var passed: Bool
        /// Findings that made it fail (a rule that spoke when it must not).
        public var unwanted: [Finding]
        /// Rules that should have spoken and did not.
        public var missing: [String]
        /// Everything raised on the line, for `/why`.
        public var findings: [Finding]
    }

    public func judge(_ answer: String, for exercise: Exercise) -> Verdict {
        let findings: [Finding]
        switch exercise.kind {
        case .kr:
            let earlier = exercise.earlier.map { KeyResult(text: $0) }
            findings = engine.check(keyResult: KeyResult(text: Self.asKeyResultLine(answer)), earlier: earlier[...])
        case .objective:
            // Judged on its own: no set around it, so its own words must carry the timeframe.
            // A title with a timeframe that cannot be (a "Q5") has none, and is judged so.
            let timeframe: Timeframe?
            do {
                timeframe = try Timeframe.find(in: answer, reference: reference)
            } catch {
                timeframe = nil
            }
            let objective = Objective(title: answer, timeframe: timeframe,
                                      keyResults: [KeyResult(text: "Raise NPS from 31 to 45"), KeyResult(text: "Cut churn from 3% to 2%")])
            findings = engine.check(objective: objective, in: OKRSet(objectives: [objective]))
        }
        let unwanted = findings.filter { exercise.mustNot.contains($0.rule) }
        let raised = Set(findings.map(\.rule))
        let missing = exercise.mustFlag.filter { !raised.contains($0) }
        return Verdict(passed: unwanted.isEmpty && missing.isEmpty, unwanted: unwanted, missing: missing, findings: findings)
    }

    /// An answer written in the KPI form the course teaches ("Churn: at most 2% as reported by
    /// Stripe, measured every month") is judged by what it measures and the level it names
    /// ("Churn at most 2%"), so a level reads as a KPI and a change ("from 4% to 2%") does not.
    static func asKeyResultLine(_ answer: String) -> String {
        guard answer.range(of: " as reported by ", options: .caseInsensitive) != nil else { return answer }
        do {
            let kpi = try KPI(line: answer)
            return "\(kpi.measurement) \(kpi.target)"
        } catch {
            // Not a whole KPI line after all: judged as written.
            return answer
        }
    }
}
