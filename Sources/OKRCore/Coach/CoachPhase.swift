/// The step of the flow the coach is on: each asks one question (see `Prompts`).
public enum CoachPhase: Codable, Hashable, Sendable {
    case cycle
    /// Who the set is for: a team, or a person for a personal set.
    case team
    /// The set's title, with one offered from team and cycle.
    case title(offered: String)
    case objective
    /// The objective raised findings: what may be done about them.
    case confirmObjective(String, CoachReview)
    case keyResult
    /// The key result raised findings: what may be done about them.
    case confirmKeyResult(String, CoachReview)
    /// A suggested line whose blanks ("__") are asked for one at a time.
    case fillBlanks(String, of: LineKind)
    case kpiTarget(String)
    case kpiSource(String, target: String)
    case kpiFrequency(String, target: String, source: String)
    /// After an objective's review: another objective, or finish.
    case nextStep
    case finished

    public enum LineKind: String, Codable, Hashable, Sendable {
        case objective, keyResult
    }
}

/// What findings on a line allow: the offers their rules declare, and a suggested rewrite.
public struct CoachReview: Codable, Hashable, Sendable {
    public var offers: [CoachOffer]
    public var suggestion: String?

    public init(offers: [CoachOffer], suggestion: String? = nil) {
        self.offers = offers
        self.suggestion = suggestion
    }

    /// Rephrasing is always possible; keeping needs every blocking finding to allow it (one
    /// rule that says "rephrase only" is not overruled by another); a KPI or a suggestion needs
    /// one finding to offer it.
    public init(findings: [Finding]) {
        let blocking = findings.filter { $0.severity != .info }
        var offers: [CoachOffer] = [.rephrase]
        let suggestion = blocking.first { $0.offers.contains(.useSuggestion) && $0.suggestion != nil }?.suggestion
        if suggestion != nil { offers.append(.useSuggestion) }
        if blocking.allSatisfy({ $0.offers.contains(.keep) }) { offers.append(.keep) }
        if blocking.contains(where: { $0.offers.contains(.keepAsKPI) }) { offers.append(.keepAsKPI) }
        self.init(offers: offers, suggestion: suggestion)
    }

    public func allows(_ offer: CoachOffer) -> Bool { offers.contains(offer) }
}

/// A question laid over whatever step the coach is on; answering it goes back to that step.
public enum CoachOverlay: Codable, Hashable, Sendable {
    /// An earlier unfinished draft was found: resume it, keep it for later, or throw it away?
    case resumeOffer
    /// Leaving the draft with changes not saved: save first?
    case confirmLeave(LeaveAction)
    /// `/load` over a draft that is saved but on screen: replace it?
    case confirmReplace(String)
}

/// What the user asked for that takes the draft off the screen.
public enum LeaveAction: Codable, Hashable, Sendable {
    case quit
    case new
    case load(String)
}
