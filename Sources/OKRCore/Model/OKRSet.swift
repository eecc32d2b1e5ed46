/// One OKR set: what a team commits to for one cycle.
public struct OKRSet: Codable, Hashable, Sendable {
    public var title: String
    public var owner: String?
    public var team: String?
    public var timeframe: Timeframe?
    public var objectives: [Objective]
    public var location: SourceLocation?

    public init(title: String = "", owner: String? = nil, team: String? = nil, timeframe: Timeframe? = nil,
                objectives: [Objective] = [], location: SourceLocation? = nil) {
        self.title = title
        self.owner = owner
        self.team = team
        self.timeframe = timeframe
        self.objectives = objectives
        self.location = location
    }

    public var keyResultCount: Int { objectives.reduce(0) { $0 + $1.keyResults.count } }
}
