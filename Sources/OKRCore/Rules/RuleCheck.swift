/// The few kinds of check every rule is made of; a rule file picks one and fills in its data.
public enum RuleCheck: Hashable, Sendable {
    /// Flags the text when any phrase (or first word) matches and no `unless` phrase does.
    case existence(first: Set<String>, phrases: [PhrasePattern], unless: [PhrasePattern])
    /// Flags the text when none of the phrases matches.
    case absence(phrases: [PhrasePattern])
    /// Flags an objective with too many or too few key results, or a set with too many or
    /// too few objectives.
    case count(min: Int?, max: Int?)
    /// Flags an objective with no timeframe of its own nor from its set.
    case timeframe
    /// Flags a key result whose words mostly repeat an earlier one of the same objective.
    case similarity(threshold: Double)

    public var kind: String {
        switch self {
        case .existence: return "existence"
        case .absence: return "absence"
        case .count: return "count"
        case .timeframe: return "timeframe"
        case .similarity: return "similarity"
        }
    }
}
