import Foundation

/// A health metric watched as business as usual: what is measured, the level to hold,
/// where the number comes from and how often it is read.
public struct KPI: Codable, Hashable, Sendable {
    public var measurement: String
    public var target: String
    public var source: String
    public var frequency: String
    public var location: SourceLocation?

    public init(measurement: String, target: String, source: String, frequency: String, location: SourceLocation? = nil) {
        self.measurement = measurement
        self.target = target
        self.source = source
        self.frequency = frequency
        self.location = location
    }

    /// The one-line form used in documents: `Uptime: at least 99.9% as reported by Grafana, measured every week`.
    public var line: String { "\(measurement): \(target) as reported by \(source), measured every \(frequency)" }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case missing(String)
        public var description: String {
            switch self {
            case .missing(let part):
                return "a KPI needs \(part): write 'MEASUREMENT: TARGET as reported by SOURCE, measured every FREQUENCY'"
            }
        }
    }

    public init(line: String, location: SourceLocation? = nil) throws(ParseError) {
        guard let colon = line.firstIndex(of: ":") else { throw .missing("a measurement followed by ':'") }
        let measurement = line[..<colon].trimmingCharacters(in: .whitespaces)
        let rest = line[line.index(after: colon)...]
        guard let reported = rest.range(of: " as reported by ", options: .caseInsensitive) else {
            throw .missing("a data source ('as reported by ...')")
        }
        let target = rest[..<reported.lowerBound].trimmingCharacters(in: .whitespaces)
        let afterSource = rest[reported.upperBound...]
        guard let every = afterSource.range(of: ", measured every ", options: .caseInsensitive) else {
            throw .missing("a frequency (', measured every ...')")
        }
        let source = afterSource[..<every.lowerBound].trimmingCharacters(in: .whitespaces)
        let frequency = afterSource[every.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !measurement.isEmpty else { throw .missing("a measurement") }
        guard !target.isEmpty else { throw .missing("a target") }
        guard !source.isEmpty else { throw .missing("a data source") }
        guard !frequency.isEmpty else { throw .missing("a frequency") }
        self.init(measurement: measurement, target: target, source: source, frequency: frequency, location: location)
    }
}
