/// A `{slot}` of a suggestion template and how it is filled from a line's reading and tokens.
/// Numbers are never made up: a number the line does not state is a blank, `__`.
enum SuggestSlot: String, CaseIterable, Sendable {
    /// The metric phrase, as written ("p95 API latency").
    case metric
    /// The stated baseline, target or relative change, or a blank with the line's unit ("__%").
    case baseline, target, change
    /// A blank with the line's unit: "__%", "$__", "__ days", or "__".
    case blank
    case unit, deadline, cadence
    /// "raise" or "cut", from the direction or the comparator ("at most" → "cut").
    case raiseOrCut = "raise_or_cut"
    /// The line's first word when it is a verb, as written ("Submit").
    case verb
    /// What the task is about ("contracts" in "Submit all contracts on time").
    case object
    /// The verb's past participle ("submitted").
    case done
    /// The object, the participle and what follows: "contracts submitted on time".
    case donePhrase = "done_phrase"
    /// The counted things of an activity ("sales calls" in "Make 100 sales calls a week").
    case activity
    /// The counted thing, one of them ("call").
    case activityOne = "activity_one"
    /// The line before and after the words the finding points at (to split a compound line).
    case before, after
    /// The whole line as written.
    case line

    /// Slots that are numbers: a blank when the line does not state them, so they never fail.
    var isNumber: Bool { self == .baseline || self == .target || self == .change || self == .blank }
}

/// Fills slots for one finding.
struct SuggestFiller {
    let line: RuleLine
    let hit: RuleHit
    /// The first word, when the line starts with a verb ("Submit all contracts..."): found once,
    /// since most slots ask for it.
    private let verbIndex: Int?

    init(line: RuleLine, hit: RuleHit) {
        self.line = line
        self.hit = hit
        let tokens = line.tokens
        let hasBe = tokens.contains { Self.beForms.contains($0.text) || $0.lemma == "be" }
        if let first = tokens.first, first.tag == .word, first.classes.contains(.verb), !hasBe { verbIndex = 0 } else { verbIndex = nil }
    }

    private var reading: KRReading? { line.keyResult }

    func value(_ slot: SuggestSlot) -> String? {
        switch slot {
        case .metric: return metricAsWritten
        case .baseline: return number(reading?.baseline)
        case .target: return number(reading?.target)
        case .change: return number(reading?.change)
        case .blank: return blank
        case .unit: return unit
        case .deadline: return reading?.deadline
        case .cadence: return reading?.cadence
        case .raiseOrCut: return raiseOrCut
        case .verb: return verbIndex.flatMap { line.slice($0..<($0 + 1)) }
        case .object: return objectPhrase
        case .done: return verbIndex.map { Participle.of(line.tokens[$0].lemma.string) }
        case .donePhrase: return donePhrase
        case .activity: return activityRange.flatMap { midSentence(line.slice($0), at: $0) }
        case .activityOne: return activityRange.map { singular(line.tokens[$0.upperBound - 1]) }
        case .before: return line.slice(0..<hit.focus.lowerBound)
        case .after: return line.slice(hit.focus.upperBound..<line.tokens.count)
        case .line: return line.text.isEmpty ? nil : line.text
        }
    }

    // MARK: numbers

    // Read through the line, not `reading`, whose copy of the whole reading this would make.
    private var unit: String? { line.keyResult?.unit ?? line.keyResult?.target?.unit ?? line.keyResult?.baseline?.unit }

    private var blank: String {
        switch unit {
        case nil: return "__"
        case "%": return "__%"
        case "$": return "$__"
        case let unit?: return "__ \(Self.plural(unit))"
        }
    }

    /// A unit word after a blank, which stands for more than one: "day" → "days"; "ms" stays.
    static func plural(_ unit: String) -> String {
        guard unit.count > 2, unit.allSatisfy(\.isLetter), !unit.hasSuffix("s") else { return unit }
        return unit + "s"
    }

    private func number(_ quantity: Quantity?) -> String {
        guard let quantity else { return blank }
        let text = quantity.text
        if Self.carriesItsUnit(text) { return text }
        switch quantity.unit ?? unit {
        case nil: return text
        case "%": return text + "%"
        case "$": return "$" + text
        case let unit?: return "\(text) \(unit)"
        }
    }

    /// "8%", "$1.2M", "300 ms": the number as written already says what it counts. Bytes for an
    /// ASCII text (most are), characters otherwise.
    static func carriesItsUnit(_ text: String) -> Bool {
        var text = text
        if let ascii = text.withUTF8({ bytes -> Bool? in
            var found = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "$") {
                    found = true
                }
            }
            return found
        }) { return ascii }
        return text.contains { $0.isLetter || $0 == "%" || $0 == "$" || $0 == "€" || $0 == "£" }
    }

    private var raiseOrCut: String? {
        switch reading?.direction {
        case .up: return "raise"
        case .down: return "cut"
        default: break
        }
        switch reading?.comparator {
        case .atLeast, .above: return "raise"
        case .atMost, .below: return "cut"
        default: return nil
        }
    }

    /// The metric, which the analyser gives lower-cased, in the line's own capitals ("nps" → "NPS").
    private var metricAsWritten: String? {
        guard let reading, reading.hasMetric else { return nil }
        guard let range = reading.metricRange, let written = line.slice(range) else { return reading.metric }
        return midSentence(written, at: range) ?? written
    }

    /// Words taken from the start of the line or of what follows a label ("Finance: Month-end
    /// close …"), put in the middle of a sentence.
    private func midSentence(_ words: String?, at range: Range<Int>) -> String? {
        guard let words else { return nil }
        let startsSentence = range.lowerBound == 0 || tokens[range.lowerBound - 1].text == ":"
        return startsSentence ? Self.uncapitalised(words) : words
    }

    /// "Median time" → "median time", but "SSO" and "SDK" stay.
    static func uncapitalised(_ words: String) -> String {
        let first = words.prefix { $0.isLetter }
        guard first.count > 1, first.dropFirst().allSatisfy(\.isLowercase) else { return words }
        return words.prefix(1).lowercased() + words.dropFirst()
    }

    // MARK: words

    private static let determiners: WordSet = ["the", "a", "an", "all", "every", "each", "our", "their", "its", "this",
                                                   "these", "those", "any", "some", "of", "my", "your"]
    private static let particles: WordSet = ["out", "up", "off", "down", "through", "over"]
    private static let stops: WordSet = ["on", "by", "for", "to", "in", "within", "before", "after", "across", "at", "with",
                                             "from", "per", "into", "under", "over", "via", "so", "that", "and", "or", "as",
                                             "a", "an", "the", "every", "each", "than", "without", "until", "during", "of"]
    private static let beForms: WordSet = ["be", "is", "are", "was", "were", "been", "being", "has", "have"]

    private var tokens: [TaggedToken] { line.tokens }


    /// Whether token `i` ends a noun phrase: a number or sign, a preposition or article, a form
    /// of "be". A hyphen joins ("sign-on", "time-to-hire"), whether the tagger keeps it or not.
    private func isBreak(_ i: Int) -> Bool {
        let token = tokens[i]
        if isHyphen(i) || isCadenceAdjective(i) { return false }
        guard token.tag == .word else { return true }
        if Self.stops.contains(token.text), !(i > 0 && isHyphen(i - 1)), line.gap(before: i) != "-" { return true }
        return Self.beForms.contains(token.text) || token.lemma == "be"
    }

    /// "weekly" in "a weekly incident review": a cadence word that describes the next word.
    private func isCadenceAdjective(_ i: Int) -> Bool {
        tokens[i].tag == .cadence && tokens[i].text.hasSuffix("ly") && i + 1 < tokens.count && tokens[i + 1].tag == .word
    }

    /// A "-" token written between two words with no space.
    private func isHyphen(_ i: Int) -> Bool {
        tokens[i].text == "-" && i > 0 && i + 1 < tokens.count && line.gap(before: i).isEmpty && line.gap(before: i + 1).isEmpty
    }

    /// The noun phrase a task is about: after the verb (and a particle, articles and quantities),
    /// or, for a line stating a result ("SSO is in place"), before the state words.
    private var objectRange: Range<Int>? {
        var i = 0
        if verbIndex != nil {
            i = 1
            if i < tokens.count, Self.particles.contains(tokens[i].text) { i += 1 }
        }
        while i < tokens.count, !isCadenceAdjective(i), tokens[i].tag != .word || Self.determiners.contains(tokens[i].text) { i += 1 }
        var j = i
        while j < tokens.count, !isBreak(j) {
            // In a line stating a result, an adverb, a participle or a verb ends the subject
            // ("SDK generally available", "managers complete the course").
            if verbIndex == nil, j > i, isStateWord(tokens[j]) || tokens[j].classes.contains(.verb) && !tokens[j].classes.contains(.noun) { break }
            j += 1
        }
        return i < j ? i..<j : nil
    }

    private func isStateWord(_ token: TaggedToken) -> Bool {
        if token.classes == .adverb { return true }
        return token.text.hasSuffix("ed") && (token.classes.isEmpty || token.classes.contains(.verb))
    }

    /// The object as written, in the plural when the line counts one ("a weekly review" → "weekly
    /// reviews"), since the suggestion speaks of a share of them.
    private var objectPhrase: String? {
        guard let range = objectRange, var phrase = midSentence(line.slice(range), at: range) else { return nil }
        if countsOne(range), let last = phrase.last, last.isLetter {
            let head = tokens[range.upperBound - 1].text
            phrase = String(phrase.dropLast(head.count)) + Self.pluralNoun(String(phrase.suffix(head.count)))
        }
        return phrase
    }

    static func pluralNoun(_ word: String) -> String {
        let lower = word.lowercased()
        if lower.hasSuffix("s") || lower.hasSuffix("x") || lower.hasSuffix("ch") || lower.hasSuffix("sh") { return word + "es" }
        if lower.hasSuffix("y"), let before = lower.dropLast().last, !"aeiou".contains(before) { return word.dropLast() + "ies" }
        return word + "s"
    }

    /// "a weekly review": one of something countable.
    private func countsOne(_ range: Range<Int>) -> Bool {
        range.lowerBound > 0 && (tokens[range.lowerBound - 1].text == "a" || tokens[range.lowerBound - 1].text == "an")
    }

    /// A share of work done needs things to count: "contracts", "a review" (but not "the travel budget").
    private func isCountable(_ range: Range<Int>) -> Bool {
        let head = tokens[range.upperBound - 1]
        return countsOne(range) || head.lemma != head.text && head.text.hasSuffix("s")
    }

    private var donePhrase: String? {
        guard let verb = verbIndex, let object = objectRange, isCountable(object), let phrase = objectPhrase else { return nil }
        let rest = line.slice(object.upperBound..<tokens.count).map { " " + $0 } ?? ""
        return phrase + " " + Participle.of(tokens[verb].lemma.string) + rest
    }

    /// The counted things: up to the reading's focus on an activity ("sales calls" in "Make 100
    /// sales calls a week"), else the words after the first number, else the metric.
    private var activityRange: Range<Int>? {
        if let reading, reading.kind == .activity, reading.focus.count == 1, reading.focus.upperBound <= tokens.count,
           tokens[reading.focus.lowerBound].tag == .word {
            let head = reading.focus.lowerBound
            var start = head
            // Back over the words naming the things, not over a clause's verb ("ambassadors give talks").
            while start > 1, tokens[start - 1].tag == .word, !isBreak(start - 1), !isStateWord(tokens[start - 1]),
                  !(tokens[start - 1].verbFirst && tokens[start - 2].plural) { start -= 1 }
            if start == 1, verbIndex == nil, tokens[0].tag == .word, !isBreak(0) { start = 0 }
            return start..<(head + 1)
        }
        if let number = tokens.firstIndex(where: { $0.isQuantity }) {
            var j = number + 1
            while j < tokens.count, !isBreak(j), !isStateWord(tokens[j]) { j += 1 }
            if j > number + 1 { return (number + 1)..<j }
        }
        guard let range = reading?.metricRange else { return nil }
        var end = range.upperBound
        while end > range.lowerBound + 1, isStateWord(tokens[end - 1]) { end -= 1 }
        return range.lowerBound..<end
    }

    private func singular(_ token: TaggedToken) -> String {
        if token.lemma != token.text { return token.lemma.string }
        if token.text.hasSuffix("ies") { return token.text.string.dropLast(3) + "y" }
        if token.text.hasSuffix("s"), !token.text.hasSuffix("ss") { return String(token.text.string.dropLast()) }
        return token.text.string
    }
}
