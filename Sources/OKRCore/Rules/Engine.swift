/// Runs the rules over a set and returns findings in document order.
public struct Engine: Sendable {
    public let ruleSet: RuleSet
    private let krRules: [Rule]
    private let objectiveRules: [Rule]
    private let setRules: [Rule]

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        // Rules that others name in `skip_if` run first, so the skip can be decided.
        let skipped = Set(ruleSet.rules.flatMap(\.skipIf))
        let ordered = ruleSet.rules.filter { skipped.contains($0.id) } + ruleSet.rules.filter { !skipped.contains($0.id) }
        krRules = ordered.filter { $0.target == .kr }
        objectiveRules = ordered.filter { $0.target == .objective }
        setRules = ordered.filter { $0.target == .set }
    }

    public func check(_ set: OKRSet) -> [Finding] {
        var findings: [Finding] = []
        for objective in set.objectives {
            findings += check(objective: objective, in: set)
            for (index, kr) in objective.keyResults.enumerated() {
                findings += check(keyResult: kr, earlier: objective.keyResults[..<index])
            }
        }
        findings += checkSetLevel(set)
        return findings.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
    }

    /// Checks one key result as it is written; `earlier` are the objective's key results before it.
    public func check(keyResult kr: KeyResult, earlier: ArraySlice<KeyResult> = []) -> [Finding] {
        let tokens = Tokenizer.tokens(kr.text)
        var findings: [Finding] = []
        for rule in krRules {
            if !rule.skipIf.isEmpty, findings.contains(where: { rule.skipIf.contains($0.rule) }) { continue }
            var hit: Int?
            switch rule.check {
            case .similarity(let threshold):
                let words = Self.contentWords(tokens)
                if earlier.contains(where: { Self.similarity(words, Self.contentWords(Tokenizer.tokens($0.text))) >= threshold }) {
                    hit = 0
                }
            default:
                hit = Self.match(rule.check, tokens)
            }
            if let hit {
                findings.append(Finding(rule: rule, subject: kr.text, location: Self.location(kr.location, tokens, hit)))
            }
        }
        return findings
    }

    /// Checks an objective on its own: its wording, its timeframe, and how many key results it has.
    public func check(objective: Objective, in set: OKRSet) -> [Finding] {
        let tokens = Tokenizer.tokens(objective.title)
        var findings: [Finding] = []
        for rule in objectiveRules {
            if !rule.skipIf.isEmpty, findings.contains(where: { rule.skipIf.contains($0.rule) }) { continue }
            var flagged = false
            var hit = 0
            switch rule.check {
            case .timeframe:
                flagged = objective.timeframe == nil && set.timeframe == nil
            case .count(let min, let max):
                let n = objective.keyResults.count
                flagged = (min.map { n < $0 } ?? false) || (max.map { n > $0 } ?? false)
            default:
                if let index = Self.match(rule.check, tokens) {
                    flagged = true
                    hit = index
                }
            }
            if flagged {
                findings.append(Finding(rule: rule, subject: objective.title, location: Self.location(objective.location, tokens, hit)))
            }
        }
        return findings
    }

    /// Rules about the set as a whole, such as how many objectives it has.
    public func checkSetLevel(_ set: OKRSet) -> [Finding] {
        let tokens = Tokenizer.tokens(set.title)
        var findings: [Finding] = []
        for rule in setRules {
            var flagged = false
            switch rule.check {
            case .count(let min, let max):
                let n = set.objectives.count
                flagged = (min.map { n < $0 } ?? false) || (max.map { n > $0 } ?? false)
            default:
                flagged = Self.match(rule.check, tokens) != nil
            }
            if flagged { findings.append(Finding(rule: rule, subject: set.title, location: set.location)) }
        }
        return findings
    }

    /// For text checks: the index of the token where the problem shows, or nil when it passes.
    static func match(_ check: RuleCheck, _ tokens: [Token]) -> Int? {
        switch check {
        case .existence(let first, let phrases, let unless):
            var hit: Int?
            if !first.isEmpty, let firstWord = tokens.first, firstWord.kind == .word, first.contains(firstWord.text) {
                hit = 0
            }
            if hit == nil {
                for phrase in phrases {
                    if let index = phrase.firstMatch(in: tokens) {
                        hit = index
                        break
                    }
                }
            }
            guard let found = hit else { return nil }
            for phrase in unless where phrase.firstMatch(in: tokens) != nil { return nil }
            return found
        case .absence(let phrases):
            for phrase in phrases where phrase.firstMatch(in: tokens) != nil { return nil }
            return 0
        case .count, .timeframe, .similarity:
            return nil
        }
    }

    private static func location(_ base: SourceLocation?, _ tokens: [Token], _ index: Int) -> SourceLocation? {
        guard var location = base else { return nil }
        if index < tokens.count { location.column += tokens[index].column - 1 }
        return location
    }

    static let stopWords: Set<String> = ["a", "an", "the", "of", "to", "from", "by", "for", "in", "on", "and", "or", "our",
                                         "we", "with", "at", "per", "each", "every", "all", "its", "their", "is", "be"]

    static func contentWords(_ tokens: [Token]) -> Set<String> {
        Set(tokens.lazy.filter { !($0.kind == .word && stopWords.contains($0.text)) }.map { Self.stem($0.text) })
    }

    /// A crude stem so that "reduce"/"reducing", "ticket"/"tickets" count as the same word.
    static func stem(_ word: String) -> String {
        for suffix in ["ing", "ed", "es", "s"] where word.count > suffix.count + 3 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    /// Jaccard overlap of two word sets: 1 when they hold the same words.
    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        return Double(a.intersection(b).count) / Double(a.union(b).count)
    }
}
