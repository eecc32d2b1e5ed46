/// The set (and version) a set was planned from by `okr next`.
public struct SetOrigin: Hashable, Sendable, Codable {
    public var set: String
    public var version: Int?

    public init(set: String, version: Int?) {
        self.set = set
        self.version = version
    }
}
