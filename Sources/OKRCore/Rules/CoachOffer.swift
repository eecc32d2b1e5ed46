/// What the coach may offer the writer after a finding. A rule declares its offers in its file
/// (`offers: [rephrase, keep, keep-as-kpi, use-suggestion]`), so the coach never needs to know
/// rule ids: disabling or adding a rule cannot hide or break a path.
public enum CoachOffer: String, Codable, Hashable, Sendable, CaseIterable {
    /// Write the line again.
    case rephrase
    /// Keep the line as it is.
    case keep
    /// Keep the line as a KPI beside the objective (target, data source, how often).
    case keepAsKPI = "keep-as-kpi"
    /// Take the finding's suggested rewrite (and fill its blanks).
    case useSuggestion = "use-suggestion"

    /// Offers of a rule that declares none.
    public static let defaults: [CoachOffer] = [.rephrase, .keep]
}
