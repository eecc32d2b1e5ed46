import Foundation

/// The objective, usually in another team's set, that an objective serves.
///
/// Documents write it as `Parent: <set-id> / <objective title>` (Markdown) or
/// `parent: {set: <set-id>, objective: <title>}` (YAML, JSON). A parent written without a set id
/// (`Parent: Ship with confidence`, the older form) keeps `setID` empty: it names an objective
/// without saying which set holds it.
public struct ParentRef: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    public var setID: String
    public var objective: String

    public init(setID: String, objective: String) {
        self.setID = setID
        self.objective = objective
    }

    /// Reads the Markdown form. Set ids are slugs and never hold " / ", so the first " / "
    /// separates them from the title, which may itself contain slashes.
    public init(text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let separator = trimmed.range(of: " / ") {
            let setID = trimmed[..<separator.lowerBound].trimmingCharacters(in: .whitespaces)
            let objective = trimmed[separator.upperBound...].trimmingCharacters(in: .whitespaces)
            if !setID.isEmpty, !setID.contains(" "), !objective.isEmpty {
                self.init(setID: setID, objective: objective)
                return
            }
        }
        self.init(setID: "", objective: trimmed)
    }

    public init(stringLiteral value: String) {
        self.init(text: value)
    }

    /// The Markdown form, read back by `init(text:)`.
    public var text: String { setID.isEmpty ? objective : "\(setID) / \(objective)" }

    public var description: String { text }
}

/// Encoded as its Markdown form, one string, so the JSON of a model saved before parents named
/// their set (a bare title) still decodes.
extension ParentRef: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(text: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
