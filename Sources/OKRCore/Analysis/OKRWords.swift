/// The hand-kept word lists of OKR writing (rules/vocabulary/okr-words.yml): change verbs,
/// activity nouns, health metrics, done states, units, metric synonyms and the smaller word classes
/// the analysers read (events, nouns of change, of measure, of effort, plans, people…). Loaded once.
final class OKRWords: Sendable {
    /// A list of single lemmas and multi-word phrases (as lemma sequences).
    struct List: Sendable {
        var singles: WordSet = []
        /// First lemma -> the phrases that start with it, longest first, as words (compared as bits).
        var phrases = WordMap<[[Word]]>()

        init(_ entries: [String]) {
            for entry in entries {
                // "world-class" is matched as the tokens world, -, class.
                let words = entry.replacingOccurrences(of: "-", with: " - ").split(separator: " ").map(String.init)
                if words.count == 1 {
                    singles.insert(words[0])
                } else if let first = words.first {
                    phrases[Word(first)] = (phrases[Word(first)] ?? []) + [words.map(Word.init)]
                }
            }
            for (key, list) in phrases.entries { phrases[key] = list.sorted { $0.count > $1.count } }
            hasPhrases = phrases.count > 0
        }

        private(set) var hasPhrases = false

        @inline(__always) func contains(_ lemma: Word) -> Bool { singles.contains(lemma) }
        func contains(_ lemma: String) -> Bool { singles.contains(lemma) }

        /// How many tokens from `start` form an entry, matching on lemma or text; 0 when none.
        func match(_ tokens: [TaggedToken], at start: Int) -> Int {
            guard start < tokens.count else { return 0 }
            let t = tokens[start]
            guard t.tag != .punctuation else { return 0 }
            if hasPhrases {
                if let n = matchPhrase(tokens, start, t.lemma) { return n }
                if t.text != t.lemma, let n = matchPhrase(tokens, start, t.text) { return n }
            }
            return singles.contains(t.lemma) || t.text != t.lemma && singles.contains(t.text) ? 1 : 0
        }

        private func matchPhrase(_ tokens: [TaggedToken], _ start: Int, _ key: Word) -> Int? {
            guard let candidates = phrases[key] else { return nil }
            for phrase in candidates where start + phrase.count <= tokens.count {
                var ok = true
                for k in 1..<phrase.count {
                    let u = tokens[start + k]
                    if u.lemma != phrase[k] && u.text != phrase[k] { ok = false; break }
                }
                if ok { return phrase.count }
            }
            return nil
        }
    }

    // A class: the analyser copies its reader per line, and a reference is one retain, not twenty.
    let changeUp: List, changeDown: List, reach: List, hold: List
    let activity: List, insiders: List, external: List, health: List, moneyMetrics: List
    let doneStates: List, steady: List, duty: List, qualities: List, evaluative: List
    let recurringEvents: List, changeNouns: List, growthWords: List, manner: List, definitions: List, measureNouns: List
    let effort: List, qualifiers: List, plans: List, objectivePlans: List, people: List, scopeVerbs: List, vagueIdioms: List, openProblems: List
    let teaching: List, inputVerbs: List
    /// Any spelling of a unit -> its folded form ("milliseconds" -> "ms").
    let units: WordMap<Word>
    let unitPhrases: List
    /// Any spelling of a metric word -> its folded form ("attrition" -> "churn").
    let synonyms: WordMap<Word>
    let synonymPhrases: [String: [[String]]]

    static let shared: OKRWords = {
        guard let file = EmbeddedRules.files.first(where: { $0.path == "vocabulary/okr-words.yml" }) else {
            preconditionFailure("rules/vocabulary/okr-words.yml is not embedded")
        }
        do throws(YAMLTree.Problem) {
            return try OKRWords(yaml: file.text)
        } catch {
            // The file is part of the build and covered by tests; a broken one is a build defect.
            preconditionFailure("rules/vocabulary/okr-words.yml:\(error.line):\(error.column): \(error.message)")
        }
    }()

    init(yaml: String) throws(YAMLTree.Problem) {
        guard let root = try YAMLTree.parse(yaml) else { throw YAMLTree.Problem(line: 1, column: 1, message: "empty word list") }
        let keys: Set<String> = ["change_up", "change_down", "reach", "hold", "activity", "internal", "external", "health",
                                 "money_metrics", "done_states", "steady", "duty", "units", "synonyms", "qualities", "evaluative",
                                 "recurring_events", "change_nouns", "growth_words", "manner", "definitions", "measure_nouns",
                                 "effort", "qualifiers", "plans", "objective_plans", "people", "scope_verbs", "vague_idioms", "open_problems",
                                 "teaching", "input_verbs"]
        let fields = try YAMLTree.mapping(root, allowed: keys, what: "the word lists")
        func list(_ key: String) throws(YAMLTree.Problem) -> List {
            guard let node = fields[key] else { throw YAMLTree.problem(root, "missing '\(key)'") }
            return List(try YAMLTree.strings(node, what: "'\(key)'").map { $0.lowercased() })
        }
        func folding(_ key: String) throws(YAMLTree.Problem) -> [String: [String]] {
            guard let node = fields[key] else { throw YAMLTree.problem(root, "missing '\(key)'") }
            guard case .mapping(let mapping) = node else { throw YAMLTree.problem(node, "'\(key)' must be a mapping") }
            var result: [String: [String]] = [:]
            for (k, v) in mapping {
                let name = try YAMLTree.string(k, what: "a key of '\(key)'")
                result[name] = try YAMLTree.strings(v, what: "'\(key).\(name)'").map { $0.lowercased() }
            }
            return result
        }
        changeUp = try list("change_up"); changeDown = try list("change_down"); reach = try list("reach"); hold = try list("hold")
        activity = try list("activity"); insiders = try list("internal"); external = try list("external"); health = try list("health")
        moneyMetrics = try list("money_metrics"); doneStates = try list("done_states"); steady = try list("steady"); duty = try list("duty")
        qualities = try list("qualities"); evaluative = try list("evaluative")
        recurringEvents = try list("recurring_events"); changeNouns = try list("change_nouns"); growthWords = try list("growth_words")
        manner = try list("manner"); definitions = try list("definitions"); measureNouns = try list("measure_nouns")
        effort = try list("effort"); qualifiers = try list("qualifiers"); plans = try list("plans")
        objectivePlans = try list("objective_plans"); people = try list("people"); scopeVerbs = try list("scope_verbs"); vagueIdioms = try list("vague_idioms"); openProblems = try list("open_problems")
        teaching = try list("teaching"); inputVerbs = try list("input_verbs")
        // Folded forms as words: the tagger and the metric key read them on every line.
        var units = WordMap<Word>()
        var unitSpellings: [String] = []
        for (folded, spellings) in try folding("units") {
            for spelling in spellings {
                if spelling.contains(" ") { unitSpellings.append(spelling) }
                units[Word(spelling)] = Word(folded)
            }
        }
        self.units = units
        unitPhrases = List(unitSpellings)
        var synonyms = WordMap<Word>()
        var synonymPhrases: [String: [[String]]] = [:]
        for (folded, spellings) in try folding("synonyms") {
            for spelling in spellings {
                let words = spelling.split(separator: " ").map(String.init)
                if words.count == 1 { synonyms[Word(spelling)] = Word(folded) } else { synonymPhrases[folded, default: []].append(words) }
            }
        }
        self.synonyms = synonyms
        self.synonymPhrases = synonymPhrases
    }
}
