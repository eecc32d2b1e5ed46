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

    /// An objective read from its title: a timeframe written in it ("... in Q3 2026") is its own,
    /// and one that cannot be (a "Q5") is an error. The document readers and the coach both read
    /// titles this way, so the coach never keeps a title `okr check` would refuse.
    public init(title: String, reference: CalendarDay, location: SourceLocation? = nil) throws(TimeframeError) {
        self.init(title: title, timeframe: try Timeframe.find(in: title, reference: reference), location: location)
    }
}
