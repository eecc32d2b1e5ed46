/// One thing the coach says. The adapter decides how it looks (colour, wrapping).
public struct CoachMessage: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Plain talk.
        case say
        /// A question the coach is waiting on.
        case ask
        /// A rule's finding: in full (with why, the question to ask and any suggestion) or as a
        /// one-line reminder once its rule was explained this session.
        case finding(Finding, FindingDetail)
        /// Something the user typed that the coach could not use.
        case problem
    }

    public enum FindingDetail: Hashable, Sendable {
        /// Full the first time its rule speaks in a session, a reminder after that.
        case auto
        case full
        case reminder
    }

    public var kind: Kind
    public var text: String

    public static func say(_ text: String) -> CoachMessage { CoachMessage(kind: .say, text: text) }
    public static func ask(_ text: String) -> CoachMessage { CoachMessage(kind: .ask, text: text) }
    public static func problem(_ text: String) -> CoachMessage { CoachMessage(kind: .problem, text: text) }
    public static func finding(_ finding: Finding) -> CoachMessage { CoachMessage.finding(finding, .auto) }
    public static func finding(_ finding: Finding, _ detail: FindingDetail) -> CoachMessage {
        CoachMessage(kind: .finding(finding, detail), text: finding.message)
    }

    /// The finding this message carries, if it is one.
    public var finding: Finding? {
        if case .finding(let finding, _) = kind { return finding }
        return nil
    }
}
