/// Reads the shape of an objective: a number (a key result in the wrong place), a deliverable
/// (a task in the wrong place), or a direction or end state (the shape of an objective).
struct ObjectiveAnalyser {
    let words: OKRWords
    let t: [TaggedToken]
    let main: [Int]

    init(tokens: [TaggedToken], words: OKRWords) {
        self.words = words
        // Objectives carry labels like "Objective 2:" or "O1:"; the document reader drops most.
        var tokens = tokens
        var main = KRAnalyser.mainTokens(&tokens)
        let t = tokens
        self.t = t
        // "O-3-1": a letter and numbers joined by hyphens or dots.
        let numbered = main.count > 2 && t[main[0]].text == "o" && t[main[1]].tag == .punctuation && t[main[2]].tag == .number
        if let first = main.first, t[first].tag == .word, numbered || t[first].text == "objective" || (t[first].text.hasPrefix("o") && t[first].text.string.dropFirst().allSatisfy(\.isNumber) && t[first].text.count > 1) {
            main.removeFirst()
            while let f = main.first, t[f].tag == .number || t[f].tag == .punctuation { main.removeFirst() }
        }
        // A list number: "1 Finish the single-tenant deployment".
        // "1 Implementations ship …": one before a plural is a list number, not a count.
        if main.count > 2, t[main[0]].tag == .number, (t[main[0]].value ?? 0) < 20, t[main[1]].tag == .word,
           t[main[1]].baseVerb || t[main[0]].value == 1 && t[main[1]].plural {
            main.removeFirst()
        }
        self.main = main
    }

    func read() -> ObjectiveReading {
        var reading = ObjectiveReading(kind: .direction, tokens: t)
        guard var leadK = main.firstIndex(where: { t[$0].tag != .punctuation }) else { return reading }
        // "Actually ship the field guide": an adverb before the verb.
        if leadK + 1 < main.count, t[main[leadK]].classes == .adverb, t[main[leadK]].text.hasSuffix("ly"), t[main[leadK + 1]].isVerb { leadK += 1 }
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
        if ObjectiveAnalyser.multiplierWords.contains(leadToken.text) { return main[leadK] }
        if let times = main.first(where: { ObjectiveAnalyser.timesWords.contains(t[$0].text) && $0 + 1 < t.count && (t[$0 + 1].text == "as" || t[$0 + 1].text == "times") }) { return times }
        let leadIsWork = leadToken.baseVerb && words.changeUp.match(t, at: main[leadK]) == 0 && words.changeDown.match(t, at: main[leadK]) == 0
            && !ObjectiveAnalyser.attainVerbs.contains(leadToken.lemma)
        // "our highest-ever satisfaction score", "best-ever revenue".
        // Not the verb that leads it: "O1: Record a series of podcast episodes".
        if let record = main.first(where: { ObjectiveAnalyser.recordWords.contains(t[$0].text) && $0 > 0 && $0 != main[leadK] && (t[$0 - 1].text == "-" || t[$0].text == "record") }) { return record }
        // "Hit our bookings plan", "Beat the H1 revenue targets": a number by another name.
        if ObjectiveAnalyser.attainVerbs.contains(leadToken.lemma) || leadToken.lemma == "beat",
           let plan = main[(leadK + 1)...].first(where: { words.objectivePlans.contains(t[$0].lemma) }) { return plan }
        // "Build the demand engine that can carry 3x growth": the number is in a clause about the deliverable.
        let anyClause = main.indices.first(where: { $0 > leadK && ObjectiveAnalyser.clauseWords.contains(t[main[$0]].text) })
        let clause = leadIsWork ? anyClause : nil
        for (k, i) in main.enumerated() where t[i].isQuantity {
            if let clause, k > clause { break }
            // "Scale research ops so four product teams are served": a plain count in a clause of result says why.
            if let anyClause, k > anyClause, t[i].tag == .number || t[i].tag == .numberWord, t[i].unit == nil { continue }
            // A plain count under a verb of work is the scope of a deliverable: "for 4 milestones".
            if leadIsWork, t[i].tag == .number || t[i].tag == .numberWord, t[i].unit == nil, k != leadK + 1 { continue }
            // "Hire 10 engineers": the team's own people, counted, are a staffing task.
            if leadIsWork, t[i].tag == .number || t[i].tag == .numberWord, k + 1 < main.count,
               main[(k + 1)...].prefix(3).contains(where: { words.insiders.contains(t[$0].lemma) && t[$0].plural }) { continue }
            if k + 1 < main.count, ObjectiveAnalyser.releaseNouns.contains(t[main[k + 1]].text) { continue }
            // "A 90-day onboarding plan", "2 and 5 year operating plan": a length describing a thing.
            if k + 2 < main.count, t[main[k + 1]].text == "-", t[main[k + 1]].column == t[i].column + t[i].length,
               Tagger.timeUnitWords.contains(t[main[k + 2]].text) { continue }
            if KRAnalyser.lengthOfAThing(t, i) { continue }
            if k > 0, KRAnalyser.nameBeforeNumber.contains(t[main[k - 1]].text), t[main[k - 1]].text != "top" { continue }
            if k + 2 < main.count, t[main[k + 1]].text == ".", t[main[k + 2]].tag == .number { continue }
            // "the 2 of us", "one team": a bare small count word inside a phrase reads as words.
            if t[i].tag == .numberWord, t[i].value ?? 0 <= 1 { continue }
            if t[i].tag == .numberWord, k + 1 < main.count, words.units[t[main[k + 1]].text] == nil, t[i].text != "dozen" {
                // "three new markets" is a count; "one voice" is not.
                if (t[i].value ?? 0) < 2 { continue }
            }
            return i
        }
        // A change asked of a money or health metric: "Grow new-business ARR", "Widen our margins".
        if words.changeUp.match(t, at: main[leadK]) > 0 || words.changeDown.match(t, at: main[leadK]) > 0 || ObjectiveAnalyser.moneyChangeVerbs.contains(leadToken.lemma) {
            for i in main[(leadK + 1)...] where words.moneyMetrics.match(t, at: i) > 0 || ObjectiveAnalyser.marginNouns.contains(t[i].text) {
                return i
            }
        }
        return nil
    }

    /// A verb of work with a concrete object ("Launch a beta of the partner portal"), or a
    /// state of work reached ("New CRM live for support").
    func deliverableIndex(_ leadK: Int) -> Int? {
        let lead = main[leadK]
        let tok = t[lead]
        let isBase = tok.verbForm == nil || tok.verbForm == .base
        // "Move and widen the conversations": a second verb of change or direction decides.
        let second = leadK + 2 < main.count && t[main[leadK + 1]].text == "and" ? main[leadK + 2] : nil
        // "Reorganise and expand the engineering team": after a plain verb of work, a second verb of
        // change does not make it a direction.
        let leadOnlyCarries = Self.directionVerbs.contains(tok.lemma) || KRAnalyser.phrasalChangeVerbs.contains(tok.lemma) || KRAnalyser.movingVerbs.contains(tok.lemma)
            || !tok.isVerb || !tok.baseVerb
        // "Hold our first members' assembly": holding an event is running it, not keeping a level.
        let holdsAnEvent = tok.lemma == "hold" && main[(leadK + 1)...].prefix(5).contains { words.activity.contains(t[$0].lemma) }
        let roleWords = words.changeUp.match(t, at: lead) > 0 || words.changeDown.match(t, at: lead) > 0 || words.hold.match(t, at: lead) > 0 && !holdsAnEvent
            || second.map {
                let change = words.changeUp.match(t, at: $0) > 0 || words.changeDown.match(t, at: $0) > 0
                // "Train and empower our managers": a second verb of aspiration still makes it a direction.
                return change ? leadOnlyCarries : Self.directionVerbs.contains(t[$0].lemma)
            } ?? false
        if tok.verbForm == .past || tok.verbForm == .pastParticiple, !tok.baseVerb, !roleWords, leadK + 1 < main.count {
            return lead  // "Written success plan for each account": a deliverable stated as done
        }
        let next = leadK + 1 < main.count ? t[main[leadK + 1]] : nil
        let leadIsVerb = tok.verbFirst || !tok.isNoun
            || next.map { ObjectiveAnalyser.objectLeadIns.contains($0.text) || $0.isQuantity || $0.tag == .quantifier } ?? false
            // "Staff up the design team": a particle after the first word makes it a verb.
            || next.map { ($0.text == "up" || $0.text == "out") && $0.column > tok.column + tok.length } ?? false
        let workVerb = tok.isVerb && leadIsVerb && (isBase || tok.baseVerb) && !roleWords && !Self.directionVerbs.contains(tok.lemma)
        // "Improve and build out the community tooling": a verb of change joined to a verb of work,
        // whose object is a thing made, asks for the thing.
        if let second, leadK + 3 < main.count, words.changeUp.match(t, at: lead) > 0 || words.changeDown.match(t, at: lead) > 0,
           t[second].isVerb, t[second].baseVerb, t[second].verbFirst, !Self.directionVerbs.contains(t[second].lemma),
           words.changeUp.match(t, at: second) == 0, words.changeDown.match(t, at: second) == 0, words.hold.match(t, at: second) == 0 {
            let rest = main[(leadK + 3)...]
            if !ObjectiveAnalyser.directionPrepositions.contains(t[rest.first ?? second].text), concreteObject(rest) { return second }
        }
        // "Hire more great people for the docs team": staffing is a task however the people are praised.
        // But "Hire quickly and well" names only how: a direction.
        if workVerb, ObjectiveAnalyser.staffingVerbs.contains(tok.lemma), leadK + 1 < main.count,
           main[(leadK + 1)...].contains(where: { isNoun(t[$0]) && !t[$0].classes.contains(.adverb) }) { return lead }
        if workVerb {
            let rest = main[(leadK + 1)...]
            if rest.isEmpty { return nil }
            let preposition = rest.first.map { ObjectiveAnalyser.directionPrepositions.contains(t[$0].text) && tok.text != "move" } ?? false
            if !preposition, concreteObject(rest) { return lead }
        }
        // "Improve security resilience by building separate environments": the means named is
        // the deliverable.
        for k in main.indices where k > leadK && k + 2 < main.count && t[main[k]].text == "by" {
            let verb = t[main[k + 1]]
            guard verb.verbForm == .gerund, verb.isVerb, !Self.directionVerbs.contains(verb.lemma),
                  words.changeUp.match(t, at: main[k + 1]) == 0, words.changeDown.match(t, at: main[k + 1]) == 0 else { continue }
            if concreteObject(main[(k + 2)...]) { return main[k + 1] }
        }
        if !workVerb, !tok.verbFirst, let head = namedThing(leadK) { return head }
        // "Get ISO 27001 certified", "Become SOC 2 compliant": a certificate to obtain is a deliverable.
        if tok.lemma == "get" || tok.lemma == "become", let last = main.last, last > lead, ObjectiveAnalyser.certifiedWords.contains(t[last].text) { return last }
        if !workVerb, !tok.isVerb || !isBase {
            for (k, i) in main.enumerated() where k > leadK && words.doneStates.match(t, at: i) > 0 {
                if ObjectiveAnalyser.readyStates.contains(t[i].text) { continue }
                return i
            }
        }
        return nil
    }

    /// "Contributor programme", "Next-gen setup guides": a noun phrase and nothing else, whose head
    /// is a thing the team makes or runs.
    func namedThing(_ leadK: Int) -> Int? {
        // "A new analytics portal": an article may open it.
        let start = leadK + 1 < main.count && (t[main[leadK]].text == "a" || t[main[leadK]].text == "an") ? leadK + 1 : leadK
        // "Quiet releases", "Calm on-call": a quality first names how things should be; "new" names a thing to make.
        let first = t[main[start]]
        if first.classes.contains(.adjective), first.text != "new", !(start + 1 < main.count && t[main[start + 1]].text == "-") { return nil }
        var head: Int?, made: Int?
        for k in main.indices where k >= start {
            let u = t[main[k]]
            // "Customer portal v1": a version names the thing's release, not the thing.
            if u.tag == .word, head != nil, ObjectiveAnalyser.isVersion(u.text) { continue }
            if u.text == "-" || u.tag == .word && (u.classes.contains(.adjective) || u.isNoun || u.classes.isEmpty) && !KRAnalyser.functionWords.contains(u.text) {
                if u.tag == .word { head = main[k] }
                continue
            }
            // "Public API and developer docs": two things named.
            if u.text == "and", let h = head, k + 1 < main.count {
                if words.activity.contains(t[h].lemma) { made = h }
                head = nil
                continue
            }
            return nil
        }
        if let h = head, words.activity.contains(t[h].lemma) { made = h }
        guard let made, concreteObject(main[start...]) else { return nil }
        return made
    }

    /// Whether a verb's object is a concrete thing: praise, a quality, a manner or a comparison
    /// makes it a direction ("Build a world-class team", "Hire quickly and well"). A clause of
    /// result or a relative clause after the object ("… so prospects find their way", "… that keeps
    /// simple questions out") says why, not what, and is not read — but a clause in which people
    /// want, love or trust the thing makes it a direction ("a team people want to join").
    static let staffingVerbs: WordSet = ["hire", "recruit", "staff"]
    static let scopeAdverbs: WordSet = ["publicly", "officially", "globally", "internally", "externally", "formally", "jointly", "locally", "nationally", "worldwide"]
    static let writingVerbs: WordSet = ["write", "draft", "publish", "document", "author", "redraft", "rewrite"]

    func concreteObject(_ rest: ArraySlice<Int>) -> Bool {
        var end = rest.endIndex
        for k in rest.indices where k > rest.startIndex {
            let u = t[rest[k]]
            if ObjectiveAnalyser.clauseWords.contains(u.text) { end = k; break }
            // "… to support growth": a purpose says why, not what.
            // "… to hugely widen reach": an adverb may split the infinitive.
            let split = k + 2 < rest.endIndex && t[rest[k + 1]].classes == .adverb && t[rest[k + 1]].text.hasSuffix("ly") ? 1 : 0
            if u.text == "to", k + 1 + split < rest.endIndex, t[rest[k + 1 + split]].baseVerb, t[rest[k + 1 + split]].verbFirst {
                // … unless it asks for more: "Take bold swings to get far more people to know us".
                if rest[k...].contains(where: { t[$0].comparative || ObjectiveAnalyser.comparatives.contains(t[$0].text) }) { return false }
                end = k
                break
            }
        }
        let object = rest[rest.startIndex..<end]
        // In the clause only what the thing is counts ("that stays healthy"), not the words that
        // describe other things in it ("that keeps simple questions out").
        for i in rest[end...] where words.evaluative.match(t, at: i) > 0 && !(i + 1 < t.count && modifies(t[i + 1])) { return false }
        if rest[end...].contains(where: { ObjectiveAnalyser.mannerLinks.contains(t[$0].text) }) { return false }
        for k in object.indices where k + 2 < rest.endIndex && k > object.startIndex {
            let who = t[rest[k]], verb = t[rest[k + 1]]
            if isNoun(t[rest[k - 1]]), words.people.contains(who.text) || words.external.contains(who.lemma),
               verb.isVerb, verb.verbForm == .base || verb.verbForm == .thirdPerson { return false }
        }
        // A word of praise, alone or as a compound ("top-class"), but not the first half of another
        // compound ("safe-harbour").
        for i in object {
            let width = words.evaluative.match(t, at: i)
            // "go-to-market plan": the praise is the first half of a longer compound.
            if width > 0, !(i + width < t.count && t[i + width].text == "-" && t[i + width].column == t[i + width - 1].column + t[i + width - 1].length) { return false }
        }
        // A quality as the head ("a culture of ownership"), not as a modifier ("security tooling").
        // "Write our partnerships strategy": a verb of writing makes its object a document, whatever it is about.
        let writes = rest.startIndex > 0 && ObjectiveAnalyser.writingVerbs.contains(t[main[rest.startIndex - 1]].lemma)
        for i in object where !writes && words.qualities.match(t, at: i) > 0
            && !(i + 1 < t.count && modifies(t[i + 1]) && !(i + 2 < t.count && t[i + 2].isVerb
                && (t[i + 2].verbForm == .base || t[i + 2].verbForm == .thirdPerson) && words.people.contains(t[i + 1].text))) { return false }
        // A manner makes it a direction: "Close the books without drama", "Hire quickly and well".
        // "Launch the alliance publicly" says where the thing goes, not how well: a deliverable still.
        if object.contains(where: { ObjectiveAnalyser.mannerLinks.contains(t[$0].text) || t[$0].classes == .adverb && t[$0].text.hasSuffix("ly") && !ObjectiveAnalyser.scopeAdverbs.contains(t[$0].text) || t[$0].text == "well" }) { return false }
        if object.contains(where: { t[$0].comparative || ObjectiveAnalyser.comparatives.contains(t[$0].text) }) { return false }
        // "Crack data-sprawl problems for banks": problems or needs in general, as the verb's own object
        // (not "a help centre for customer issues"), are a direction to work in.
        for i in object {
            if ObjectiveAnalyser.directionPrepositions.contains(t[i].text) || t[i].text == "of" || t[i].text == "from" { break }
            let width = words.openProblems.match(t, at: i)
            if width > 0, t[i + width - 1].plural { return false }
        }
        return true
    }

    private func isNoun(_ token: TaggedToken) -> Bool { token.tag == .word && token.isNoun }

    /// Whether a word before `next` modifies it: "security tooling", "quality gates".
    private func modifies(_ next: TaggedToken) -> Bool {
        next.tag == .word && !KRAnalyser.functionWords.contains(next.text) && !ObjectiveAnalyser.clauseWords.contains(next.text) && (next.isNoun || next.verbForm == .gerund || next.classes.isEmpty)
    }

    /// Verbs that lead directions, not deliverables.
    static let directionVerbs: WordSet = ["be", "become", "make", "delight", "win", "grow", "lead", "own", "dominate", "inspire",
                                              "empower", "enable", "help", "earn", "establish", "foster", "nurture",
                                              "cultivate", "transform", "reinvent", "redefine", "champion", "unlock", "accelerate",
                                              "elevate", "love", "wow", "thrill", "feel", "put", "live", "simplify", "modernize", "modernise", "streamline",
                                              "embrace", "deepen", "strengthen", "invest", "focus", "prove", "get", "do", "give",
                                              "turn", "bring", "keep", "stay", "go", "find", "know", "understand", "learn",
                                              "serve", "support", "protect", "care", "reach", "expand", "enter", "scale", "achieve",
                                              "attract", "retain", "engage", "connect", "unify", "align", "equip", "raise", "improve",
                                              "increase", "reduce", "cut", "maximize", "maximise", "optimize", "optimise", "drive", "boost",
                                              "fuel", "power", "spark", "ignite", "shape", "level", "stop", "start", "continue",
                                              "ensure", "maintain", "secure", "strive", "aim", "pursue", "provide", "offer"]
}

// Word sets used above, built once (array literals in a hot path would be built on every call).
extension ObjectiveAnalyser {
    static let multiplierWords: WordSet = ["double", "triple", "quadruple", "halve", "10x"]
    static let timesWords: WordSet = ["twice", "thrice", "three"]
    static let attainVerbs: WordSet = ["hit", "reach", "achieve", "get", "win", "sign", "close", "land", "book", "exceed", "surpass", "attain"]
    static let recordWords: WordSet = ["ever", "record"]
    static let releaseNouns: WordSet = ["release", "version", "edition", "beta", "alpha", "update", "launch"]
    static let moneyChangeVerbs: WordSet = ["widen", "post", "be"]
    static let marginNouns: WordSet = ["margin", "margins", "profitability", "cash", "churn", "cost", "costs", "positive"]
    static let objectLeadIns: WordSet = ["the", "a", "an", "our", "every", "all", "its", "their", "v1", "v2"]
    static let directionPrepositions: WordSet = ["into", "in", "across", "with", "for", "to", "beyond", "as", "like"]
    static let mannerLinks: WordSet = ["without", "while", "like"]
    static let comparatives: WordSet = ["more", "less", "fewer", "better"]
    static let readyStates: WordSet = ["ready", "in place", "available", "adopted", "established", "trained", "compliant", "certified", "aligned"]
    /// "v1", "v2.0" (the string is made only for the rare word that opens on "v").
    static func isVersion(_ w: Word) -> Bool {
        guard w.hasPrefix("v"), w.byteCount >= 2, w.byteCount <= 8 else { return false }
        return w.string.utf8.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 || $0 == 0x2E }
    }
    static let certifiedWords: WordSet = ["certified", "compliant", "accredited", "audited"]
    static let clauseWords: WordSet = ["so", "that", "which", "who", "where", "when", "whose"]
}
