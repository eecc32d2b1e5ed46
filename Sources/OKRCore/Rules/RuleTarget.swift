/// What a rule looks at: a whole set, one objective, or one key result.
public enum RuleTarget: String, Codable, Hashable, Sendable, CaseIterable {
    case set, objective, kr
}
