import Foundation
import Yams

/// One token condition of a pattern, as a rule file writes it (LanguageTool's `<token>`):
///
///     - lemma: [launch, ship]      # the dictionary form is one of these (`launch*`, `*ed` wildcards)
///       class: verb                # the lexicon knows it as a verb (noun, verb, adjective, adverb)
///       tag: [number, percent]     # what the token stands for
///       not_lemma: [plan]          # ...and its lemma is none of these
///       min: 0                     # optional; `max: 3` repeats it up to three times
///       mark: true                 # the finding points at this token
///     - skip: 2                    # up to two tokens of anything
///     - any: true                  # exactly one token of anything
struct TokenTest: Hashable, Sendable {
    var lemmas: WordList?
    var texts: WordList?
    var notLemmas: WordList?
    var notTexts: WordList?
    var classes: WordClass?
    var notClasses: WordClass?
    var tags: [TaggedToken.Tag] = []
    var notTags: [TaggedToken.Tag] = []
    var min = 1
    var max = 1
    var mark = false

    static let keys = ["lemma", "text", "not_lemma", "not_text", "class", "not_class", "tag", "not_tag",
                       "min", "max", "mark", "skip", "any"]

    static let classNames: [(String, WordClass)] = [("noun", .noun), ("verb", .verb), ("adjective", .adjective), ("adverb", .adverb)]

    /// The analyser's tags by name (a name the analyser does not know is left out).
    static let tagNames: [String] = ["word", "number", "numberWord", "percent", "money", "duration", "date", "quarter",
                                     "year", "comparator", "cadence", "quantifier", "punctuation"]
        .filter { TaggedToken.Tag(rawValue: $0) != nil }

    init(_ node: Node, what: String) throws(YAMLTree.Problem) {
        let fields = try YAMLTree.mapping(node, allowed: Set(Self.keys), what: what)
        if let skip = fields["skip"] {
            guard fields.count == 1 else { throw YAMLTree.problem(node, "'skip' stands alone in its token: '- skip: 2'") }
            let count = try YAMLTree.integer(skip, what: "'skip'")
            guard count >= 1 else { throw YAMLTree.problem(skip, "'skip' must be at least 1") }
            min = 0
            max = count
            return
        }
        func words(_ key: String) throws(YAMLTree.Problem) -> WordList? {
            guard let node = fields[key] else { return nil }
            let items = try YAMLTree.strings(node, what: "'\(key)'")
            guard !items.isEmpty else { throw YAMLTree.problem(node, "'\(key)' is an empty list") }
            do {
                return try WordList(parsing: items)
            } catch {
                throw YAMLTree.problem(node, "'\(error.word)' in '\(key)' is not a word; write a word, 'prefix*' or '*suffix'")
            }
        }
        func classes(_ key: String) throws(YAMLTree.Problem) -> WordClass? {
            guard let node = fields[key] else { return nil }
            let names = try YAMLTree.strings(node, what: "'\(key)'")
            guard !names.isEmpty else { throw YAMLTree.problem(node, "'\(key)' is an empty list") }
            let found = try YAMLTree.choices(names, node: node, what: "'\(key)'", allowed: Self.classNames.map(\.0)) { name in
                Self.classNames.first { $0.0 == name }?.1
            }
            return found.reduce(WordClass()) { $0.union($1) }
        }
        func tags(_ key: String) throws(YAMLTree.Problem) -> [TaggedToken.Tag] {
            guard let node = fields[key] else { return [] }
            let names = try YAMLTree.strings(node, what: "'\(key)'")
            guard !names.isEmpty else { throw YAMLTree.problem(node, "'\(key)' is an empty list") }
            return try YAMLTree.choices(names, node: node, what: "'\(key)'", allowed: Self.tagNames) { TaggedToken.Tag(rawValue: $0) }
        }
        lemmas = try words("lemma")
        texts = try words("text")
        notLemmas = try words("not_lemma")
        notTexts = try words("not_text")
        self.classes = try classes("class")
        notClasses = try classes("not_class")
        self.tags = try tags("tag")
        notTags = try tags("not_tag")
        if let node = fields["any"] {
            guard try YAMLTree.bool(node, what: "'any'") else { throw YAMLTree.problem(node, "'any' can only be true; leave it out otherwise") }
            guard fields.keys.allSatisfy({ ["any", "min", "max", "mark"].contains($0) }) else {
                throw YAMLTree.problem(node, "'any: true' takes no other condition")
            }
        } else if !fields.keys.contains(where: { !["min", "max", "mark"].contains($0) }) {
            throw YAMLTree.problem(node, "a token needs a condition (lemma, text, class, tag, not_...), 'any: true' or 'skip: N'")
        }
        if let node = fields["min"] {
            min = try YAMLTree.integer(node, what: "'min'")
            guard min >= 0 else { throw YAMLTree.problem(node, "'min' cannot be negative") }
            max = Swift.max(min, 1)
        }
        if let node = fields["max"] {
            max = try YAMLTree.integer(node, what: "'max'")
            guard max >= 1, max >= min else { throw YAMLTree.problem(node, "'max' must be at least 1 and at least 'min'") }
        }
        if let node = fields["mark"] { mark = try YAMLTree.bool(node, what: "'mark'") }
    }

    mutating func link(_ table: inout WordTable) {
        lemmas?.link(&table)
        texts?.link(&table)
        notLemmas?.link(&table)
        notTexts?.link(&table)
    }

    /// Whether token `i` of the line passes (with linked word ids).
    @inline(__always) func matches(_ line: RuleLine, _ i: Int) -> Bool {
        let token = line.tokens[i]
        if !tags.isEmpty, !tags.contains(token.tag) { return false }
        if !notTags.isEmpty, notTags.contains(token.tag) { return false }
        if let classes, token.classes.isDisjoint(with: classes) { return false }
        if let notClasses, !token.classes.isDisjoint(with: notClasses) { return false }
        if let lemmas, !lemmas.contains(token.lemma, id: line.lemmaID(i)) { return false }
        if let texts, !texts.contains(token.text, id: line.textID(i)) { return false }
        if let notLemmas, notLemmas.contains(token.lemma, id: line.lemmaID(i)) { return false }
        if let notTexts, notTexts.contains(token.text, id: line.textID(i)) { return false }
        return true
    }

    /// The same test from the strings alone: the reference the linked form is tested against.
    func matchesUnlinked(_ token: TaggedToken) -> Bool {
        if !tags.isEmpty, !tags.contains(token.tag) { return false }
        if !notTags.isEmpty, notTags.contains(token.tag) { return false }
        if let classes, token.classes.isDisjoint(with: classes) { return false }
        if let notClasses, !token.classes.isDisjoint(with: notClasses) { return false }
        if let lemmas, !lemmas.containsUnlinked(token.lemma.string) { return false }
        if let texts, !texts.containsUnlinked(token.text.string) { return false }
        if let notLemmas, notLemmas.containsUnlinked(token.lemma.string) { return false }
        if let notTexts, notTexts.containsUnlinked(token.text.string) { return false }
        return true
    }
}
