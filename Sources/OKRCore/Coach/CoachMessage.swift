/// One thing the coach says. The adapter decides how it looks (colour, indentation).
public struct CoachMessage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Plain talk.
        case say
        /// A question the coach is waiting on.
        case ask
        /// A rule's finding, with its reason and coaching question.
        case finding(Finding)
        /// Something the user typed that the coach could not use.
        case problem
    }

    public var kind: Kind
    public var text: String

    public static func say(_ text: String) -> CoachMessage { CoachMessage(kind: .say, text: text) }
    public static func ask(_ text: String) -> CoachMessage { CoachMessage(kind: .ask, text: text) }
    public static func problem(_ text: String) -> CoachMessage { CoachMessage(kind: .problem, text: text) }
    public static func finding(_ finding: Finding) -> CoachMessage { CoachMessage(kind: .finding(finding), text: finding.message) }
}
