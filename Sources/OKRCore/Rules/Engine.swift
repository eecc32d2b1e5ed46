/// Runs the rules over a set and returns findings in document order.
public struct Engine: Sendable {
    public let ruleSet: RuleSet
    private let krRules: [(rule: Rule, check: CompiledCheck)]
    private let objectiveRules: [(rule: Rule, check: CompiledCheck)]
    private let setRules: [(rule: Rule, check: CompiledCheck)]
    private let vocabulary: Vocabulary
    private let usesSimilarity: Bool

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        // Rules that others name in `skip_if` run first, so the skip can be decided.
        let skipped = Set(ruleSet.rules.flatMap(\.skipIf))
        let ordered = ruleSet.rules.filter { skipped.contains($0.id) } + ruleSet.rules.filter { !skipped.contains($0.id) }
        var vocabulary = Vocabulary()
        var compiled: [(rule: Rule, check: CompiledCheck)] = []
        for rule in ordered { compiled.append((rule, CompiledCheck(rule.check, vocabulary: &vocabulary))) }
        self.vocabulary = vocabulary
        krRules = compiled.filter { $0.rule.target == .kr }
        objectiveRules = compiled.filter { $0.rule.target == .objective }
        setRules = compiled.filter { $0.rule.target == .set }
        usesSimilarity = krRules.contains { if case .similarity = $0.rule.check { return true } else { return false } }
    }

    /// A line's tokens and, for each, its id in the rules' vocabulary (-1 for words no rule uses).
    struct Analysis {
        let tokens: [Token]
        let ids: [Int32]
    }

    func analyze(_ text: String) -> Analysis {
        let tokens = Tokenizer.tokens(text)
        return Analysis(tokens: tokens, ids: tokens.map { $0.kind == .word ? vocabulary.id(of: $0.text) : -1 })
    }

    public func check(_ set: OKRSet) -> [Finding] {
        var findings: [Finding] = []
        for objective in set.objectives {
            findings += check(objective: objective, in: set)
            var earlier: [[String]] = []
            earlier.reserveCapacity(objective.keyResults.count)
            for kr in objective.keyResults {
                let analysis = analyze(kr.text)
                let words = usesSimilarity ? Self.contentWords(analysis.tokens) : []
                findings += check(kr, analysis, earlierWords: earlier, words: words)
                if usesSimilarity { earlier.append(words) }
            }
        }
        // Findings come out in document order already, but for the set's own (about its title);
        // sorting tens of thousands of findings only to move those few would dominate big files.
        let setFindings = checkSetLevel(set)
        let key = { (f: Finding) in (f.location?.line ?? 0, f.location?.column ?? 0) }
        if let first = findings.first, setFindings.allSatisfy({ key($0) <= key(first) }) {
            findings = setFindings + findings
        } else {
            findings += setFindings
        }
        guard zip(findings, findings.dropFirst()).allSatisfy({ key($0) <= key($1) }) else {
            return findings.sorted { key($0) < key($1) }
        }
        return findings
    }

    /// Checks one key result as it is written; `earlier` are the objective's key results before it.
    public func check(keyResult kr: KeyResult, earlier: ArraySlice<KeyResult> = []) -> [Finding] {
        let analysis = analyze(kr.text)
        let earlierWords = usesSimilarity ? earlier.map { Self.contentWords(Tokenizer.tokens($0.text)) } : []
        return check(kr, analysis, earlierWords: earlierWords, words: usesSimilarity ? Self.contentWords(analysis.tokens) : [])
    }

    private func check(_ kr: KeyResult, _ analysis: Analysis, earlierWords: [[String]], words: [String]) -> [Finding] {
        var findings: [Finding] = []
        for (rule, compiled) in krRules {
            if !rule.skipIf.isEmpty, findings.contains(where: { rule.skipIf.contains($0.rule) }) { continue }
            var hit: Int?
            if case .similarity(let threshold) = rule.check {
                if earlierWords.contains(where: { Self.similarity(words, $0) >= threshold }) { hit = 0 }
            } else {
                hit = compiled.match(analysis.tokens, analysis.ids)
            }
            if let hit {
                var finding = Finding(rule: rule, subject: kr.text, location: Self.location(kr.location, analysis.tokens, hit))
                finding.subjectStart = kr.location
                findings.append(finding)
            }
        }
        return findings
    }

    /// Checks an objective on its own: its wording, its timeframe, and how many key results it has.
    public func check(objective: Objective, in set: OKRSet) -> [Finding] {
        let analysis = analyze(objective.title)
        var findings: [Finding] = []
        for (rule, compiled) in objectiveRules {
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
                if let index = compiled.match(analysis.tokens, analysis.ids) {
                    flagged = true
                    hit = index
                }
            }
            if flagged {
                findings.append(Finding(rule: rule, subject: objective.title, location: Self.location(objective.location, analysis.tokens, hit)))
            }
        }
        return findings
    }

    /// Rules about the set as a whole, such as how many objectives it has.
    public func checkSetLevel(_ set: OKRSet) -> [Finding] {
        var findings: [Finding] = []
        for (rule, compiled) in setRules {
            var flagged = false
            switch rule.check {
            case .count(let min, let max):
                let n = set.objectives.count
                flagged = (min.map { n < $0 } ?? false) || (max.map { n > $0 } ?? false)
            default:
                let analysis = analyze(set.title)
                flagged = compiled.match(analysis.tokens, analysis.ids) != nil
            }
            if flagged { findings.append(Finding(rule: rule, subject: set.title, location: set.location)) }
        }
        return findings
    }

    /// The reference matcher, straight from the rule's patterns: slower, kept so a test can prove
    /// the compiled form gives the same answers.
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

    /// For tests: the compiled matcher's answer for one rule on one text.
    func compiledMatch(_ ruleID: String, _ text: String) -> Int? {
        guard let compiled = (krRules + objectiveRules + setRules).first(where: { $0.rule.id == ruleID })?.check else { return nil }
        let analysis = analyze(text)
        return compiled.match(analysis.tokens, analysis.ids)
    }

    private static func location(_ base: SourceLocation?, _ tokens: [Token], _ index: Int) -> SourceLocation? {
        guard var location = base else { return nil }
        if index < tokens.count { location.column += tokens[index].column - 1 }
        return location
    }

    static let stopWords: Set<String> = ["a", "an", "the", "of", "to", "from", "by", "for", "in", "on", "and", "or", "our",
                                         "we", "with", "at", "per", "each", "every", "all", "its", "their", "is", "be"]

    /// A line's distinct content words (stemmed), sorted so two lines compare by one merge.
    static func contentWords(_ tokens: [Token]) -> [String] {
        var words: [String] = []
        words.reserveCapacity(tokens.count)
        for token in tokens where !(token.kind == .word && stopWords.contains(token.text)) { words.append(stem(token.text)) }
        words.sort()
        var unique: [String] = []
        unique.reserveCapacity(words.count)
        for word in words where unique.last != word { unique.append(word) }
        return unique
    }

    /// A crude stem so that "reduce"/"reducing", "ticket"/"tickets" count as the same word.
    static func stem(_ word: String) -> String {
        let length = word.utf8.count
        for suffix in ["ing", "ed", "es", "s"] where length > suffix.utf8.count + 3 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count))
        }
        return word
    }

    /// Jaccard overlap of two sorted word lists: 1 when they hold the same words.
    static func similarity(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        var i = 0, j = 0, shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(shared) / Double(a.count + b.count - shared)
    }
}
