import OKRCore

/// One line of `okr list`: a set as of its latest version.
public struct SetSummary: Hashable, Sendable {
    public var name: String
    public var title: String
    public var team: String?
    public var timeframe: String?
    public var latestVersion: Int
    public var savedBy: String
    public var savedAt: String
}

/// One line of `okr history`: who saved which version, from which base, and what it held.
public struct VersionInfo: Hashable, Sendable {
    public var name: String
    public var version: Int
    public var baseVersion: Int?
    public var author: String
    public var savedAt: String
    public var title: String
    public var objectiveCount: Int
    public var keyResultCount: Int
    public var findingCount: Int
}

/// A set as it was saved, with the findings it was saved with.
public struct StoredSet: Hashable, Sendable {
    public var name: String
    public var version: Int
    public var author: String
    public var savedAt: String
    public var set: OKRSet
    public var findings: [Finding]
}
