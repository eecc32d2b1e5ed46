/// The coach's own questions for a KPI's level, data source and frequency, so `okr next` asks
/// them in the same words as the coach does when it keeps a line as a KPI.
enum CoachKPIQuestions {
    static func target(_ measurement: String) -> String {
        Prompts.question(for: CoachState(phase: .kpiTarget(measurement)))
    }

    static func source(_ measurement: String, target: String) -> String {
        Prompts.question(for: CoachState(phase: .kpiSource(measurement, target: target)))
    }

    static func frequency(_ measurement: String, target: String, source: String) -> String {
        Prompts.question(for: CoachState(phase: .kpiFrequency(measurement, target: target, source: source)))
    }
}
