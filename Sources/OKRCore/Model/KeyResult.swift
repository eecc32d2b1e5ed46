/// A measurable outcome: the line as written, and what could be read out of it.
public struct KeyResult: Codable, Hashable, Sendable {
    public var text: String
    public var location: SourceLocation?

    public init(text: String, location: SourceLocation? = nil) {
        self.text = text
        self.location = location
    }

    /// Metric, baseline, target, unit and deadline, as far as the wording reveals them.
    public var measure: Measure { Measure(parsing: text) }
}
