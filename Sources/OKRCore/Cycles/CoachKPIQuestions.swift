/// The coach's own questions for a KPI's level, data source and frequency, so `okr next` asks
/// them in the same words as the coach does when it keeps a line as a KPI.
enum CoachKPIQuestions {
    static func target(_ measurement: String) -> String {
        Prompts.kpiTarget
    }

    static func source(_ measurement: String, target: String) -> String {
        Prompts.kpiSource
    }

    static func frequency(_ measurement: String, target: String, source: String) -> String {
        Prompts.kpiFrequency
    }
}
