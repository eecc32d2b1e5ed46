/// A qualitative, time-bound goal, measured by its key results.
public struct Objective: Codable, Hashable, Sendable {
    public var title: String
    public var owner: String?
    public var timeframe: Timeframe?
    /// The objective (often a higher level's, in another set) that this one serves.
    public var parent: ParentRef?
    public var keyResults: [KeyResult]
    /// Business-as-usual health metrics kept beside the objective (often demoted key results).
    public var kpis: [KPI]
    public var location: SourceLocation?

    public init(title: String, owner: String? = nil, timeframe: Timeframe? = nil, parent: ParentRef? = nil,
                keyResults: [KeyResult] = [], kpis: [KPI] = [], location: SourceLocation? = nil) {
        self.title = title
        self.owner = owner
        self.timeframe = timeframe
        self.parent = parent
        self.keyResults = keyResults
        self.kpis = kpis
        self.location = location
    }
}
