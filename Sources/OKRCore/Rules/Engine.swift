/// Runs the rules over a set and returns findings in document order. Each line is read once
/// (tagged and analysed) and every rule looks at that one reading.
public struct Engine: Sendable {
    public let ruleSet: RuleSet

    /// A rule with its kind linked to the engine's word table, sorted by what it looks at.
    enum Check: Sendable {
        case line(any LineRuleKind)
        /// `slot` indexes the per-objective sets of keys seen so far.
        case repeated(any RepeatRuleKind, slot: Int)
        case structure(any StructureRuleKind)
    }

    /// A class, so walking the rules for every line copies one reference, not a rule's strings.
    final class Linked: Sendable {
        let rule: Rule
        let check: Check
        let skipIf: Set<String>
        /// A line rule's test as a closure made once: calling it costs no copy of the kind out of
        /// `check`, which a `switch` on every line would make.
        let evaluate: (@Sendable (RuleLine) -> RuleHit?)?
        init(_ rule: Rule, _ check: Check) {
            self.rule = rule
            self.check = check
            skipIf = Set(rule.skipIf)
            if case .line(let kind) = check { evaluate = { kind.evaluate($0) } } else { evaluate = nil }
        }

        /// Whether a rule named in `skip_if` already flagged the line (its findings: `findings[from...]`).
        @inline(__always) func skips(_ findings: [Finding], from start: Int = 0) -> Bool {
            !skipIf.isEmpty && findings[start...].contains { skipIf.contains($0.rule) }
        }
    }

    private let krRules: [Linked]
    private let objectiveRules: [Linked]
    private let setRules: [Linked]
    private let words: WordTable
    private let repeatSlots: Int
    /// Whether a pattern rule runs on every line, so the line's word ids are worth looking up at once.
    private let patternsOnEveryLine: Bool

    public init(ruleSet: RuleSet) {
        self.ruleSet = ruleSet
        // Rules that others name in `skip_if` run first, so the skip can be decided.
        let skipped = Set(ruleSet.rules.flatMap(\.skipIf))
        let ordered = ruleSet.rules.filter { skipped.contains($0.id) } + ruleSet.rules.filter { !skipped.contains($0.id) }
        var words = WordTable()
        var linked: [Linked] = []
        var slots = 0
        for rule in ordered {
            let kind = Self.linked(rule.kind, &words)
            if let line = kind as? any LineRuleKind {
                linked.append(Linked(rule, .line(line)))
            } else if let repeated = kind as? any RepeatRuleKind {
                linked.append(Linked(rule, .repeated(repeated, slot: slots)))
                slots += 1
            } else if let structure = kind as? any StructureRuleKind {
                linked.append(Linked(rule, .structure(structure)))
            }
        }
        self.words = words
        repeatSlots = slots
        patternsOnEveryLine = linked.contains { $0.rule.kind is PatternRule }
        krRules = linked.filter { $0.rule.target == .kr }
        objectiveRules = linked.filter { $0.rule.target == .objective }
        setRules = linked.filter { $0.rule.target == .set }
    }

    private static func linked<K: RuleKind>(_ kind: K, _ words: inout WordTable) -> any RuleKind {
        var kind = kind
        kind.link(&words)
        return kind
    }

    /// The line as the rules see it: read once, shared by every rule.
    func line(_ text: String, _ target: RuleTarget, cache: TagCache? = nil) -> RuleLine {
        RuleLine(text: text, target: target, words: words, precomputeIDs: patternsOnEveryLine, cache: cache)
    }

    /// Runs `count` pieces of work, perhaps at once, and gives their results in piece order. The
    /// core starts no threads: the command line passes one that uses every core.
    public typealias Runner = (_ count: Int, _ piece: (Int) -> [Finding]) -> [[Finding]]

    /// The fewest lines (key results and objectives' titles) worth a piece of their own: each
    /// piece tags its words anew, so a smaller one would spend more on that than a thread saves.
    static let minimumLinesPerPiece = 2_048

    /// The set's findings in document order. Objectives are independent (a repeat is looked for
    /// within an objective), so a big set is checked in pieces of whole objectives, which `run`
    /// may run at once on `jobs` threads; a small one, or one with no runner or one job, is one piece.
    public func check(_ set: OKRSet, jobs: Int = 2, run: Runner? = nil) -> [Finding] {
        var findings: [Finding]
        let pieces = run == nil ? [] : Self.pieces(set.objectives, jobs: jobs)
        if let run, pieces.count > 1 {
            findings = run(pieces.count) { check(set, objectives: pieces[$0]) }.flatMap { $0 }
        } else {
            findings = check(set, objectives: set.objectives.indices)
        }
        // Findings come out in document order already, but for the set's own (about its title);
        // sorting tens of thousands of findings only to move those few would dominate big files.
        let setFindings = checkSetLevel(set)
        let key = { (f: Finding) in (f.location?.line ?? 0, f.location?.column ?? 0) }
        if let first = findings.first, setFindings.allSatisfy({ key($0) <= key(first) }) {
            findings.insert(contentsOf: setFindings, at: 0)  // moves the others along, copies none
        } else {
            findings += setFindings
        }
        guard zip(findings, findings.dropFirst()).allSatisfy({ key($0) <= key($1) }) else {
            return findings.sorted { key($0) < key($1) }
        }
        return findings
    }

    /// Objectives `range` of the set with their key results, each line read once.
    private func check(_ set: OKRSet, objectives range: Range<Int>) -> [Finding] {
        var findings: [Finding] = []
        var seen = Array(repeating: Set<Int>(), count: repeatSlots)
        let cache = TagCache()
        // Every line's findings go straight into one list: no list a line, copied into it.
        for objective in set.objectives[range] {
            check(objective: objective, in: set, cache: cache, into: &findings)
            for i in seen.indices { seen[i].removeAll(keepingCapacity: true) }
            for kr in objective.keyResults {
                check(kr, seen: &seen, cache: cache, into: &findings)
            }
        }
        return findings
    }

    /// The pieces for `jobs` threads: about two a thread, so one that finishes early finds another
    /// left to take, while each piece stays big enough to reuse its tagged words; one piece for one job.
    static func pieces(_ objectives: [Objective], jobs: Int) -> [Range<Int>] {
        guard jobs > 1 else { return [objectives.indices] }
        let lines = objectives.reduce(0) { $0 + $1.keyResults.count + 1 }
        return pieces(objectives, size: max(minimumLinesPerPiece, (lines + 2 * jobs - 1) / (2 * jobs)))
    }

    /// Consecutive objectives grouped into pieces of at least `size` lines, an objective's title
    /// and its key results (the last may hold fewer); one piece when the set is small.
    static func pieces(_ objectives: [Objective], size: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = 0, count = 0
        for (index, objective) in objectives.enumerated() {
            count += objective.keyResults.count + 1
            if count >= size {
                pieces.append(start..<(index + 1))
                start = index + 1
                count = 0
            }
        }
        if start < objectives.count || pieces.isEmpty { pieces.append(start..<objectives.count) }
        return pieces
    }

    /// Checks one key result as it is written; `earlier` are the objective's key results before it.
    public func check(keyResult kr: KeyResult, earlier: ArraySlice<KeyResult> = []) -> [Finding] {
        var seen = Array(repeating: Set<Int>(), count: repeatSlots)
        if repeatSlots > 0 {
            for other in earlier {
                let line = line(other.text, .kr)
                for entry in krRules {
                    if case .repeated(let kind, let slot) = entry.check { seen[slot].formUnion(kind.keys(of: line)) }
                }
            }
        }
        return check(kr, seen: &seen)
    }

    /// What an objective's key results so far leave for the next one to repeat. The coach keeps
    /// it and adds each line it accepts, so a new line is checked without reading the earlier
    /// ones again: the work per line stays the same however long the objective grows.
    public struct KeyResultMemory: Sendable {
        fileprivate var seen: [Set<Int>]
        /// How many key results it holds.
        public fileprivate(set) var count: Int
    }

    public func memory(of earlier: ArraySlice<KeyResult>) -> KeyResultMemory {
        var memory = KeyResultMemory(seen: Array(repeating: Set<Int>(), count: repeatSlots), count: 0)
        for kr in earlier { remember(kr, in: &memory) }
        return memory
    }

    public func remember(_ kr: KeyResult, in memory: inout KeyResultMemory) {
        memory.count += 1
        guard repeatSlots > 0 else { return }
        let line = line(kr.text, .kr)
        for entry in krRules {
            if case .repeated(let kind, let slot) = entry.check { memory.seen[slot].formUnion(kind.keys(of: line)) }
        }
    }

    /// Checks one key result after the lines `memory` holds, as `check(keyResult:earlier:)` does,
    /// leaving the memory as it was.
    public func check(keyResult kr: KeyResult, after memory: KeyResultMemory) -> [Finding] {
        var seen = memory.seen
        return check(kr, seen: &seen, remember: false)
    }

    private func check(_ kr: KeyResult, seen: inout [Set<Int>], remember: Bool = true, cache: TagCache? = nil) -> [Finding] {
        var findings: [Finding] = []
        check(kr, seen: &seen, remember: remember, cache: cache, into: &findings)
        return findings
    }

    private func check(_ kr: KeyResult, seen: inout [Set<Int>], remember: Bool = true, cache: TagCache? = nil, into findings: inout [Finding]) {
        guard !krRules.isEmpty else { return }
        let line = line(kr.text, .kr, cache: cache)
        let start = findings.count
        for entry in krRules {
            var hit: RuleHit?
            if let evaluate = entry.evaluate {
                if entry.skips(findings, from: start) { continue }
                if let hit = evaluate(line) { findings.append(finding(entry.rule, line, hit, kr.location)) }
                continue
            }
            switch entry.check {
            case .line:
                continue  // evaluated above
            case .repeated(let kind, let slot):
                // Every line's keys are remembered, flagged or not, so a third copy is caught too.
                var repeated = false
                if remember {
                    for key in kind.keys(of: line) where !seen[slot].insert(key).inserted { repeated = true }
                } else {
                    // Read only: inserting would copy the whole memory for one line.
                    var own = Set<Int>()
                    for key in kind.keys(of: line) where seen[slot].contains(key) || !own.insert(key).inserted { repeated = true }
                }
                if repeated, !entry.skips(findings, from: start) { hit = RuleHit(focus: 0..<line.tokens.count) }
            case .structure:
                continue
            }
            if let hit { findings.append(finding(entry.rule, line, hit, kr.location)) }
        }
    }

    /// Checks an objective on its own: its wording, its timeframe, and how many key results it has.
    public func check(objective: Objective, in set: OKRSet) -> [Finding] {
        check(objective: objective, in: set, cache: nil)
    }

    func check(objective: Objective, in set: OKRSet, cache: TagCache?) -> [Finding] {
        var findings: [Finding] = []
        check(objective: objective, in: set, cache: cache, into: &findings)
        return findings
    }

    private func check(objective: Objective, in set: OKRSet, cache: TagCache?, into findings: inout [Finding]) {
        guard !objectiveRules.isEmpty else { return }
        var line: RuleLine?
        let start = findings.count
        for entry in objectiveRules {
            if entry.skips(findings, from: start) { continue }
            switch entry.check {
            case .line(let kind):
                let read = line ?? self.line(objective.title, .objective, cache: cache)
                line = read
                if let hit = kind.evaluate(read) { findings.append(finding(entry.rule, read, hit, objective.location)) }
            case .structure(let kind):
                if kind.flags(objective: objective, in: set) {
                    findings.append(Finding(rule: entry.rule, subject: objective.title, location: objective.location))
                }
            case .repeated:
                continue
            }
        }
    }

    /// Rules about the set as a whole, such as how many objectives it has.
    public func checkSetLevel(_ set: OKRSet) -> [Finding] {
        var findings: [Finding] = []
        for entry in setRules {
            switch entry.check {
            case .line(let kind):
                let line = line(set.title, .set)
                if let hit = kind.evaluate(line) { findings.append(finding(entry.rule, line, hit, set.location)) }
            case .structure(let kind):
                if kind.flags(set: set) { findings.append(Finding(rule: entry.rule, subject: set.title, location: set.location)) }
            case .repeated:
                continue
            }
        }
        return findings
    }

    /// A finding pointing at the hit's first token, with the rule's suggestion filled in.
    private func finding(_ rule: Rule, _ line: RuleLine, _ hit: RuleHit, _ base: SourceLocation?) -> Finding {
        var location = base
        if var at = base, hit.focus.lowerBound < line.tokens.count {
            at.column += line.tokens[hit.focus.lowerBound].column - 1
            location = at
        }
        var finding = Finding(rule: rule, subject: line.text, location: location)
        finding.subjectStart = base
        finding.suggestion = rule.suggest?.fill(line, hit: hit)
        return finding
    }

    /// For tests: the hit of one line rule on one text, as the engine runs it.
    func hit(_ ruleID: String, _ text: String) -> RuleHit? {
        guard let entry = (krRules + objectiveRules + setRules).first(where: { $0.rule.id == ruleID }),
              case .line(let kind) = entry.check else { return nil }
        return kind.evaluate(line(text, entry.rule.target))
    }
}
