/// Reads the shape of an objective: a number (a key result in the wrong place), a deliverable
/// (a task in the wrong place), or a direction or end state (the shape of an objective).
struct ObjectiveAnalyser {
    let words: OKRWords
    let t: [TaggedToken]
    let main: [Int]

    init(tokens: [TaggedToken], words: OKRWords) {
        self.words = words
        self.t = tokens
        // Objectives carry labels like "Objective 2:" or "O1:"; the document reader drops most.
        var main = KRAnalyser.mainTokens(tokens)
        if let first = main.first, t[first].tag == .word, t[first].text == "objective" || (t[first].text.hasPrefix("o") && t[first].text.dropFirst().allSatisfy(\.isNumber) && t[first].text.count > 1) {
            main.removeFirst()
            while let f = main.first, t[f].tag == .number || t[f].tag == .punctuation { main.removeFirst() }
        }
        self.main = main
    }

    func read() -> ObjectiveReading {
        var reading = ObjectiveReading(kind: .direction, tokens: t)
        guard let leadK = main.firstIndex(where: { t[$0].tag != .punctuation }) else { return reading }
        let lead = main[leadK]
        reading.focus = lead..<(lead + 1)
        if let number = numberIndex(leadK) {
            reading.kind = .number
            reading.focus = number..<(number + 1)
            reading.evidence = "a number: '\(t[number].text)'"
            return reading
        }
        if let deliverable = deliverableIndex(leadK) {
            reading.kind = .deliverable
            reading.focus = deliverable..<(deliverable + 1)
            reading.evidence = "a deliverable: '\(t[deliverable].text)'"
            return reading
        }
        reading.evidence = "a direction"
        return reading
    }

    /// A quantity that measures (not a year, a quarter, a date or a name like "SOC 2"), or a
    /// multiplier verb ("Double MRR").
    func numberIndex(_ leadK: Int) -> Int? {
        let leadToken = t[main[leadK]]
        if ["double", "triple", "quadruple", "halve", "10x"].contains(leadToken.text) { return main[leadK] }
        for (k, i) in main.enumerated() where t[i].isQuantity {
            if k > 0, KRAnalyser.nameBeforeNumber.contains(t[main[k - 1]].text), t[main[k - 1]].text != "top" { continue }
            if k + 2 < main.count, t[main[k + 1]].text == ".", t[main[k + 2]].tag == .number { continue }
            // "the 2 of us", "one team": a bare small count word inside a phrase reads as words.
            if t[i].tag == .numberWord, t[i].value ?? 0 <= 1 { continue }
            if t[i].tag == .numberWord, k + 1 < main.count, !words.units.keys.contains(t[main[k + 1]].text), t[i].text != "dozen" {
                // "three new markets" is a count; "one voice" is not.
                if (t[i].value ?? 0) < 2 { continue }
            }
            return i
        }
        return nil
    }

    /// A verb of work with a concrete object ("Launch a beta of the partner portal"), or a
    /// state of work reached ("New CRM live for support").
    func deliverableIndex(_ leadK: Int) -> Int? {
        let lead = main[leadK]
        let tok = t[lead]
        let isBase = tok.verbForm == nil || tok.verbForm == .base
        let roleWords = words.changeUp.match(t, at: lead) > 0 || words.changeDown.match(t, at: lead) > 0 || words.hold.match(t, at: lead) > 0
        if tok.isVerb, isBase, !roleWords, !Self.directionVerbs.contains(tok.lemma) {
            // The object: praise or a quality makes it a direction ("Build a world-class team").
            let rest = main[(leadK + 1)...]
            if rest.isEmpty { return nil }
            if let first = rest.first, ["into", "in", "across", "with", "for", "to", "beyond", "as", "like", "up"].contains(t[first].text), tok.text != "move" { return nil }
            for i in rest where words.evaluative.match(t, at: i) > 0 || words.qualities.match(t, at: i) > 0 { return nil }
            if rest.contains(where: { t[$0].tag == .word && t[$0].verbForm == .base && t[$0].isVerb && !t[$0].isNoun && $0 != lead }) { return nil }
            return lead
        }
        if !tok.isVerb || !isBase {
            for (k, i) in main.enumerated() where k > leadK && words.doneStates.match(t, at: i) > 0 {
                if ["ready", "in place", "available", "adopted", "established", "trained", "compliant", "certified", "aligned"].contains(t[i].text) { continue }
                return i
            }
        }
        return nil
    }

    /// Verbs that lead directions, not deliverables.
    static let directionVerbs: Set<String> = ["be", "become", "make", "delight", "win", "grow", "lead", "own", "dominate", "inspire",
                                              "empower", "enable", "help", "earn", "build", "create", "establish", "foster", "nurture",
                                              "cultivate", "transform", "reinvent", "redefine", "champion", "unlock", "accelerate",
                                              "elevate", "love", "wow", "thrill", "simplify", "modernize", "modernise", "streamline",
                                              "embrace", "deepen", "strengthen", "invest", "focus", "prove", "set", "get", "do", "give",
                                              "put", "turn", "bring", "take", "keep", "stay", "go", "find", "know", "understand", "learn",
                                              "serve", "support", "protect", "care", "reach", "expand", "enter", "scale", "achieve",
                                              "attract", "retain", "engage", "connect", "unify", "align", "equip", "raise", "improve",
                                              "increase", "reduce", "cut", "maximize", "maximise", "optimize", "optimise", "drive", "boost",
                                              "fuel", "power", "spark", "ignite", "shape", "level", "move", "stop", "start", "continue",
                                              "ensure", "maintain", "secure", "strive", "aim", "pursue", "deliver", "provide", "offer", "run"]
}
