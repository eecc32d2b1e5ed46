/// Reads the shape of a key result from its tagged tokens. The reading rests on a few facts
/// of the line — which verb leads it and in what form, which quantities it states and in what
/// role (from, to, by, a threshold, a count of something), whether it states a state reached,
/// a cadence or a duty — checked in an order that puts the strongest evidence first.
struct KRAnalyser {
    let words: OKRWords
    var t: [TaggedToken]
    /// Indices of the line's main tokens: outside brackets, labels and grading marks.
    var main: [Int] = []
    /// Computed once per line: every rule of the reading asks for them.
    var quantities: [Int] = []
    var share: Share?
    /// Whether the reading says why in words (`evidence`): for probes and tests, not for checking.
    var explains = true

    init(tokens: [TaggedToken], words: OKRWords) {
        self.words = words
        var tokens = tokens
        main = Self.mainTokens(&tokens)
        self.t = tokens
        quantities = quantityPositions()
        share = computeShare()
    }

    // MARK: - The reading

    func read() -> KRReading {
        var reading = KRReading(kind: .unmeasurable, tokens: t)
        guard let lead = leadIndex() else {
            reading.focus = 0..<min(1, t.count)
            reading.evidence = "no words"
            return reading
        }
        let leadToken = t[main[lead]]
        var leadRole = verbRole(at: lead)
        let healthWord = main.contains { words.health.contains(t[$0].lemma) || words.health.contains(t[$0].text) }
        // "Hold weekly pipeline reviews": a verb of holding with nothing to hold is work.
        // "Hold a weekly incident review": the object is an activity, so holding it is doing it.
        var objectHead: Int?
        for i in main[(lead + 1)...] {
            if isNounish(t[i]) { objectHead = i } else if objectHead != nil || !(t[i].tag == .cadence || t[i].classes.contains(.adjective) || Self.functionWords.contains(t[i].text)) { break }
        }
        if leadRole == .hold, quantities.isEmpty, leadToken.lemma == "hold", let head = objectHead, words.activity.contains(t[head].lemma) {
            leadRole = .work
        }
        if leadRole == .hold, quantities.isEmpty, !healthWord, !main.contains(where: { t[$0].tag == .comparator }),
           firstMatch(words.steady) == nil, firstMatch(words.duty) == nil, KRAnalyser.keepingVerbs.contains(leadToken.lemma),
           !main[(lead + 1)...].contains(where: { t[$0].verbForm == .past || t[$0].verbForm == .pastParticiple || t[$0].classes == .adjective
               || t[$0].tag == .cadence && !($0 + 1 < t.count && isNounish(t[$0 + 1])) }) {
            leadRole = .work
        }
        let counted = countedActivity(quantities, lead: lead, leadIsChange: leadRole == .up || leadRole == .down)
        let parts = measureParts(lead: lead, leadRole: leadRole)
        reading.baseline = parts.baseline
        reading.target = parts.target
        reading.change = parts.change
        reading.comparator = parts.comparator
        reading.unit = parts.target?.unit ?? parts.baseline?.unit ?? parts.change?.unit
        reading.deadline = deadline()
        reading.cadence = cadence()
        var metricRange = metricPhrase(lead: lead, leadRole: leadRole)
        // Work with no number has an object, not a metric ("Submit all contracts on time").
        if quantities.isEmpty, leadRole == .work || leadRole == .reach, !parts.multiplier { metricRange = nil }
        if let metricRange, !metricRange.isEmpty { reading.metricTokens = metricRange.map { main[$0] } }
        // "from [X]% to [Y]%": the numbers of a template say nothing of the way.
        let gaps = parts.baseline?.textWord.hasSuffix("]") == true || parts.baseline?.textWord.hasSuffix("]%") == true
        let direction: KRReading.Direction? = {
            // The numbers say which way when both are there: "Bring churn back from 4% to 2.5%".
            if let b = parts.baseline?.value, let target = parts.target?.value, leadRole != .hold, !(gaps && (leadRole == .up || leadRole == .down)) {
                return target < b ? .down : target > b ? .up : .hold
            }
            switch leadRole {
            case .up: return .up
            case .down: return .down
            case .hold: return .hold
            default:
                if let b = parts.baseline?.value, let target = parts.target?.value { return target < b ? .down : target > b ? .up : .hold }
                // "35% drop in bug reports raised in the forum": the noun of change after the amount
                // says which way, before any participle further on.
                if parts.relative, let noun = main.first(where: { t[$0].tag == .word && words.changeNouns.contains(t[$0].lemma) }) {
                    return KRAnalyser.fallingNouns.contains(t[noun].lemma) ? .down : t[noun].lemma == "delta" ? nil : .up
                }
                if let participle = changeParticiple() { return participle }
                return nil
            }
        }()
        reading.direction = direction
        let hasChangeAmount = parts.baseline != nil || parts.change != nil || parts.multiplier
        let focusLead = main[lead]..<(main[lead] + 1)

        // The reason is put in words only when someone will read it: not when checking.
        func done(_ kind: KRReading.Kind, _ focus: Range<Int>, _ why: @autoclosure () -> String) -> KRReading {
            var r = reading
            r.kind = kind
            r.focus = focus
            if explains { r.evidence = why() }
            if kind == .change { r.joinsOutcomes = joinsOutcomes() }
            return r
        }

        let byMeans = main.indices.contains { k in t[main[k]].text == "by" && k + 1 < main.count && t[main[k + 1]].verbForm == .gerund }
        if leadRole == .hold, leadToken.lemma != "hold", main.contains(where: { t[$0].tag == .comparator }), !byMeans {
            return done(.level, focusLead, "'\(leadToken.text)' asks to hold a level")
        }
        // "Keep an eye on churn", "Build on last quarter's work": an idiom of attention names no result.
        if quantities.isEmpty, case let width = words.vagueIdioms.match(t, at: main[lead]), width > 0,
           !(main[lead] + width < t.count && t[main[lead] + width].text == "-") {  // not "Build on-call rotas"
            return done(.unmeasurable, main[lead]..<(main[lead] + width), "'\(leadToken.text)' in an idiom of effort, with nothing to count")
        }
        // 1. A count of the team's own activity, with or without a change verb ("Make 100 sales
        //    calls a week", "Increase story points delivered from 40 to 60").
        // "Make sure every AE gets 8 accepted meetings a month", "Maintain 100 calls a week": a level
        // of activity to hold (but "Hold 8 design reviews" does them, and "Keep users informed by
        // publishing two updates a month" names the means).
        if leadRole == .hold, leadToken.lemma != "hold", !byMeans, let counted {
            let head = counted.upperBound - 1
            return done(.level, focusLead, "'\(leadToken.text)' asks to hold a level of '\(t[head].text)'")
        }
        if direction != .down, let counted {
            let head = counted.upperBound - 1
            if namesEachOne(counted.lowerBound, head: head) {
                return done(.milestone, head..<(head + 1), "each of the '\(t[head].text)' is named: a chosen set of work, not a volume")
            }
            return done(.activity, head..<(head + 1), "a count of '\(t[head].text)'")
        }
        // "Each engineer spends 1.5 days per sprint on the backlog": time or money put in is the effort.
        if leadRole != .up, leadRole != .down, parts.baseline == nil, let input = inputSpent(lead: lead) {
            return done(.activity, input..<(input + 1), "time or money put in: '\(t[input].text)'")
        }
        // "Post on LinkedIn 3 times a week": how often the work is done is its volume.
        if leadRole == .work, let q = quantities.first(where: { $0 + 2 < t.count && t[$0 + 1].text == "times" && (t[$0 + 2].tag == .cadence || t[$0 + 2].text == "per") }) {
            return done(.activity, (q + 1)..<(q + 2), "how often the work is done")
        }
        // "Post on LinkedIn twice a week".
        if leadRole == .work, let often = main.first(where: { KRAnalyser.timesWords.contains(t[$0].text) && $0 + 1 < t.count && (t[$0 + 1].tag == .cadence || t[$0 + 1].text == "per") }) {
            return done(.activity, often..<(often + 1), "how often the work is done")
        }
        // The means named with a count: "… by adding 6 alerts", "… by publishing two updates a month",
        // or a verb after the subject with its count: "Gateway team finds 4 performance bugs".
        for k in main.indices where k > lead && t[main[k]].isVerb && k + 1 < main.count
            && (t[main[k]].verbForm == .gerund
                // "CSMs log 30 feature requests": the team's people as the subject of a plural verb.
                || t[main[k]].verbForm == .base && t[main[k - 1]].plural && words.insiders.contains(t[main[k - 1]].lemma)
                || t[main[k]].verbForm == .thirdPerson && (!t[main[k]].isNoun || isNounish(t[main[k - 1]]) && startsWithCount(k + 1))) {
            // "Intro course reaches 600 sign-ups": a verb of reaching after its subject counts results.
            if words.changeUp.contains(t[main[k]].lemma) || words.changeDown.contains(t[main[k]].lemma) || words.reach.contains(t[main[k]].lemma) { break }
            if let made = countedObject(lead: k) {
                let head = made.upperBound - 1
                return done(.activity, head..<(head + 1), "a count of things done: '\(t[head].text)'")
            }
        }
        // 2. A level held: hold verbs, "consistently", zero-incident lines.
        if leadRole == .hold, quantities.isEmpty, let strong = vagueMarker(strongOnly: true) {
            return done(.unmeasurable, strong..<(strong + 1), "'\(t[strong].text)' with no number to tell how much")
        }
        if leadRole == .hold {
            return done(.level, focusLead, "'\(leadToken.text)' asks to hold a level")
        }
        // "Control the travel budget", "Monitor cloud spend": watching a health metric.
        if leadRole == .work, KRAnalyser.oversightVerbs.contains(leadToken.lemma),
           healthWord || KRAnalyser.runningVerbs.contains(leadToken.lemma) && main.last.map({ t[$0].classes == .adverb }) == true, !hasChangeAmount {
            return done(.level, focusLead, "'\(leadToken.text)' watches a health metric")
        }
        if let steady = firstMatch(words.steady), !hasChangeAmount, !(steady + 1 < t.count && t[steady + 1].text == "-"),
           !quantities.isEmpty || main.contains(where: { words.health.contains(t[$0].lemma) }) {
            return done(.level, steady..<(steady + 1), "'\(t[steady].text)' asks to hold a level")
        }
        // "No-code builder", "Zero-downtime deploys": a modifier glued by a hyphen, not "none".
        let gluedLead = main[lead] + 1 < t.count && t[main[lead] + 1].text == "-" && t[main[lead] + 1].column == leadToken.column + leadToken.length
        if leadToken.tag == .quantifier || leadToken.tag == .number && leadToken.value == 0, KRAnalyser.zeroWords.contains(leadToken.text) || leadToken.value == 0,
           leadRole != .up, leadRole != .down, !hasChangeAmount, !gluedLead {
            return done(.level, focusLead, "a line of none or zero is a level to hold")
        }
        if KRAnalyser.avoidanceWords.contains(leadToken.text) || leadToken.text == "do" && lead + 1 < main.count && t[main[lead + 1]].text == "not" {
            return done(.level, focusLead, "a thing that must never happen is a level to hold")
        }
        // "Weekly report template agreed with finance": a thing set up, stated as done.
        if leadToken.tag == .cadence, !(main[lead] + 1 < t.count && t[main[lead] + 1].text == "-"), !hasChangeAmount, quantities.allSatisfy({ t[$0].tag == .date }),
           !(main[lead] + 1 < t.count && isNounish(t[main[lead] + 1]) && t[main[lead] + 1].tag == .word && doneState() != nil) {
            return done(.routine, focusLead, "a duty repeated on a cadence")
        }
        if let invariant = invariantLine(lead: lead) {
            return done(.level, invariant..<(invariant + 1), "a rule that must always hold")
        }
        if leadRole != .up && leadRole != .down, let zero = zeroLine() {
            return done(.level, zero..<(zero + 1), "a line of zero incidents is a level to hold")
        }
        // "Node stays up 14 days", "Churn remains below 2%": the subject is asked to hold.
        if leadRole == .subject || leadRole == .none, !hasChangeAmount, let held = heldBySubject(lead: lead) {
            return done(.level, held..<(held + 1), "'\(t[held].text)' asks to hold a level")
        }
        // "Run load tests on every release": a duty repeated on each event.
        if !hasChangeAmount, leadRole != .up, leadRole != .down, !thingActsByItself(lead: lead, leadRole: leadRole), let each = perEventDuty() {
            return done(.routine, each..<(each + 1), "a duty repeated on every event")
        }
        // "70% of staff update the wiki every week", "At least 80% of new listings each week are
        // reviewed": a share of a duty done on every round is a service level.
        // Not "Get 60% of active teams using the editor weekly", "40% of users search every week":
        // a share of the people the work is for, doing a thing often, is adoption.
        if !hasChangeAmount, leadRole == .subject || leadRole == .none,
           let k = main.indices.first(where: { t[main[$0]].tag == .percent && $0 + 1 < main.count && t[main[$0 + 1]].text == "of" }),
           !main[(k + 2)...].prefix(4).contains(where: { words.external.match(t, at: $0) > 0 }),
           let each = adverbialCadence() {
            return done(.routine, each..<(each + 1), "a share of a duty done on every round is a service level")
        }
        // "Close the books in 5 days every month": a time limit on a duty that recurs is a service level.
        if !hasChangeAmount, leadRole != .up, leadRole != .down, adverbialCadence() != nil,
           let span = main.indices.first(where: { $0 > 0 && t[main[$0]].tag == .duration && (t[main[$0 - 1]].text == "in" || t[main[$0 - 1]].text == "within") }),
           quantities.allSatisfy({ t[$0].tag == .duration || t[$0].tag == .date }) {
            return done(.level, main[span]..<(main[span] + 1), "a time limit on a duty that recurs is a service level")
        }
        // 3. A duty on a cadence or a deadline that repeats ("Close the books every month").
        if let duty = routine(lead: lead, leadRole: leadRole, hasChangeAmount: hasChangeAmount, quantities: quantities) {
            return done(.routine, duty, "a duty repeated on a cadence")
        }
        // 4. A threshold with no change asked ("Median time-to-hire is at most 40 days").
        if !hasChangeAmount, leadRole != .up, leadRole != .down, let comparator = parts.comparatorIndex, thresholdOnMetric(comparator, parts),
           !oneDeliverableInTime(comparator, leadRole: leadRole) {
            let healthy = metricRange.map { range in range.contains { words.health.contains(t[main[$0]].lemma) } } ?? false
            if leadRole != .reach || healthy {
                return done(.level, comparator..<(comparator + 1), "a threshold with no change asked")
            }
        }
        if !hasChangeAmount, leadRole != .up, leadRole != .down,
           let within = main.first(where: { t[$0].text == "within" && t[$0].tag == .comparator }),
           main.contains(where: { $0 > within && isTimeSpan($0) }), !oneDeliverableInTime(within, leadRole: leadRole) {
            return done(.level, within..<(within + 1), "a service level: done within a time")
        }
        // "All P1s acknowledged in 15 min", "90% of tickets answered in 4 hours": each of many done in a
        // time (but "Migrate all services in 3 weeks" is one piece of work with a deadline).
        if !hasChangeAmount, leadRole == .none || leadRole == .subject,
           let k = main.indices.first(where: { $0 + 1 < main.count && t[main[$0]].text == "in" && t[main[$0 + 1]].tag == .duration }),
           main[..<k].contains(where: { t[$0].tag == .percent || t[$0].tag == .quantifier && KRAnalyser.eachWords.contains(t[$0].text) }),
           quantities.allSatisfy({ t[$0].tag == .duration || t[$0].tag == .percent || t[$0].tag == .date }) {
            return done(.level, main[k]..<(main[k] + 1), "a service level: each done in a time")
        }
        // "We follow our service principles 90%+ of the time": how often a standard is met is a level.
        if !hasChangeAmount, leadRole != .up, leadRole != .down, let share = shareOfTheTime() {
            return done(.level, share..<(share + 1), "a share of the time a standard is met is a level to hold")
        }
        if !hasChangeAmount, leadRole != .up, leadRole != .down, let plan = planAttainment() {
            return done(.level, plan..<(plan + 1), "meeting a plan or target is business as usual")
        }
        // 5. A duty done "on time", "within budget" ("Submit all contracts on time").
        if !hasChangeAmount, leadRole != .up, leadRole != .down, let duty = firstMatch(words.duty) {
            return done(.level, duty..<(duty + 1), "'on time', 'on budget' or 'regularly' is business as usual")
        }
        // A target on a health metric with no change asked ("99.9% uptime for the API").
        if !hasChangeAmount, leadRole == .reach || leadRole == .none || leadRole == .subject, let health = healthTarget(metricRange, parts) {
            return done(.level, health..<(health + 1), "a health metric at a level, with no change asked")
        }
        // 6. A bare money figure for revenue or profit ("Achieve $5M in revenue").
        if !hasChangeAmount, leadRole == .reach || leadRole == .none || leadRole == .subject || leadRole == .work, let money = bareMoney(metricRange) {
            return done(.level, money..<(money + 1), "a revenue or profit figure with no change asked")
        }
        // "A standing monthly content review", "a recurring ops call": a duty that recurs, named as a thing.
        if !hasChangeAmount, quantities.isEmpty, leadRole == .subject || leadRole == .none, let standing = standingDuty() {
            return done(.routine, standing..<(standing + 1), "a standing duty that recurs")
        }
        // "Eight-day close", "24-hour incident response": how long each round takes, named as a thing.
        if !hasChangeAmount, leadRole == .subject || leadRole == .none, let length = lengthOfARound(lead: lead) {
            return done(.level, length..<(length + 1), "how long each round of a recurring duty takes is a level to hold")
        }
        // "Chat handle time at 12 minutes", "Releasing takes 45 minutes": a metric stated at a level.
        if !hasChangeAmount, leadRole != .up, leadRole != .down, direction == nil, let level = metricAtLevel(lead: lead) {
            return done(.level, level..<(level + 1), "a metric stated at a level, with no change asked")
        }
        // "12% trial-to-paid conversion", "$180 cost per lead": a figure stated, no change asked.
        if parts.baseline == nil, parts.change == nil, !parts.relative, leadRole == .none || leadRole == .subject, let figure = bareFigure(lead: lead) {
            return done(.level, figure..<(figure + 1), "a figure stated with no change asked")
        }
        // "Get an 85% response rate", "Achieve an NPS of 45": a rate or score to reach, no change asked.
        if !hasChangeAmount, !parts.relative, leadRole == .reach, let rate = rateTarget(lead: lead, metricRange) {
            return done(.level, rate..<(rate + 1), "a rate or score to reach, with no change asked")
        }
        if parts.relative {
            return done(.change, focusLead, "a relative change of a metric")
        }
        // "Mail the playbook to 750 prospects", "Collect feedback from 20 users each month": people
        // reached by a verb of contact are the activity's volume ("from 20" is no baseline there).
        if leadRole == .work || leadRole == .reach, !quantities.contains(where: { t[$0].tag == .money || t[$0].tag == .percent }),
           Self.contactVerbs.contains(leadToken.lemma) || words.activity.contains(leadToken.lemma), let people = peopleContacted(lead: lead) {
            return done(.activity, people..<(people + 1), "a count of people contacted: '\(t[people].text)'")
        }
        // 7. A change of a metric.
        let hasTarget = parts.target != nil || hasChangeAmount
        // "Get one talk accepted at a conference": one thing brought to a state is a piece of work.
        if leadRole == .reach, lead + 2 < main.count, case let one = main[lead + 1], t[one].tag == .number || t[one].tag == .numberWord,
           t[one].value == 1, quantities.count == 1,
           let state = main[(lead + 2)...].prefix(4).first(where: { t[$0].verbForm == .pastParticiple || t[$0].verbForm == .past }),
           t[state].isVerb, !t[state].isNoun {
            return done(.milestone, state..<(state + 1), "one thing brought to a state: '\(t[state].text)'")
        }
        if hasTarget, leadRole == .up || leadRole == .down || leadRole == .reach {
            return done(.change, focusLead, "'\(leadToken.text)' a metric to a number")
        }
        if hasTarget, leadRole == .none || leadRole == .subject, direction != nil || parts.baseline != nil {
            return done(.change, main[lead]..<(main[lead] + 1), "a metric from one number to another")
        }
        // A metric from one number to another is a change whatever the verb ("Move engagement from 3.6 to 4.1").
        if parts.baseline != nil, parts.target != nil, parts.baseline?.value != parts.target?.value, !parts.bracketBaseline || leadRole != .work {
            return done(.change, focusLead, "a metric from one number to another")
        }
        // 8. Work to do or a state to reach — unless it only asks for "better" with no number.
        let strong = quantities.isEmpty ? vagueMarker(strongOnly: true) : nil
        let weak = quantities.isEmpty ? vagueMarker(strongOnly: false) : nil
        func vagueReading(_ i: Int) -> KRReading { done(.unmeasurable, i..<(i + 1), "'\(t[i].text)' with no number to tell how much") }
        if leadRole == .work || leadRole == .reach && !hasTarget {
            // "Interview 30 churned customers", "Call 200 prospects": people met by an activity are its volume.
            if leadRole == .work, words.activity.contains(leadToken.lemma) || words.teaching.contains(leadToken.lemma), let people = externalCount(quantities) {
                return done(.activity, people..<(people + 1), "a count of people met: '\(t[people].text)'")
            }
            if leadRole == .work, let outcome = externalCount(quantities) {
                return done(.change, outcome..<(outcome + 1), "a number of customers or users reached")
            }
            if leadRole == .work, let made = countedObject(lead: lead) {
                let head = made.upperBound - 1
                if namesEachOne(made.lowerBound, head: head) {
                    return done(.milestone, head..<(head + 1), "each of the '\(t[head].text)' is named: a chosen set of work, not a volume")
                }
                return done(.activity, head..<(head + 1), "a count of things done: '\(t[head].text)'")
            }
            if let strong, !describesDeliverable(strong), KRAnalyser.lightVerbs.contains(leadToken.lemma) || strong == main[lead] + 1 || strong == main[lead]
                || !(strong + 1 < t.count && isNounish(t[strong + 1])) || qualityAfter(strong) {
                return vagueReading(strong)
            }
            // "Get the wiki into a tidy state", "Make the docs site fast": a wish for a quality;
            // "Deliver a great experience": praise of a quality, whatever the verb.
            if let weak, KRAnalyser.lightVerbs.contains(leadToken.lemma) || qualityAfter(weak), !describesDeliverable(weak) {
                return vagueReading(weak)
            }
            if quantities.isEmpty, let manner = mannerMarker() { return vagueReading(manner) }
            if quantities.isEmpty, let ongoing = ongoingWork() { return vagueReading(ongoing) }
            // "Support satisfaction goes up", "Finance no longer chases receipts": the lead was a
            // noun after all, and the line names a direction with nothing to count.
            if quantities.isEmpty, let never = noLonger(), let k = main.firstIndex(of: never), k > lead, k <= lead + 3,
               main[(lead + 1)..<k].allSatisfy({ isNounish(t[$0]) }) {
                return done(.unmeasurable, never..<(never + 1), "'\(t[never].text)' describes a change with nothing to count it by")
            }
            if quantities.isEmpty, lead + 3 < main.count, t[main[lead + 2]].lemma == "go", t[main[lead + 3]].text == "up" || t[main[lead + 3]].text == "down" {
                return done(.unmeasurable, main[lead + 3]..<(main[lead + 3] + 1), "a direction with no number")
            }
            // "Delight power users", "Attract top talent", "Make analytics accessible": an aspiration, not a deliverable.
            // "Help customers succeed": an outcome for the people the work is for, with nothing counted.
            if quantities.isEmpty, Self.aspirationVerbs.contains(leadToken.lemma)
                || leadToken.lemma == "help" && main[(lead + 1)...].prefix(2).contains(where: { words.external.contains(t[$0].lemma) && t[$0].plural })
                || leadToken.lemma == "make" && main[(lead + 1)...].contains(where: { t[$0].classes == .adjective })
                || leadRole == .reach && main[(lead + 1)...].prefix(3).contains(where: { words.qualities.contains(t[$0].lemma) }) {
                return done(.unmeasurable, focusLead, "'\(leadToken.text)' names a wish, not a result to count")
            }
            if quantities.isEmpty, let last = main.last, KRAnalyser.mannerEndings.contains(t[last].text) {
                return vagueReading(last)
            }
            if quantities.isEmpty, let change = main[(lead + 1)...].first(where: { t[$0].baseVerb && (words.changeUp.contains(t[$0].lemma) || words.changeDown.contains(t[$0].lemma)) && $0 > 0 && t[$0 - 1].text == "to" }) {
                return vagueReading(change)
            }
            // "Build trust with buyers", "Foster a culture of ownership": growing a quality is a
            // direction; nothing is made that could be shown done.
            if quantities.isEmpty, KRAnalyser.cultivatingVerbs.contains(leadToken.lemma), let quality = cultivatedQuality(lead: lead) {
                return done(.unmeasurable, quality..<(quality + 1), "'\(leadToken.text)' grows '\(t[quality].text)', which has no measure here")
            }
            return done(.milestone, focusLead, "'\(leadToken.text)' is work to do")
        }
        if let share = shareOf(), share.insiders, share.followedByVerb {
            let at = share.verb ?? share.index
            return done(.milestone, at..<(at + 1), "a share of the team completing a plan")
        }
        if let strong, leadRole != .up, leadRole != .down, !describesDeliverable(strong) { return vagueReading(strong) }
        if leadRole == .subject || leadRole == .none, quantities.isEmpty, direction != nil {
            // "Incident comms runbook extended to cover every case": a thing made, extended, is work on it.
            if let grown = main.first(where: { KRAnalyser.extendWords.contains(t[$0].lemma) && t[$0].isVerb }), grown > main[lead],
               thingMade(after: main[lead] - 1) != nil {
                return done(.milestone, grown..<(grown + 1), "a thing made, '\(t[grown].text)'")
            }
            return done(.unmeasurable, focusLead, "a direction with no number")
        }
        if leadToken.verbForm == .past || leadToken.verbForm == .pastParticiple, leadToken.isVerb, !leadToken.isNoun, !hasChangeAmount {
            // "Trained 60 support agents", "Fixed 40 bugs": a count of things done, stated as done.
            if let made = countedObject(lead: lead) {
                let head = made.upperBound - 1
                return done(.activity, head..<(head + 1), "a count of things done: '\(t[head].text)'")
            }
            // "Onboarded 50 new customers", as "Onboard 50 new customers": the people reached are an outcome.
            if let outcome = externalCount(quantities) {
                return done(.change, outcome..<(outcome + 1), "a number of customers or users reached")
            }
            return done(.milestone, focusLead, "work stated as done: '\(leadToken.text)'")
        }
        if leadRole == .subject || leadRole == .none, quantities.isEmpty,
           let feeling = main.first(where: { Self.feelingVerbs.contains(t[$0].lemma) && t[$0].isVerb && (t[$0].verbFirst || !t[$0].isNoun) && $0 != main[lead]
               && !($0 > 0 && t[$0 - 1].text == "-") && !($0 + 1 < t.count && t[$0 + 1].text == "-")
               // "known adopters": a participle before a noun describes it; it is not the clause's verb.
               && !(t[$0].verbForm == .pastParticiple && $0 + 1 < t.count && t[$0 + 1].tag == .word && t[$0 + 1].isNoun) }) {
            return done(.unmeasurable, feeling..<(feeling + 1), "a feeling with nothing to count it by")
        }
        // "How should we review refactors?": a question is not a result.
        if quantities.isEmpty, let mark = main.last(where: { t[$0].text == "?" }) {
            return done(.unmeasurable, mark..<(mark + 1), "a question, not a result")
        }
        // "Design is no longer the bottleneck", "Nobody starts from a blank page": a changed world
        // described, with nothing to count it by.
        if quantities.isEmpty, leadRole == .subject || leadRole == .none, let never = noLonger() {
            return done(.unmeasurable, never..<(never + 1), "'\(t[never].text)' describes a change with nothing to count it by")
        }
        // "Be positioned as a leader", "Become the go-to team": a wish about how others see us.
        if leadToken.lemma == "be" || leadToken.lemma == "become", quantities.isEmpty, firstMatch(words.doneStates) == nil {
            return done(.unmeasurable, focusLead, "'\(leadToken.text)' names a wish, not a result to count")
        }
        // "Sync works well offline", "Mirrors can be refreshed quickly": how well, with no number.
        if leadRole == .subject || leadRole == .none, quantities.isEmpty, let manner = mannerMarker() { return vagueReading(manner) }
        if leadRole == .subject || leadRole == .none, quantities.isEmpty, let wish = peopleWithNoMeasure(lead: lead) {
            // What people do is no metric: a rewrite would only move their words about.
            var r = done(.unmeasurable, wish..<(wish + 1), "what people do or need, with nothing to count it by")
            r.metricTokens = []
            return r
        }
        if leadRole == .subject || leadRole == .none, let state = doneState() {
            return done(.milestone, state..<(state + 1), "a state reached: '\(t[state].text)'")
        }
        if let weak, leadRole != .up, leadRole != .down, !describesDeliverable(weak) { return vagueReading(weak) }
        if leadRole == .subject || leadRole == .none, quantities.isEmpty, let state = presentState() {
            return done(.milestone, state..<(state + 1), "a state of the work: '\(t[state].text)'")
        }
        if let crew = insiderCount(quantities) {
            // "40 volunteers write responses to the report", "20 fellows give keynote talks": the
            // team's people counted as they do the work are its volume.
            if let verb = crewAtWork(after: crew) {
                // The finding points at what they turn out ("talks"), or else at the people.
                let made = t.indices.dropFirst(verb + 1).prefix(4).first(where: { words.activity.contains(t[$0].lemma) && t[$0].plural }) ?? crew
                return done(.activity, made..<(made + 1), "a count of the team's people doing '\(t[verb].text)'")
            }
            return done(.milestone, crew..<(crew + 1), "people or systems of the team reaching a state")
        }
        // 9. A number to reach, with no verb: "NPS of 50", "2,000 weekly active teams".
        if hasTarget || !quantities.isEmpty, leadRole != .up, leadRole != .down {
            if let share = shareOf(), share.insiders {
                return done(.milestone, share.index..<(share.index + 1), "a share of the team reaching a state")
            }
            return done(.change, focusLead, "a number to reach")
        }
        // "Replies per thread up on the forum": a metric named, then only its direction.
        if leadRole == .subject || leadRole == .none, quantities.isEmpty,
           let k = main.indices.first(where: { $0 > lead && (t[main[$0]].text == "up" || t[main[$0]].text == "down") }),
           main[lead..<k].allSatisfy({ isNounish(t[$0]) || t[$0].text == "per" || t[$0].classes.contains(.adjective) && !t[$0].isVerb }),
           !(k + 1 < main.count && (t[main[k + 1]].text == "to" || t[main[k + 1]].text == "-")) {
            return done(.unmeasurable, main[k]..<(main[k] + 1), "a direction with no number")
        }
        // 10. A thing named with no number: a deliverable ("OpenAPI docs for the HTTP API") or a
        //     state of the work ("Tracing works end to end").
        if leadRole == .subject || leadRole == .none, !qualityHead() {
            return done(.milestone, focusLead, "names a deliverable or a state of the work")
        }
        // "Bring most queries down to sub-second responses (10x faster)": the amount is in brackets.
        if leadRole == .up || leadRole == .down,
           let amount = t.indices.first(where: { t[$0].depth > 0 && (t[$0].tag == .percent || t[$0].tag == .number && t[$0].unit == "x")
               && $0 + 1 < t.count && KRAnalyser.relativeComparatives.contains(t[$0 + 1].text) }) {
            return done(.change, amount..<(amount + 1), "a relative change stated in brackets")
        }
        // "Extend the API to support webhooks": a thing made, extended, is work on it.
        if quantities.isEmpty, KRAnalyser.extendWords.contains(leadToken.lemma), lead + 1 < main.count,
           let thing = thingMade(after: main[lead] + (KRAnalyser.functionWords.contains(t[main[lead + 1]].text) ? 1 : 0)) {
            return done(.milestone, focusLead, "work on a thing made: '\(t[thing].text)'")
        }
        // "Lift search interest above last year's peak": the bar is a level already measured.
        if leadRole == .up || leadRole == .down, let bar = pastLevelBar() {
            return done(.change, focusLead, "a change past a level already measured ('\(t[bar].text)')")
        }
        return done(.unmeasurable, focusLead, leadRole == .up || leadRole == .down ? "a direction with no number" : "nothing to measure")
    }

    /// "above the past year's peaks", "below last quarter's level", "beyond its highest point of the
    /// year": a comparison with a level the team has measured before — a target with its baseline.
    func pastLevelBar() -> Int? {
        for (k, i) in main.enumerated() where KRAnalyser.barWords.contains(t[i].text) {
            let after = main[(k + 1)...].prefix(7)
            guard let level = after.first(where: { KRAnalyser.pastLevels.contains(t[$0].lemma) || KRAnalyser.pastLevels.contains(t[$0].text) }) else { continue }
            // The level is dated in the past: "last year's", "the past quarter's", "previous", "its highest".
            if after.contains(where: { KRAnalyser.pastMarkers.contains(t[$0].text) || t[$0].text.hasSuffix("'s") && KRAnalyser.pastMarkers.contains(Word(String(t[$0].text.string.dropLast(2)))) }) {
                return level
            }
        }
        return nil
    }
    static let barWords: WordSet = ["above", "below", "beyond", "past", "over", "under"]
    static let pastLevels: WordSet = ["peak", "high", "highest", "record", "level", "baseline", "average", "best", "low", "lowest", "point"]
    static let pastMarkers: WordSet = ["last", "past", "previous", "prior", "its", "our", "ever", "year", "quarter", "month", "all-time"]
    static let extendWords: WordSet = ["extend", "expand"]
    static let cultivatingVerbs: WordSet = ["build", "grow", "foster", "strengthen", "deepen", "establish", "develop", "create", "nurture",
                                            "earn", "gain", "win", "cultivate", "forge", "raise", "spread", "instil", "instill"]

    /// The head of the verb's object when it is a quality or a bond between people ("trust", "a
    /// culture of ownership", "ties with …"), not a thing made — and no "a" makes it one of a kind
    /// ("Establish a partnership with Stripe" is a deal to sign).
    func cultivatedQuality(lead: Int) -> Int? {
        var k = lead + 1
        if k < main.count, KRAnalyser.particles.contains(t[main[k]].text) { k += 1 }
        var head: Int?
        var oneOfAKind = false
        while k < main.count {
            let u = t[main[k]]
            if u.text == "a" || u.text == "an" { oneOfAKind = true; k += 1; continue }
            // "trust with procurement teams": the object ends at its preposition.
            if head != nil, Self.stopWords.contains(u.text) { break }
            if Self.functionWords.contains(u.text) || u.tag == .punctuation && u.text == "-" { k += 1; continue }
            guard isNounish(u) || u.classes.contains(.adjective) else { break }
            head = main[k]
            k += 1
        }
        guard let head else { return nil }
        let w = t[head]
        guard words.qualities.contains(w.lemma), !oneOfAKind || w.lemma == "culture" else { return nil }
        return head
    }

    /// A word that asks for "more" or "better" without saying how much: comparatives, praise,
    /// adverbs of manner ("quicker", "clearer", "more scalable", "well", "world-class").
    func vagueMarker(strongOnly: Bool) -> Int? {
        for i in main where t[i].tag == .word {
            let w = t[i].text
            // "a survey asking how to make fixes faster", "benchmarks for how well-known we are":
            // what follows "how to", or "how" itself, is the topic of the work, not a wish for more.
            if w == "how", i + 1 < t.count, t[i + 1].text == "to" { return nil }
            if i > 0, t[i - 1].text == "how" { continue }
            // Comparatives: "more", "better", "quicker", "clearer".
            if KRAnalyser.comparativeWords.contains(w) { return i }
            // "as fairly as we can", "as quickly as possible": as much as can be, which is no number.
            if w == "as", i + 3 < t.count, t[i + 2].text == "as",
               t[i + 3].text == "possible" || words.people.contains(t[i + 3].text) && i + 4 < t.count && KRAnalyser.modalWords.contains(t[i + 4].text) { return i + 1 }
            // "after", "under": a preposition in -er is no comparative.
            if w.hasSuffix("er"), w.utf8.count > 4, !Self.stopWords.contains(w), isComparative(t[i]), !(i > 0 && t[i - 1].text == "no"),
               !(i + 1 < t.count && t[i + 1].plural) { return i }
            if strongOnly { continue }
            if i + 1 < t.count, t[i + 1].text == "-" { continue }
            if KRAnalyser.mannerAdverbs.contains(w) { return i }
            if words.evaluative.contains(w) || words.evaluative.contains(t[i].lemma) { return i }
        }
        return nil
    }

    /// "a better developer experience": the comparative asks more of a quality, not of a thing made.
    func qualityAfter(_ i: Int) -> Bool {
        var j = i + 1, head: Int?
        while j < t.count, j <= i + 4, isNounish(t[j]) { head = j; j += 1 }
        return head.map { words.qualities.contains(t[$0].lemma) } ?? false
    }

    /// "Equity plans agreed for longer exercise windows", "Search ready: better admin controls":
    /// a comparative naming a feature of a deliverable already stated as done or ready.
    func describesDeliverable(_ i: Int) -> Bool {
        guard i + 1 < t.count, isNounish(t[i + 1]) else { return false }
        return main.contains { $0 < i && words.doneStates.match(t, at: $0) > 0 }
    }

    /// The head of the noun group after `i` when it is a thing the team makes or runs (a release,
    /// a pipeline, a system), not a quality ("experience") or people.
    func thingMade(after i: Int) -> Int? {
        var j = i + 1, head: Int?
        while j < t.count, isNounish(t[j]) || t[j].text == "-" { if t[j].tag == .word { head = j }; j += 1 }
        guard let head, words.activity.contains(t[head].lemma) || KRAnalyser.systemWords.contains(t[head].lemma),
              !words.qualities.contains(t[head].lemma) else { return nil }
        return head
    }
    static let systemWords: WordSet = ["pipeline", "system", "service", "platform", "cluster", "database", "app", "application",
                                           "tool", "tooling", "library", "infrastructure", "stack", "environment", "runner", "portal",
                                           "repo", "repository", "microservice", "component", "package", "endpoint", "job", "server",
                                           "site", "backend", "suite"]

    /// An adverb of manner after a verb: "works well", "refreshed quickly", "explain compellingly" —
    /// but not "how fast" (a measure named) or "well enough for" (a bar to clear).
    func mannerMarker() -> Int? {
        var verbSeen = false
        for i in main {
            let u = t[i]
            if u.text == "how", i + 1 < t.count, t[i + 1].text == "to" { return nil }  // the topic of the work, as in vagueMarker
            if u.isVerb, u.verbForm != nil, u.tag == .word, !(u.isNoun && !u.verbFirst && u.verbForm == .base) { verbSeen = true; continue }
            guard verbSeen, u.tag == .word, words.manner.contains(u.text) || evaluativeAdverb(u) else { continue }
            if i > 0, t[i - 1].text == "how" || t[i - 1].text == "-" { continue }
            if i + 1 < t.count, t[i + 1].text == "enough" || t[i + 1].text == "-" { continue }
            return i
        }
        return nil
    }

    /// "compellingly", "seamlessly", "reliably": an adverb made from a word of praise.
    func evaluativeAdverb(_ u: TaggedToken) -> Bool {
        guard u.classes.contains(.adverb) || u.classes.isEmpty, u.text.byteCount > 4, u.text.hasSuffix("ly") else { return false }
        // Rare (an adverb in -ly), so the string is made only here.
        let stem = String(u.text.string.dropLast(2))
        if words.evaluative.contains(stem) { return true }
        if stem.hasSuffix("i"), words.evaluative.contains(String(stem.dropLast()) + "y") { return true }
        return stem.hasSuffix("b") && words.evaluative.contains(stem + "le")
    }

    /// "no longer" before a verb or a state, or "nobody"/"no one" as the subject.
    func noLonger() -> Int? {
        for (k, i) in main.enumerated() {
            if t[i].text == "no", k + 1 < main.count, t[main[k + 1]].text == "longer" {
                // "Legacy API no longer served": a participle states a thing done.
                if k + 2 < main.count, t[main[k + 2]].verbForm == .pastParticiple || t[main[k + 2]].verbForm == .past, !t[main[k + 2]].baseVerb { return nil }
                return i
            }
            if k == 0, KRAnalyser.nobodyWords.contains(t[i].text) || t[i].text == "no" && k + 1 < main.count && t[main[k + 1]].text == "one" { return i }
            // "Discounts stop being the first thing we reach for": a subject that stops doing.
            if k > 0, t[i].lemma == "stop" || t[i].lemma == "cease", t[i].isVerb, isNounish(t[main[k - 1]]),
               k + 1 < main.count, t[main[k + 1]].verbForm == .gerund { return i }
        }
        return nil
    }

    /// "Keep iterating on the docs", "continue improving search": work with no end and no measure.
    func ongoingWork() -> Int? {
        for (k, i) in main.enumerated() where KRAnalyser.ongoingVerbs.contains(t[i].lemma) && k + 1 < main.count {
            if t[main[k + 1]].verbForm == .gerund, t[main[k + 1]].isVerb { return i }
        }
        if cadence() == nil, let toward = main.first(where: { t[$0].text == "towards" || t[$0].text == "toward" }) { return toward }
        return nil
    }

    /// Whether main token `k` opens a count: "4 bugs", "at least 3 decisions".
    func startsWithCount(_ k: Int) -> Bool {
        var m = k
        while m < main.count, KRAnalyser.countQualifiers.contains(t[main[m]].text) || t[main[m]].tag == .comparator { m += 1 }
        return m < main.count && (t[main[m]].tag == .number || t[main[m]].tag == .numberWord)
    }

    /// The count is the scope of one piece of work, not a volume of activity: "5 delivery metrics"
    /// defined, "12 titles" picked, "300 icons" migrated, "the top 15 pages" or "the first 12 components" reworked are one
    /// piece of work on a chosen set.
    func countIsScope(_ q: Int, head: Int, verb: Int) -> Bool {
        if words.definitions.contains(t[head].lemma) || words.scopeVerbs.contains(t[verb].lemma) { return true }
        return q > 0 && KRAnalyser.selectionWords.contains(t[q - 1].text)
    }

    /// "3 resilience features (failover drills, PITR backups, connection pooling)": a bracket naming
    /// each of the things counted makes them a chosen set, not a volume of work.
    func namesEachOne(_ q: Int, head: Int) -> Bool {
        // "… (failover drills, PITR backups, connection pooling)", or after a colon: "4 reporting
        // views: error breakdown, score histogram, coverage by town and a weekly trend".
        guard let n = t[q].value, n >= 2, head + 2 < t.count, t[head + 1].text == "(" || t[head + 1].text == ":" else { return false }
        let colon = t[head + 1].text == ":"
        var items = 1.0
        var j = head + 2
        while j < t.count, colon ? t[j].depth == t[head].depth && t[j].text != "." && t[j].text != ";" : t[j].depth > t[head].depth {
            if t[j].text == "," || t[j].text == ";" { items += 1 }
            else if t[j].text == "and" || t[j].text == "or", t[j - 1].text != "," { items += 1 }
            j += 1
        }
        return items == n
    }
    static let selectionWords: WordSet = ["top", "first"]
    static let outsiderWords: WordSet = ["outside", "external", "third-party", "independent", "other", "non-core"]
    static let againstPlan: WordSet = ["above", "below", "over", "under", "within", "ahead", "behind"]

    /// The verb's object is a plain count of things made or done: "Write 4 how-to guides",
    /// "Run 3 paid social campaigns" — but not people hired ("Hire 4 AEs": a staffing task).
    func countedObject(lead: Int) -> Range<Int>? {
        var k = lead + 1
        // "Try out 4 formats": a particle of the verb.
        if k < main.count, k == lead + 1, KRAnalyser.particles.contains(t[main[k]].text) { k += 1 }
        // "Helped fix at least 8 problems": the verb helped with carries the count.
        if k < main.count, k == lead + 1, t[main[lead]].lemma == "help", t[main[k]].isVerb, t[main[k]].baseVerb, t[main[k]].verbFirst { k += 1 }
        // "log or sharpen 30 requests": a second verb shares the object.
        if k + 1 < main.count, t[main[k]].text == "or" || t[main[k]].text == "and", t[main[k + 1]].isVerb, t[main[k + 1]].baseVerb { k += 2 }
        while k < main.count, KRAnalyser.countQualifiers.contains(t[main[k]].text) || t[main[k]].tag == .comparator { k += 1 }
        // One thing counts as a volume when it repeats: "one coaching session a month".
        guard k < main.count, case let q = main[k], t[q].tag == .number || t[q].tag == .numberWord, t[q].unit == nil,
              (t[q].value ?? 0) >= 2 || (t[q].value ?? 0) == 1 && main[(k + 1)...].prefix(5).contains(where: { t[$0].tag == .cadence || t[$0].text == "per" }) else { return nil }
        var head: Int?
        var j = q + 1
        while j < t.count, j <= q + 6, t[j].depth == t[q].depth {
            if t[j].tag == .punctuation, t[j].text == "-" || t[j].text == "'" || t[j].text == "‘" || t[j].text == "’" { j += 1; continue }
            if j == q + 1, t[j].text == "or" || t[j].tag == .comparator { j += 1; continue }
            if t[j].tag == .comparator { j += 1; continue }
            guard t[j].tag == .word, !Self.stopWords.contains(t[j].text) || t[j - 1].text == "-" else { break }
            if isNounish(t[j]) { head = j }
            j += 1
        }
        guard let head else { return nil }
        // "Collect 300 reviews from customers": things made by outsiders are adoption, not work done.
        if doneByOutsiders(after: head) { return nil }
        // "Train 40 engineers": people taught are the teaching's volume; people hired or won are not.
        if words.insiders.contains(t[head].lemma) || words.external.contains(t[head].lemma), !words.teaching.contains(t[main[lead]].lemma) { return nil }
        if countIsScope(q, head: head, verb: main[lead]) { return nil }
        return q..<(head + 1)
    }

    /// "quicker", "smoother", "easier": an adjective's comparative, read from the lexicon even
    /// where WordNet lists no such form.
    func isComparative(_ token: TaggedToken) -> Bool {
        let w = token.text.string
        if token.comparative { return true }
        if token.classes.contains(.adjective) || token.classes.contains(.adverb), token.text != token.lemma, !token.isNoun { return true }
        let base = String(w.dropLast(2))
        var stems = [base, base + "e"]
        if base.hasSuffix("i") { stems.append(String(base.dropLast()) + "y") }
        if let last = base.last, base.count > 2, base.dropLast().last == last { stems.append(String(base.dropLast())) }
        let own = Lexicon.english.classes(of: w)
        return stems.contains { Lexicon.english.classes(of: $0).contains(.adjective) } && (own.isEmpty || own.isSubset(of: [.adjective, .adverb]))
    }

    /// "3 internal repos switch on the bot", "Four recruiters on board": a count of the team's own
    /// people or systems reaching a state.
    func insiderCount(_ quantities: [Int]) -> Int? {
        for q in quantities where t[q].tag == .number || t[q].tag == .numberWord {
            var j = q + 1
            while j < t.count, j <= q + 6, t[j].tag == .word && !Self.stopWords.contains(t[j].text) || t[j].text == "-" {
                // "12 outside developers": people from outside the team are an outcome, not its crew.
                if Self.outsiderWords.contains(t[j].text) { break }
                // "60 companies posting jobs": the noun group ends at the verb of its clause.
                if j > q + 1, t[j].verbForm == .gerund || t[j].isVerb && !t[j].isNoun { break }
                if words.insiders.contains(t[j].lemma) { return j }
                j += 1
            }
        }
        return nil
    }

    /// "Reps have the tools they need", "Customers repeat our tagline back to us": what people
    /// need, or what the people the work is for do, with no thing delivered and nothing counted.
    func peopleWithNoMeasure(lead: Int) -> Int? {
        var subject = true
        for k in main.indices where k > lead {
            let u = t[main[k]], before = t[main[k - 1]]
            // "the help they need": the object is only what they need ("what customers actually need").
            let who = k > lead + 3 && before.classes == .adverb && before.text.hasSuffix("ly") ? t[main[k - 2]] : before
            if u.isVerb, u.lemma == "need" || u.lemma == "want", k > lead + 2,
               words.people.contains(who.text) || who.text == "it" || who.plural && words.external.contains(who.lemma) { return main[k] }
            guard subject else { continue }
            // The plural subject's verb: "Customers repeat", "visitors land" — not "Users can export" (a feature).
            if u.isVerb, u.verbForm == .base, before.plural, words.external.contains(before.lemma), !KRAnalyser.modalWords.contains(u.text) { return main[k] }
            // "Writers choose their own assignments": the team's people doing a thing as a habit —
            // not a deliverable, and not a plan completed ("Engineers complete the training").
            // A base form after a plural noun, before its object, is the verb: "Analysts shape the roadmap".
            if u.isVerb, u.verbForm == .base, !u.isNoun || u.verbFirst || k + 1 < main.count && Self.functionWords.contains(t[main[k + 1]].text),
               before.plural, words.insiders.contains(before.lemma) || words.people.contains(before.text),
               !KRAnalyser.systemWords.contains(before.lemma), !KRAnalyser.modalWords.contains(u.text), !KRAnalyser.completionVerbs.contains(u.lemma),
               cadence() == nil, firstMatch(words.doneStates) == nil,
               // "AEs and CSMs agree a plan": one thing made is a deliverable.
               !main[(k + 1)...].prefix(2).contains(where: { t[$0].text == "a" || t[$0].text == "an" }) { return main[k] }
            subject = isNounish(u) || u.text == "and" || u.text == "," || u.text == "-" || u.classes.contains(.adjective)
        }
        return nil
    }
    static let completionVerbs: WordSet = ["complete", "finish", "attend", "take", "pass", "adopt", "use", "switch", "move", "migrate",
                                           "get", "have", "receive", "sign", "join", "start", "begin", "submit", "enrol", "enroll", "register"]
    static let modalWords: WordSet = ["can", "will", "could", "should", "must", "may", "might", "would", "shall"]

    /// Whether a count (of at least two) names the people or organisations the work is for.
    func outsidersCounted() -> Bool {
        for q in quantities where (t[q].tag == .number || t[q].tag == .numberWord) && (t[q].value ?? 0) >= 2 {
            var j = q + 1
            while j < t.count, j <= q + 4, t[j].tag == .word && !Self.stopWords.contains(t[j].text) || t[j].text == "-" {
                // The head, not a modifier: "customers onboarded", not "customer success managers" or "customer-led talks".
                if words.external.contains(t[j].lemma), !words.insiders.contains(t[j].lemma),
                   !(j + 1 < t.count && (t[j + 1].text == "-" || t[j + 1].tag == .word && t[j + 1].isNoun && (!t[j + 1].isVerb || !t[j + 1].verbFirst))) { return true }
                j += 1
            }
        }
        return false
    }

    /// Whether the line is about a quality rather than a thing: "Culture of ownership".
    func qualityHead() -> Bool {
        // The quality is the head, not a modifier of a thing: "stability work", not "usability sessions".
        main.contains { i in
            words.qualities.contains(t[i].lemma) && !t[i].isVerb
                && !(i + 1 < t.count && isNounish(t[i + 1]) && !words.effort.contains(t[i + 1].lemma))
        }
    }

    // MARK: - The line's parts

    /// Placeholders for numbers ("[N]") are made number tokens in `t` on the way.
    static func mainTokens(_ t: inout [TaggedToken]) -> [Int] {
        var end = t.count
        // A hyphen with a space on each side separates ("Win 12 logos - Ana"); it never glues words
        // into one, as "on-call" does: it is read as the dash it stands for.
        for i in t.indices where i > 0 && i + 1 < t.count && t[i].tag == .punctuation && t[i].text == "-"
            && t[i - 1].column + t[i - 1].length < t[i].column && t[i + 1].column > t[i].column + 1 {
            t[i].text = KRAnalyser.spacedDash
            t[i].lemma = KRAnalyser.spacedDash
        }
        // An owner after a spaced dash at the end, in capitals: "- Ana", "— Ana Lee", "– Sales Ops";
        // read first, so a grade before it is found ("60% done - Ana").
        if end > 4, let dash = t[(end - 4)..<end].lastIndex(where: { KRAnalyser.dashes.contains($0.text) && $0.tag == .punctuation }),
           dash > 2, dash + 1 < end, t[dash + 1].column > t[dash].column + t[dash].length, t[dash].column > t[dash - 1].column + t[dash - 1].length,
           t[(dash + 1)..<end].allSatisfy({ $0.tag == .word && ($0.capitalised || $0.text == "and") }), t[dash + 1].capitalised,
           !KRAnalyser.resultWords.contains(t[dash + 1].text) {
            end = dash
        }
        // A tick, an emoji or a closing "`" after the line says nothing of it.
        while end > 3, t[end - 1].tag == .punctuation, t[end - 1].text == "`" || t[end - 1].text.byteCount >= 3 && !KRAnalyser.dashes.contains(t[end - 1].text) && t[end - 1].text != "->" {
            end -= 1
        }
        // Notes in brackets after the line: "(Actual: 71)", "(#207)", "([doc](…))". A grade before
        // them is looked for past them; a note that is only a result or a reference goes; any other
        // note stays, since it may hold the line's own numbers ("(to 25 days)", "([N])").
        var noted = end
        var pureNotes = true
        while noted > 3, t[noted - 1].tag == .punctuation, t[noted - 1].text == ")" || t[noted - 1].text == "]", t[noted - 1].depth == 0,
              // An opening bracket counts itself in its depth: the group's opener is one deeper than its closer.
              let open = t[..<(noted - 1)].lastIndex(where: { $0.depth == 1 && ($0.text == "(" || $0.text == "[") && $0.tag == .punctuation }), open > 2 {
            let inside = t[(open + 1)..<(noted - 1)]
            // A link "([doc](…))" is a reference; a gap "([N])" is the line's number.
            let reference = inside.first.map { KRAnalyser.noteWords.contains($0.text) || $0.text == "#" || $0.text == "@"
                || $0.text == "[" && KRAnalyser.bracketGap(t, open + 1, noted) == nil } ?? true
            if !reference { pureNotes = false }
            noted = open
        }
        let plain = gradeEnd(t, end)
        let pastNotes = noted < end ? gradeEnd(t, noted) : plain
        end = plain.found ? plain.end : pastNotes.found || pureNotes ? pastNotes.end : plain.end
        var start = 0
        // An owner or label before a colon near the start: "VP Sales:", "Key Result 2.1:", "KR1:";
        // labels can stack: "KR 2: Security: …".
        if let colon = t[..<min(end, 8)].firstIndex(where: { $0.text == ":" }), colon + 2 < end,
           t[..<colon].allSatisfy({ $0.tag == .word || $0.tag == .number || $0.tag == .punctuation || $0.tag == .quarter }) {
            start = colon + 1
            if let second = t[start..<min(end, start + 4)].firstIndex(where: { $0.text == ":" }), second > start, second + 2 < end,
               t[start..<second].allSatisfy({ $0.tag == .word || $0.tag == .number }) {
                start = second + 1
            }
        }
        // An owner at the end: "- @rui", "(@ana)".
        // Only a tail: "`P0` @jlee - IPv6 listeners …" has its owner at the front.
        if let at = t[start..<end].lastIndex(where: { $0.text == "@" }), at > start + 2,
           t[(at + 1)..<end].dropFirst().allSatisfy({ $0.tag == .punctuation || $0.text == "and" || $0.capitalised || $0.text.hasPrefix("@") }) {
            end = at
            while end > start, KRAnalyser.ownerMarks.contains(t[end - 1].text) { end -= 1 }
        }
        // Leading labels: "KR1", "KR 2 -", "1.", "1)", "-", "*", "[ ]", "@ana".
        while start < end {
            let w = t[start]
            // "[N] customers …" opens on a gap for a number; "[x]" is a ticked box.
            if w.text == "[", let gap = KRAnalyser.bracketGap(t, start, end), t[gap.letter].text != "x" { break }
            if w.tag == .punctuation, KRAnalyser.labelMarks.contains(w.text) { start += 1; continue }
            if w.tag == .word, w.text == "x", start > 0, t[start - 1].text == "[" { start += 1; continue }
            if w.text == "@", start + 1 < end { start += 2; continue }
            if w.tag == .punctuation, w.text == "," { start += 1; continue }
            // Priorities: "P0 -", "P1:".
            if w.tag == .word, w.text.count == 2, w.text.hasPrefix("p"), w.text.string.last?.isNumber == true, start + 1 < end, t[start + 1].tag == .punctuation || t[start + 1].text == "@" {
                start += 1
                continue
            }
            if w.tag == .word, w.text.hasPrefix("kr"), w.text.string.dropFirst(2).allSatisfy(\.isNumber) {
                start += 1
                if start < end, t[start].tag == .number { start += 1 }
                continue
            }
            if w.tag == .number, start + 1 < end, KRAnalyser.numberingMarks.contains(t[start + 1].text), start == 0 { start += 2; continue }
            // An outline number: "1.2 Publish a position paper", "2.1 $1.5M raised", "1.3 20 fellows
            // publish": a dotted number before a verb in its base form or before the line's own
            // quantity numbers the line, it does not count anything.
            if w.tag == .number, start + 1 < end, w.text.string.contains("."), (w.value ?? 100) < 100, !w.text.hasSuffix("."),
               w.column + w.length < t[start + 1].column,
               t[start + 1].isQuantity || t[start + 1].text == "[" || t[start + 1].tag == .word && t[start + 1].verbFirst && t[start + 1].baseVerb && !t[start + 1].plural
                // "2.3 Support tickets …": a known word in capitals starts the line's own text ("1.5 FTEs" is a count).
                || t[start + 1].capitalised && (t[start + 1].tag == .quantifier || t[start + 1].tag == .word && (!t[start + 1].classes.isEmpty || KRAnalyser.functionWords.contains(t[start + 1].text) || !t[start + 1].text.hasSuffix("s")))
                || t[start + 1].tag == .year || t[start + 1].tag == .punctuation && KRAnalyser.openingMarks.contains(t[start + 1].text) {
                start += 1
                continue
            }
            // A one-word heading before a spaced dash: "Update - large mirrors refresh in minutes".
            if w.tag == .word, start + 4 < end, KRAnalyser.dashes.contains(t[start + 1].text), t[start + 1].column > w.column + w.length,
               t[start + 2].column > t[start + 1].column + 1, t[start + 2].tag == .word, !KRAnalyser.countQualifiers.contains(t[start + 2].text),
               t[start + 2].text != "from", t[start + 2].text != "by" {
                start += 2
                continue
            }
            break
        }
        var result: [Int] = []
        result.reserveCapacity(max(0, end - start))
        var i = start
        while i < end {
            // A template's gap for a number: "$[N] in new ARR", "from [X]% to [Y]%", "NNN quotes".
            if t[i].text == "[" || t[i].tag == .word && t[i].text.byteCount <= 3, let gap = placeholder(&t, i, end) {
                if gap.lowerBound < i { result.removeLast() }
                result.append(gap.lowerBound)
                end -= gap.count - 1
                i = gap.lowerBound + 1
                continue
            }
            // Markdown's code marks ("above `85%`") say nothing of the line.
            // Nor do the brackets: what they hold is a note, at a depth of its own.
            if t[i].depth == 0 && !(t[i].tag == .punctuation && KRAnalyser.bracketMarks.contains(t[i].text)) { result.append(i) }
            i += 1
        }
        return result
    }

    static let noteWords: WordSet = ["actual", "actuals", "result", "results", "status", "done", "achieved", "score", "progress", "update",
                                     "grade", "outcome", "tbc", "tbd", "wip", "see", "link", "doc", "ref"]

    /// Where the line ends before a grade or a result written after it ("=> 0%", "=> Done.",
    /// ": 92%", "- achieved", "*100%*"), and whether one was found; trailing "*" and "." go either way.
    static func gradeEnd(_ t: [TaggedToken], _ end: Int) -> (end: Int, found: Bool) {
        var end = end
        var found = false
        if let arrow = t[..<end].firstIndex(where: { $0.text == "=>" || $0.text == "==" }) { end = arrow; found = true }
        if let colon = t[..<end].lastIndex(where: { $0.text == ":" }), colon > 2,
           t[(colon + 1)..<end].allSatisfy({ $0.isQuantity || $0.tag == .punctuation || $0.depth > 0
               || KRAnalyser.gradeWords.contains($0.text) }),
           t[(colon + 1)..<end].contains(where: { $0.isQuantity }),
           // "Weekly active teams: 1,200 → 1,800" states the change, not a grade.
           !t[(colon + 1)..<end].contains(where: { $0.text == "→" || $0.text == "->" }),
           // "# of people with a merged change: 40", "Portal score rating: 7/10": a measure named,
           // then its figure — the line's target, not a grade of it.
           !(t[..<colon].indices.contains(where: { t[$0].text == "#" && $0 + 1 < colon && t[$0 + 1].text == "of" }) || t[..<colon].contains(where: { measureWords.contains($0.lemma) }))
               || t[..<colon].contains(where: { $0.isVerb && $0.verbFirst && $0.baseVerb && !$0.isNoun }) {
            end = colon
            found = true
        }
        while end > 2, t[end - 1].tag == .punctuation, t[end - 1].text == "*" || t[end - 1].text == "." { end -= 1 }
        // A trailing result word: "- achieved", "- missed", "- on track".
        if end > 3, t[end - 1].tag == .word, KRAnalyser.resultWords.contains(t[end - 1].text) {
            var k = end - 1
            while k > 0, t[k].tag == .word, k > end - 4 { k -= 1 }
            if KRAnalyser.dashes.contains(t[k].text) { end = k; found = true }
        }
        if end > 3, t[end - 1].tag == .percent, KRAnalyser.gradeMarks.contains(t[end - 2].text) {
            // "cuts the time by **30%**": a bold amount after its preposition is the line's own.
            var k = end - 2
            while k > 0, KRAnalyser.gradeMarks.contains(t[k].text) { k -= 1 }
            if !KRAnalyser.amountPrepositions.contains(t[k].text) {
                end -= 2
                while end > 0, KRAnalyser.trailingMarks.contains(t[end - 1].text) { end -= 1 }
                found = true
            }
        }
        return (end, found)
    }
    static let measureWords: WordSet = ["number", "count", "share", "rate", "rating", "score", "percentage", "proportion", "ratio"]
    static let amountPrepositions: WordSet = ["by", "to", "from", "of", "at", "under", "over", "above", "below", "than", "within"]

    /// A gap for a number in a template — "[N]", "[X]%", "$[M]", "NNN" — made one number token, as
    /// the tagger makes "$1.2M" one; the range of tokens it took the place of, or nil when none.
    static func placeholder(_ t: inout [TaggedToken], _ i: Int, _ end: Int) -> Range<Int>? {
        var first = i, last = i, letter = t[i].text
        if t[i].text == "[" {
            guard let gap = bracketGap(t, i, end) else { return nil }
            letter = Word(String(t[gap.letter].text.string.prefix(1)))
            last = gap.close
        } else {
            // A bare gap: a letter doubled or tripled ("NNN", "xx"). A single letter ("by X%") is
            // a number the writer has not chosen, so the line has none yet.
            guard KRAnalyser.placeholderWords.contains(t[i].text), t[i].depth == 0 else { return nil }
        }
        var token = t[i]
        token.text = Word("[\(letter.string)]")
        token.lemma = token.text
        token.classes = []
        token.tag = .number
        token.depth = t[i].text == "[" ? t[i].depth - 1 : t[i].depth
        // Distinct values keep "from [X] to [Y]" a change; the direction comes from the verb.
        token.value = letter == "x" ? 10 : letter == "y" ? 20 : letter == "z" ? 30 : 100
        if i > 0, t[i - 1].text == "$", t[i - 1].column + 1 == t[i].column {
            token.tag = .money
            token.unit = "$"
            token.column = t[i - 1].column
            first = i - 1
        } else if last + 1 < end, t[last + 1].text == "%", t[last + 1].column == t[last].column + t[last].length {
            token.tag = .percent
            token.unit = "%"
            last += 1
        }
        token.length = t[last].column + t[last].length - token.column
        t.replaceSubrange(first...last, with: CollectionOfOne(token))
        return first..<(last + 1)
    }

    static let placeholderLetters: WordSet = ["n", "m", "x", "y", "z"]

    /// A gap in brackets: "[N]", "[X]", or numbered and padded as templates write them ("[N1]",
    /// "[_N7_]"): the index of its letter and of the closing bracket.
    static func bracketGap(_ t: [TaggedToken], _ open: Int, _ end: Int) -> (letter: Int, close: Int)? {
        var j = open + 1
        while j < end, t[j].text == "_" { j += 1 }
        guard j < end, t[j].tag == .word, case let w = t[j].text.string, let first = w.first,
              placeholderLetters.contains(String(first)), w.count <= 3, w.dropFirst().allSatisfy(\.isNumber) else { return nil }
        var close = j + 1
        while close < end, t[close].text == "_" { close += 1 }
        guard close < end, t[close].text == "]" else { return nil }
        return (j, close)
    }
    static let placeholderWords: WordSet = ["nn", "nnn", "xx", "xxx", "yy", "yyy", "zz", "zzz", "mm", "mmm"]

    /// The first word of the statement, skipping "to" and adverbs like "successfully".
    func leadIndex() -> Int? {
        var from = 0
        if let first = main.first, KRAnalyser.deadlinePrepositions.contains(t[first].text),
           let comma = main.firstIndex(where: { t[$0].text == "," }), comma < 6,
           main[1..<comma].allSatisfy({ [.date, .quarter, .year, .number].contains(t[$0].tag) || KRAnalyser.endOfWords.contains(t[$0].text) }) {
            from = comma + 1
        }
        for k in main.indices where k >= from {
            let tok = t[main[k]]
            if tok.tag == .punctuation { continue }
            if tok.tag == .word, (tok.text == "to" || tok.text == "successfully" || tok.text == "fully" || tok.text == "we" || tok.text == "will"),
               k + 1 < main.count { continue }
            // "There are at least 12 outside developers": what follows the existential is the line.
            if tok.text == "there", k + 2 < main.count, KRAnalyser.existentialBe.contains(t[main[k + 1]].text),
               t[main[k + 2]].isQuantity || t[main[k + 2]].tag == .comparator || t[main[k + 2]].tag == .quantifier {
                return k + 2
            }
            return k
        }
        return nil
    }

    static let existentialBe: WordSet = ["is", "are", "were", "was"]

    enum Role: Equatable { case up, down, reach, hold, work, subject, none }

    /// What the lead word does: a change verb, a verb of reaching or holding, a verb of work, or
    /// the start of a noun phrase (a subject, as in "SSO is in place").
    func verbRole(at k: Int) -> Role {
        let tok = t[main[k]]
        guard tok.tag == .word else { return tok.isQuantity || tok.tag == .quantifier ? .none : .none }
        // "Top-tier customers …", "Fair-use policy published": a word glued to the next by a hyphen
        // is a modifier in a noun phrase, not an imperative.
        let at = main[k]
        if at + 2 < t.count, t[at + 1].text == "-", t[at + 1].column == tok.column + tok.length,
           t[at + 2].column == t[at + 1].column + 1, t[at + 2].tag == .word, !words.changeUp.contains(tok.lemma), !words.changeDown.contains(tok.lemma) {
            return .subject
        }
        let width = max(1, words.changeUp.match(t, at: main[k]))
        _ = width
        let isBase = tok.verbForm == nil || tok.verbForm == .base || tok.baseVerb
        // "Bring churn down to 2%", "Track and lift pipeline 8%": the change is in the particle or the second verb.
        if isBase, KRAnalyser.phrasalChangeVerbs.contains(tok.lemma) {
            for j in main[(k + 1)...].prefix(6) {
                if t[j].text == "down" { return .down }
                if t[j].text == "up" { return .up }
                if t[j].text == "from" || t[j].text == "to" || t[j].isQuantity { break }
            }
        }
        if isBase, KRAnalyser.movingVerbs.contains(tok.lemma),
           main[(k + 1)...].contains(where: { t[$0].text == "to" && main.firstIndex(of: $0).map { $0 + 1 < main.count && t[main[$0 + 1]].isQuantity } == true }) {
            return .up
        }
        if isBase, k + 2 < main.count, t[main[k + 1]].text == "and" {
            let second = t[main[k + 2]]
            if words.changeUp.contains(second.lemma) { return .up }
            if words.changeDown.contains(second.lemma) { return .down }
        }
        if words.changeUp.match(t, at: main[k]) > 0, isBase || !tok.isNoun { return .up }
        if words.changeDown.match(t, at: main[k]) > 0, isBase || !tok.isNoun { return .down }
        if words.hold.match(t, at: main[k]) > 0, isBase { return subjectFollows(k) ? .subject : .hold }
        if words.reach.match(t, at: main[k]) > 0, isBase { return subjectFollows(k) ? .subject : .reach }
        if tok.isVerb, isBase {
            if tok.text == "be" || tok.text == "become" || tok.text == "have" { return .none }
            // "Search success rate up 10 points", "Support tickets per customer halved": a noun
            // phrase, then its change.
            if nounPhraseThenChange(k) { return .subject }
            if tok.isNoun || tok.classes.contains(.adjective), subjectFollows(k) { return .subject }
            return .work
        }
        return tok.classes.isEmpty || tok.isNoun || tok.classes.contains(.adjective) ? .subject : .none
    }

    /// From main token `k`, a noun phrase ("success rate", "tickets per customer") and then a change
    /// of it: "up 10 points", "down by 20%", "halved", "doubled".
    func nounPhraseThenChange(_ k: Int) -> Bool {
        var m = k + 1
        while m < main.count, isNounish(t[main[m]]) && !t[main[m]].verbFirst || t[main[m]].text == "-" || t[main[m]].text == "per" { m += 1 }
        guard m > k + 1, m < main.count else { return false }
        let u = t[main[m]]
        if u.text == "up" || u.text == "down", u.tag != .comparator, m + 1 < main.count,
           t[main[m + 1]].isQuantity || t[main[m + 1]].text == "by" { return true }
        // Not "doubled down on": a particle makes it an idiom.
        if m + 1 < main.count, KRAnalyser.verbParticles.contains(t[main[m + 1]].text) { return false }
        return (u.verbForm == .past || u.verbForm == .pastParticiple) && (KRAnalyser.multiplierVerbs.contains(u.lemma) || words.changeUp.contains(u.lemma) || words.changeDown.contains(u.lemma))
    }

    /// Whether the lead word is rather a noun starting a subject: a predicate follows it
    /// ("Support tickets answered within 4 hours", "Launch readiness is green").
    func subjectFollows(_ k: Int) -> Bool {
        guard k + 1 < main.count else { return false }
        let next = t[main[k + 1]]
        if KRAnalyser.objectDeterminers.contains(next.text) { return false }
        if next.tag != .word { return false }
        let lead = t[main[k]]
        // "Share of staff …", "Number of …": a noun with its "of" phrase is a subject.
        if next.text == "of", lead.isNoun, !lead.verbFirst || words.measureNouns.contains(lead.lemma) { return true }
        if !lead.verbFirst, lead.isNoun, next.isVerb, next.verbFirst, next.verbForm != .past, next.verbForm != .pastParticiple, !next.isNoun || next.verbForm == .thirdPerson || next.plural == false && next.verbForm == .base && !KRAnalyser.articles.contains(next.text) {
            return true
        }
        if !lead.verbFirst, lead.isNoun, next.isNoun, !next.isVerb || !next.verbFirst,
           main[(k + 1)...].contains(where: { KRAnalyser.levelLinks.contains(t[$0].text) || t[$0].tag == .comparator }) {
            return true
        }
        for j in (k + 1)..<main.count {
            let u = t[main[j]]
            // "Keep CRM data clean so the reports can be trusted": a clause of purpose is not the lead's predicate.
            if u.text == "so" { break }
            if KRAnalyser.finiteVerbs.contains(u.text) { return true }
            // A word mostly used as a verb leads an imperative unless a form of "be" follows.
            if lead.verbFirst { continue }
            if u.verbForm == .thirdPerson, u.isVerb, !u.isNoun || u.verbFirst, isNounish(t[main[j - 1]]) { return true }
            if j > k + 1, u.verbForm == .past || u.verbForm == .pastParticiple, isNounish(t[main[j - 1]]) { return true }
            if u.text == "from" || u.text == "to" || u.isQuantity || u.tag == .comparator || u.text == "so" { break }
        }
        return false
    }

    /// Positions (in `t`) of the quantities that measure something, not dates or names.
    func quantityPositions() -> [Int] {
        var result: [Int] = []
        for (k, i) in main.enumerated() where t[i].isQuantity {
            // "One source of truth", "a single register": an article, not a count.
            // "when one of your accounts registers": one among them, not a count.
            if t[i].tag == .numberWord, t[i].value == 1, k + 2 < main.count, t[main[k + 1]].text == "of", KRAnalyser.determiners.contains(t[main[k + 2]].text) { continue }
            if t[i].tag == .numberWord, t[i].value == 1, k + 1 < main.count, t[main[k + 1]].tag == .word, t[main[k + 1]].text != "of" || k == 0,
               !Tagger.timeUnitWords.contains(t[main[k + 1]].text) {
                if !(k + 2 < main.count && words.activity.match(t, at: main[k + 1]) > 0) { continue }
            }
            if k > 0 {
                var before = t[main[k - 1]].text
                if before == "-", k > 1 { before = t[main[k - 2]].text }
                if Self.nameBeforeNumber.contains(before) { continue }
                if before == "." || t[main[k - 1]].text.hasPrefix("v") && t[main[k - 1]].text.string.dropFirst().allSatisfy(\.isNumber) { continue }
            }
            // "3-week bootcamp", "5,000-node network": a number glued to a noun describes a thing.
            if k + 2 < main.count, t[main[k + 1]].text == "-", t[main[k + 1]].column == t[i].column + t[i].length, t[main[k + 2]].tag == .word { continue }
            if Self.lengthOfAThing(t, i) { continue }
            if k + 1 < main.count, t[main[k + 1]].text == ".", k + 2 < main.count, t[main[k + 2]].tag == .number { continue }
            result.append(i)
        }
        return result
    }

    /// "a 5 year plan", "2 and 5 year operating plans", "a 90 day trial": a length in the singular
    /// before a noun describes the thing, as "5-year" does; "5 years of runway" is an amount.
    static func lengthOfAThing(_ t: [TaggedToken], _ i: Int) -> Bool {
        var d = i
        // "2 and 5 year": the first number shares the second's unit.
        if t[i].tag == .number, i + 2 < t.count, t[i + 1].text == "and" || t[i + 1].text == "or" || t[i + 1].text == "to", t[i + 2].tag == .duration { d = i + 2 }
        guard t[d].tag == .duration, t[d].value != 1, d + 2 < t.count, case let unit = t[d + 1], unit.tag == .word,
              singularUnits.contains(unit.text) else { return false }
        let next = t[d + 2]
        return next.tag == .word && (next.isNoun || next.verbForm == .gerund || next.classes.isEmpty) && !functionWords.contains(next.text)
    }

    static let singularUnits: WordSet = ["hour", "day", "week", "month", "quarter", "year", "minute", "second"]

    static let rateWords: WordSet = ["rate", "ratio", "conversion", "share", "percentage", "proportion", "coverage", "frequency", "velocity", "throughput", "cadence"]

    static let nameBeforeNumber: WordSet = ["soc", "iso", "web", "level", "tier", "phase", "version", "v", "gen", "type", "series",
                                                "wcag", "pci", "ipv", "http", "step", "stage", "round", "season", "wave", "sprint", "p",
                                                "sev", "severity", "priority", "top", "release", "objective", "kr", "o", "okr", "grade",
                                                "day", "week", "month", "rfc"]

    /// The counted noun of an activity: "100 sales calls", "12 blog posts", or a metric whose head is
    /// an activity when its numbers are plain counts ("story points delivered from 40 to 60").
    func countedActivity(_ quantities: [Int], lead: Int, leadIsChange: Bool) -> Range<Int>? {
        for q in quantities where t[q].tag == .number || t[q].tag == .numberWord {
            guard t[q].unit == nil, (t[q].value ?? 0) >= 2 else { continue }
            // "Backlog under 100 open tickets": a cap on a count is a level to hold, not a volume of work.
            if let c = t[..<q].lastIndex(where: { $0.tag != .comparator }).map({ $0 + 1 }), c < q, isCap(c) { continue }
            // "Raise deploy frequency from 4 to 20 releases": the count is the unit of a rate —
            // unless the rate is the work each of the team's people turns out ("9 PRs per engineer").
            let rate = main.contains(where: { $0 < q && Self.rateWords.contains(t[$0].lemma) })
            // The noun group after the number: up to four words, ending at a preposition or verb.
            var j = q + 1
            var head: Int?
            while j < t.count, j <= q + 5, t[j].depth == t[q].depth {
                let u = t[j]
                if u.tag == .punctuation, u.text == "," || u.text == "-" || u.text == "+" && j == q + 1 { j += 1; continue }
                guard u.tag == .word || u.tag == .quantifier else { break }
                if Self.stopWords.contains(u.text) || Self.functionWords.contains(u.text) && !(j + 1 < t.count && t[j + 1].text == "-") { break }  // "quotes we can use", not "all-hands updates"
                let width = u.isNoun || u.classes.isEmpty ? words.activity.match(t, at: j) : 0
                if width > 0 {
                    head = j + width - 1
                    j += width
                    continue
                }
                // "12 merged improvements": a participle before a noun describes it.
                if u.verbForm == .past || u.verbForm == .pastParticiple, !u.isNoun, !(j + 1 < t.count && t[j + 1].tag == .word && t[j + 1].isNoun) { break }
                // "30 usability tests run": a verb ending the line after the counted thing is its participle.
                if head != nil, u.isVerb, u.verbFirst, main.last == j { break }
                if u.isNoun || u.classes.contains(.adjective) || u.classes.isEmpty || u.verbForm == .past || u.verbForm == .pastParticiple { head = nil; j += 1; continue }
                break
            }
            if rate, !(head.map(perInsider) ?? false) { continue }
            if let head, countIsScope(q, head: head, verb: main[lead]) { continue }
            // "2 outside projects turn on the bot": the count is the subject of a clause.
            // But "30 usability tests run": a verb that ends the line is a participle ("run", "set", "put").
            if let head, head + 1 < t.count, t[head + 1].isVerb, t[head + 1].verbForm == .base || t[head + 1].verbForm == .thirdPerson,
               !t[head + 1].isNoun || t[head + 1].verbFirst, main.last != head + 1 { continue }
            if let head, doneByOutsiders(after: head) { continue }
            if let head { return q..<(head + 1) }
        }
        // "number of demos", "story points delivered": the metric phrase is an activity, and the
        // numbers are plain counts.
        let plain = quantities.allSatisfy { t[$0].tag == .number || t[$0].tag == .numberWord }
        // "Double the number of webinars": a multiplier is a number.
        guard !quantities.isEmpty || KRAnalyser.multiplierVerbs.contains(t[main[lead]].lemma), plain || leadIsChange else { return nil }
        // "Get one talk accepted": one thing is a task, not a volume — unless it repeats ("one post a week").
        if plain, !quantities.isEmpty, quantities.allSatisfy({ (t[$0].value ?? 0) <= 1 }), cadence() == nil, !main.contains(where: { t[$0].text == "per" }) { return nil }
        // "from 55% to 80%" of tickets solved is a share of an outcome, not a count of work.
        if main.enumerated().contains(where: { k, i in t[i].tag == .percent && k > 0 && (t[main[k - 1]].text == "from" || t[main[k - 1]].text == "to") }) { return nil }
        if main.contains(where: { KRAnalyser.ratioNouns.contains(t[$0].lemma) }) { return nil }
        // "Dashboards used by 40 enterprise accounts": the count is of the people reached.
        if outsidersCounted() { return nil }
        for k in main.indices {
            let i = main[k]
            let width = words.activity.match(t, at: i)
            guard width > 0 else { continue }
            let end = i + width
            // The activity is the head: followed by a participle of doing, "per"/"a"+time, "from", or a number.
            if end < t.count {
                let next = t[end]
                let doneBy = next.verbForm == .past || next.verbForm == .pastParticiple
                if doneBy || next.tag == .cadence || next.text == "per" { return i..<end }
                if plain, next.text == "from" && !doneByOutsiders(after: end - 1) || next.isQuantity { return i..<end }
            }
            if plain, i > 1, t[i - 1].text == "of", KRAnalyser.countNouns.contains(t[i - 2].text) { return (i - 2)..<end }
        }
        return nil
    }

    /// "20,000 posts from others", "8 PRs from people outside the team", "reviews by customers":
    /// the things counted are made by people outside the team, so their number is adoption, an
    /// outcome, not the team's own volume of work.
    func doneByOutsiders(after head: Int) -> Bool {
        var j = head + 1
        while j < t.count, t[j].depth > t[head].depth || t[j].tag == .punctuation && t[j].text != "," { j += 1 }
        // "8 engine PRs on GitHub from …": a place between the thing and its makers.
        if j + 1 < t.count, t[j].text == "on" || t[j].text == "in", isNounish(t[j + 1]) { j += 2 }
        guard j + 1 < t.count, t[j].text == "from" || t[j].text == "by" else { return false }
        for m in (j + 1)..<min(t.count, j + 5) {
            let u = t[m]
            // "from outside our usual job boards": "outside" as a preposition names a place, not people.
            if u.text == "outside", m + 1 < t.count, Self.functionWords.contains(t[m + 1].text) { break }
            if Self.outsiderWords.contains(u.text) || u.text == "others" || words.external.contains(u.lemma) { return true }
            if !(u.tag == .word && (Self.functionWords.contains(u.text) || u.classes.contains(.adjective) || u.lemma == "people")) { break }
        }
        return false
    }

    /// "every week", "each month", "weekly" said of the verb — not "weekly sync calls" (a thing) or
    /// "within a week" (a time limit).
    func adverbialCadence() -> Int? {
        for i in main where t[i].tag == .cadence {
            let w = t[i].text
            if w == "every" || w == "each" { if i + 1 < t.count, t[i + 1].tag == .cadence { return i } else { continue } }
            if w.hasSuffix("ly"), !(i + 1 < t.count && (isNounish(t[i + 1]) || t[i + 1].tag == .cadence || t[i + 1].text == "-")) { return i }
        }
        return nil
    }

    /// "PRs per engineer", "PRs/engineer/month": an amount for each of the team's people.
    func perInsider(_ head: Int) -> Bool {
        head + 2 < t.count && (t[head + 1].text == "per" || t[head + 1].text == "/") && words.insiders.contains(t[head + 2].lemma)
    }

    /// "Each engineer spends 1.5 days per sprint on the crash backlog", "$1.5m spent on paid
    /// acquisition": a verb of putting time or money in, with its amount.
    func inputSpent(lead: Int) -> Int? {
        for (k, i) in main.enumerated() where t[i].isVerb && words.inputVerbs.contains(t[i].lemma) {
            // The verb, not the noun ("cloud spend"): the line's lead, or inflected.
            guard k == lead || t[i].verbForm == .thirdPerson || t[i].verbForm == .past || t[i].verbForm == .pastParticiple else { continue }
            // "Customers spend 3 hours less in setup": what the people the work is for spend, or an
            // amount compared, is an outcome.
            if k > 0, words.external.contains(t[main[k - 1]].lemma) { return nil }
            if main[k...].prefix(5).contains(where: { KRAnalyser.comparativeWords.contains(t[$0].text) || KRAnalyser.relativeComparatives.contains(t[$0].text) }) { return nil }
            guard main[max(0, k - 1)..<min(main.count, k + 3)].contains(where: { t[$0].tag == .duration || t[$0].tag == .money }) else { continue }
            // The finding points at what the time or money goes on ("on account research"), else the verb.
            if let on = main[(k + 1)...].firstIndex(where: { t[$0].text == "on" || t[$0].text == "in" || t[$0].text == "into" }) {
                var head: Int?
                for m in main[(on + 1)...] {
                    if isNounish(t[m]) { head = m } else if head != nil || !t[m].classes.contains(.adjective) { break }
                }
                if let head { return head }
            }
            return i
        }
        return nil
    }

    static let feelingVerbs: WordSet = ["love", "feel", "like", "enjoy", "trust", "prefer", "rave", "believe", "appreciate", "value", "care", "understand", "know"]

    static let aspirationVerbs: WordSet = ["delight", "empower", "inspire", "wow", "excite", "thrill", "foster", "nurture",
                                               "cultivate", "champion", "embrace", "attract", "be", "become", "strive", "aspire",
                                               "encourage", "explore", "focus", "invest", "promote", "understand", "position"]

    /// A noun, or a word the lexicon does not know that is not a function word ("SSO", "AEs").
    func isNounish(_ token: TaggedToken) -> Bool {
        guard token.tag == .word, !Self.functionWords.contains(token.text) else { return false }
        return token.isNoun || token.classes.isEmpty
    }

    static let functionWords: WordSet = ["the", "a", "an", "our", "their", "its", "this", "that", "these", "those", "all", "every",
                                             "each", "to", "of", "in", "on", "at", "for", "with", "by", "and", "or", "my", "your",
                                             "his", "her", "we", "they", "it", "us", "them", "who", "which", "what", "than", "from", "i", "as", "be", "so"]

    static let stopWords: WordSet = ["in", "on", "at", "to", "for", "from", "by", "with", "per", "of", "and", "or", "across",
                                         "within", "into", "over", "under", "through", "via", "that", "which", "who", "than", "the",
                                         "this", "next", "each", "every", "a", "an", "these", "those", "before", "after", "until", "about"]

    struct Parts {
        var baseline: Quantity?
        var target: Quantity?
        var change: Quantity?
        var comparator: KRReading.Comparator?
        var comparatorIndex: Int?
        var multiplier = false
        /// The baseline came from a note in brackets ("(currently 4)").
        var bracketBaseline = false
        /// "35% faster": a change stated as a comparison.
        var relative = false
    }

    /// Baseline, target, change and comparator from "from X to Y", "X -> Y", "by N", "to N",
    /// "at most N", "double", "2x".
    func measureParts(lead: Int, leadRole: Role) -> Parts {
        var parts = Parts()
        // In line order, and a handful at most: a search of the array beats building a set.
        let quantities = self.quantities
        let lemma = t[main[lead]].lemma
        if KRAnalyser.multiplierVerbs.contains(lemma) || KRAnalyser.multiplierWords.contains(t[main[lead]].text) {
            parts.multiplier = true
        }
        for k in main.indices {
            let i = main[k]
            let tok = t[i]
            func quantity(after k: Int) -> Int? {
                var m = k + 1
                // "above ``85%``": markdown's code and bold marks stand between.
                while m < main.count, KRAnalyser.approximators.contains(t[main[m]].text) || t[main[m]].tag == .comparator
                        || t[main[m]].tag == .punctuation && (t[main[m]].text == "`" || t[main[m]].text == "*") { m += 1 }
                guard m < main.count, quantities.contains(main[m]) else { return nil }
                // "from 1 April": a day of the month, not a baseline.
                if t[main[m]].tag == .number, main[m] + 1 < t.count, t[main[m] + 1].tag == .date, (t[main[m]].value ?? 99) <= 31 { return nil }
                return main[m]
            }
            // "at least 4x next quarter's bookings": a ratio held above a floor, not a multiplier asked.
            if tok.tag == .number, tok.unit == "x", !(k > 0 && t[main[k - 1]].tag == .comparator) { parts.multiplier = true }
            if tok.tag == .word, tok.text == "times" || tok.text == "fold", k > 0, quantities.contains(main[k - 1]) { parts.multiplier = true }
            // "Cut p95 latency in half", "tickets per customer halved": halving is a multiplier.
            if tok.tag == .word, tok.text == "half", k > 0, t[main[k - 1]].text == "in" || t[main[k - 1]].text == "by" { parts.multiplier = true }
            if tok.tag == .word, k > lead, KRAnalyser.multiplierVerbs.contains(tok.lemma), tok.verbForm == .past || tok.verbForm == .pastParticiple,
               !(k + 1 < main.count && KRAnalyser.verbParticles.contains(t[main[k + 1]].text)) { parts.multiplier = true }
            if tok.tag == .word, tok.text == "from", let q = quantity(after: k) { parts.baseline = Self.quantity(t[q]) }
            if tok.tag == .word, tok.text == "to" || tok.text == "into", let q = quantity(after: k) { parts.target = Self.quantity(t[q]) }
            if tok.tag == .punctuation, tok.text == "->" || tok.text == "→" || tok.text == ">" && false {
                if let q = quantity(after: k) { parts.target = Self.quantity(t[q]) }
                if k > 0, quantities.contains(main[k - 1]) { parts.baseline = Self.quantity(t[main[k - 1]]) }
            }
            if tok.tag == .word, tok.text == "by", let q = quantity(after: k), t[q].tag != .date {
                if leadRole == .up || leadRole == .down || changeParticiple() != nil { parts.change = Self.quantity(t[q]) }
            }
            let before: Int? = tok.text == "or" ? main[..<k].last(where: { quantities.contains($0) }) : nil
            if tok.tag == .comparator, parts.comparator == nil, let q = before ?? quantity(after: k) {
                parts.comparator = Self.comparator(tok, t, i)
                parts.comparatorIndex = i
                if parts.target == nil { parts.target = Self.quantity(t[q]) }
            }
        }
        // A baseline in brackets: "(from 99.5% today)", "(currently 14%)", "(baseline 3.9)".
        if parts.baseline == nil {
            for i in t.indices where t[i].depth > 0 && KRAnalyser.baselineWords.contains(t[i].text) {
                if let q = t[(i + 1)...].prefix(3).firstIndex(where: { $0.isQuantity }) ?? t[..<i].suffix(2).lastIndex(where: { $0.isQuantity && $0.depth > 0 }) {
                    parts.baseline = Self.quantity(t[q])
                    parts.bracketBaseline = true
                    break
                }
            }
        }
        // "35% faster", "20% cheaper": a relative change.
        // "3x more qualified leads": a multiplier compared.
        for (k, i) in main.enumerated() where (t[i].tag == .percent || t[i].tag == .number && t[i].unit == "x") && k + 1 < main.count {
            let next = t[main[k + 1]]
            if KRAnalyser.relativeComparatives.contains(next.text) {
                parts.change = Self.quantity(t[i])
                parts.relative = true
            }
        }
        // "35% drop in bug reports", "8% weekly growth in creators": an amount, then a noun of change.
        if parts.change == nil, parts.baseline == nil,
           let k = main.indices.first(where: { k in
               guard t[main[k]].tag == .percent || t[main[k]].tag == .number && t[main[k]].unit == "x" else { return false }
               let n = k + 1 < main.count && t[main[k + 1]].tag == .cadence ? k + 2 : k + 1
               return n < main.count && t[main[n]].tag == .word && words.changeNouns.contains(t[main[n]].lemma) }) {
            parts.change = Self.quantity(t[main[k]])
            parts.relative = true
            if parts.target?.value == parts.change?.value { parts.target = nil }
        }
        // "Revenue up 15%", "Search success rate up 10 points": a noun, then up or down and an amount.
        if parts.change == nil, parts.baseline == nil,
           let k = main.indices.first(where: { $0 > lead + 0 && $0 + 1 < main.count && (t[main[$0]].text == "up" || t[main[$0]].text == "down")
               && t[main[$0]].tag != .comparator && isNounish(t[main[$0 - 1]]) && !words.hold.contains(t[main[$0 - 1]].lemma) && main[$0 - 1] != main[lead]
               && quantities.contains(main[$0 + 1]) }) {
            parts.change = Self.quantity(t[main[k + 1]])
            if parts.target?.value == parts.change?.value { parts.target = nil }
        }
        // "Grow ARR 20%" / "Revenue up 15%": a change verb with a bare percentage is a change.
        if parts.target == nil, parts.change == nil, leadRole == .up || leadRole == .down,
           let q = quantities.first {
            if t[q].tag == .percent && parts.baseline == nil { parts.change = Self.quantity(t[q]) } else { parts.target = Self.quantity(t[q]) }
        }
        if parts.target == nil, parts.change == nil, let q = quantities.last, q != main.first(where: { quantities.contains($0) && parts.baseline?.value == t[$0].value && false }) {
            if parts.baseline == nil || Self.quantity(t[q]).value != parts.baseline?.value { parts.target = Self.quantity(t[q]) }
        }
        return parts
    }

    static func quantity(_ tok: TaggedToken) -> Quantity {
        // Most quantities are written as their token is: its word, with no string made.
        switch tok.tag {
        case .money: return Quantity(value: tok.value ?? 0, text: Word((tok.unit ?? "$") + tok.text.string), unit: tok.unitWord)
        case .duration: return Quantity(value: tok.value ?? 0, text: Word(tok.text.string + " " + (tok.unit ?? "")), unit: tok.unitWord)
        default: return Quantity(value: tok.value ?? 0, text: tok.text, unit: tok.unitWord)
        }
    }

    static func comparator(_ tok: TaggedToken, _ t: [TaggedToken], _ i: Int) -> KRReading.Comparator {
        switch tok.text {
        case "<", "below", "under", "less", "fewer", "sub", "lower", "within", "max", "maximum", "shorter", "faster": return .below
        case "<=", "≤": return .atMost
        case ">", "above", "over", "more", "greater", "higher", "exceeding", "exceeds", "beyond", "longer", "better": return .above
        case ">=", "≥", "min", "minimum": return .atLeast
        case "at": return i + 1 < t.count && t[i + 1].text == "most" ? .atMost : .atLeast
        case "no", "not": return i + 1 < t.count && KRAnalyser.upperComparatives.contains(t[i + 1].text) ? .atMost : .atLeast
        case "up": return .atMost
        case "or": return i + 1 < t.count && KRAnalyser.lowerComparatives.contains(t[i + 1].text) ? .atMost : .atLeast
        default: return .exactly
        }
    }

    /// A participle of a change verb after the subject: "Churn reduced to 2%", "NPS improved from 30 to 45".
    func changeParticiple() -> KRReading.Direction? {
        for (k, i) in main.enumerated() where k > 0 && (t[i].verbForm == .past || t[i].verbForm == .pastParticiple || t[i].verbForm == .thirdPerson
            || t[i].verbForm == .base && isNounish(t[main[k - 1]])) {
            // "funnel-driven model": a participle glued into a compound modifier; "a director's cut": a noun.
            if i > 0, t[i - 1].text == "-", t[i - 1].column + 1 == t[i].column { continue }
            if k > 0, t[main[k - 1]].text.hasSuffix("'s") { continue }
            if words.changeUp.contains(t[i].lemma) || KRAnalyser.riseVerbs.contains(t[i].lemma) && t[i].lemma != "go" { return .up }
            if words.changeDown.contains(t[i].lemma) || t[i].lemma == "fall" { return .down }
        }
        // "up to three outcome measures" is a cap (a comparator), not a direction.
        for i in main.dropFirst() where (t[i].text == "up" || t[i].text == "down") && t[i].tag != .comparator {
            // "stays up 14 days", "keep costs down": holding, not moving.
            if i > 0, words.hold.contains(t[i - 1].lemma) { continue }
            // "Staff happiness goes up", "Replies per thread up on the forum": a direction, with or without a number.
            if i > 0, t[i - 1].lemma == "go" || isNounish(t[i - 1]) && !t[i - 1].isVerb && t[i - 1].tag == .word { return t[i].text == "up" ? .up : .down }
            // "down to 2%" is a change; "down to cost centre" is a level of detail.
            guard let n = main.firstIndex(where: { $0 > i }) else { continue }
            let next = main[n]
            let quantityFollows = n + 1 < main.count && (t[main[n + 1]].isQuantity || t[main[n + 1]].tag == .comparator || n + 2 < main.count && t[main[n + 2]].isQuantity)
            if t[next].isQuantity || t[next].text == "by" || (t[next].text == "to" || t[next].text == "from") && quantityFollows {
                return t[i].text == "up" ? .up : .down
            }
        }
        return nil
    }

    /// The metric: the noun phrase the numbers are about.
    func metricPhrase(lead: Int, leadRole: Role) -> [Int]? {
        var start = lead
        if leadRole == .up || leadRole == .down || leadRole == .reach || leadRole == .hold || leadRole == .work { start += 1 }
        while start < main.count, KRAnalyser.metricLeadIns.contains(t[main[start]].text) || t[main[start]].isQuantity
                || t[main[start]].tag == .comparator { start += 1 }
        var end = start
        while end < main.count {
            let u = t[main[end]]
            // "mid-market", "time-to-hire": a hyphen joins words of one metric.
            // "sev-1 incidents", "tier-2 tickets": a number glued by a hyphen names a class.
            if u.text == "-" || u.text == "/", end > start, end + 1 < main.count, main[end + 1] == main[end] + 1,
               t[main[end + 1]].tag == .word || u.text == "-" && t[main[end + 1]].tag == .number && t[main[end + 1]].column == u.column + 1 {
                end += 2  // the hyphen and the word glued to it, even "to" in "time-to-hire"
                continue
            }
            // "monthly churn", "weekly active teams": a cadence word describing the metric.
            if u.tag == .cadence, end + 1 < main.count, t[main[end + 1]].tag == .word { end += 1; continue }
            if u.tag != .word { break }
            // A qualifier belongs to the metric: "latency of search", "NPS among enterprise customers".
            if KRAnalyser.qualifierPrepositions.contains(u.text), end > start, end + 1 < main.count,
               t[main[end + 1]].tag == .word || t[main[end + 1]].tag == .quantifier, !Self.boundaryWords.contains(t[main[end + 1]].text) {
                end += 1
                continue
            }
            if Self.boundaryWords.contains(u.text) || KRAnalyser.qualifierPrepositions.contains(u.text) { break }
            end += 1
        }
        // "API availability consistently": an adverb of manner at the end says how, not what.
        while end > start + 1, t[main[end - 1]].classes == .adverb, t[main[end - 1]].text.hasSuffix("ly") { end -= 1 }
        return end > start ? Array(start..<end) : nil
    }

    static let boundaryWords: WordSet = ["from", "to", "by", "is", "are", "at", "within", "per", "and", "or", "while", "without",
                                             "through", "via", "over", "under", "below", "above", "than", "into", "before", "after",
                                             "during", "until", "so", "that", "which", "the", "this", "next", "each", "every", "end",
                                             // "Average rating stays above 4.5": a verb of staying ends the metric.
                                             "stays", "stay", "remains", "remain"]

    func firstMatch(_ list: OKRWords.List) -> Int? {
        for i in main where list.match(t, at: i) > 0 { return i }
        return nil
    }

    /// "No outages", "Zero P1 incidents", "0 critical vulnerabilities".
    func zeroLine() -> Int? {
        for (k, i) in main.enumerated() {
            let tok = t[i]
            let isZero = (tok.tag == .quantifier && (tok.text == "zero" || tok.text == "no" || tok.text == "none")) || (tok.tag == .number && tok.value == 0)
            guard isZero, !(i + 1 < t.count && t[i + 1].text == "-") else { continue }
            if k + 1 < main.count, t[main[k + 1]].tag == .word, t[main[k + 1]].plural || k + 2 < main.count && t[main[k + 2]].plural {
                return i
            }
            for j in main[(k + 1)...].prefix(4) where words.health.contains(t[j].lemma) || KRAnalyser.badEvents.contains(t[j].lemma) {
                return i
            }
        }
        return nil
    }

    /// A duty on a cadence: "Close the books every month", "Finish payroll by the 5th of each month".
    func routine(lead: Int, leadRole: Role, hasChangeAmount: Bool, quantities: [Int]) -> Range<Int>? {
        guard !hasChangeAmount, leadRole != .up, leadRole != .down else { return nil }
        // An adverbial cadence: "every month", "a week", or "weekly" not before a noun ("monthly
        // routine" is a thing to set up, not a duty repeated).
        let ordinalOfEach = main.contains { t[$0].tag == .date && t[$0].unit == "th" }
        let adverbialCadence = main.first(where: { i in
            guard t[i].tag == .cadence else { return false }
            // "every business unit's budget": the cadence words run on into a noun phrase.
            if i + 2 < t.count, t[i + 1].tag == .cadence, t[i + 2].tag == .word, isNounish(t[i + 2]) { return false }
            if i + 1 < t.count, t[i + 1].tag == .cadence { return true }
            if i > 0, t[i - 1].tag == .cadence { return true }
            if i + 1 < t.count, t[i + 1].tag == .word && t[i + 1].isNoun || t[i + 1].text == "-" { return false }
            return true
        })
        // "Publish the monthly metrics report by the 3rd": a day of the month for a thing that recurs.
        // Not "Weekly report template agreed by the 5th": a thing set up once, stated as done.
        if adverbialCadence == nil, ordinalOfEach, leadRole == .work, firstMatch(words.doneStates) == nil,
           quantities.allSatisfy({ t[$0].tag == .date }), main.contains(where: { t[$0].tag == .cadence }),
           let ordinal = main.first(where: { t[$0].tag == .date && t[$0].unit == "th" }) {
            return ordinal..<(ordinal + 1)
        }
        guard let cadenceIndex = adverbialCadence else { return nil }
        let adverbial = t[cadenceIndex].text == "every" || t[cadenceIndex].text == "each"
        // "Each bounty reviewed at least weekly", "pay reviewed at least once a year": a floor on
        // how often is a duty, whatever states the line names.
        var before = cadenceIndex - 1
        if before > 0, t[before].text == "once" { before -= 1 }
        let floor = before >= 0 && t[before].tag == .comparator
        // "Backups tested quarterly": a thing done on a cadence, not a state reached.
        let doneOnCadence = cadenceIndex > 0 && (t[cadenceIndex - 1].verbForm == .past || t[cadenceIndex - 1].verbForm == .pastParticiple)
        if !ordinalOfEach, !adverbial, !floor, !doneOnCadence, leadRole != .work && leadRole != .reach { return nil }
        // "Candidate survey live and reviewed every week": a thing set up, stated as done.
        if !ordinalOfEach, !floor, leadRole != .work && leadRole != .reach, firstMatch(words.doneStates) != nil { return nil }
        // A cadence on a count ("3 posts a week") is an activity, read earlier; on a metric with a
        // number ("churn under 2% a month") a threshold, read later.
        guard quantities.allSatisfy({ t[$0].tag == .date }) else { return nil }
        if let ordinal = main.first(where: { t[$0].tag == .date && t[$0].unit == "th" }) { return ordinal..<(ordinal + 1) }
        return cadenceIndex..<(cadenceIndex + 1)
    }

    /// A threshold on a metric ("time-to-hire is at most 40 days", "99.9% or better"), not a count
    /// of things ("at least one engineer promoted").
    func thresholdOnMetric(_ comparator: Int, _ parts: Parts) -> Bool {
        guard let target = parts.target else { return false }
        // "8% weekly growth in creators with more than 3 uploads": growth is a change asked.
        if main.contains(where: { words.changeNouns.contains(t[$0].lemma) && t[$0].tag == .word }) { return false }
        // "creators with more than 3 uploads", "tickets open more than 10 days": the comparator
        // qualifies a noun of the line; it is not the line's threshold.
        if let k = main.firstIndex(of: comparator), k > 0, words.qualifiers.contains(t[main[k - 1]].text) { return false }
        if target.unit == "%", let k = main.firstIndex(where: { $0 > comparator && t[$0].isQuantity }), k + 1 < main.count, t[main[k + 1]].text == "of", k < 3 { return false }
        if target.unit != nil { return true }
        // A plain number after the comparator counts things when a noun follows it.
        let trailing = t[comparator].text == "or" ? main.last(where: { $0 < comparator && t[$0].isQuantity }) : nil
        guard let q = trailing ?? main.first(where: { $0 > comparator && t[$0].isQuantity }) else { return true }
        // "At least 60% of requests come in through the portal": a share to reach.
        if let k = main.firstIndex(of: q), k + 1 < main.count, t[main[k + 1]].text == "of", k < 3 { return false }
        var n = q + 1
        // "at least 20,000 daily active listeners": a cadence word before a noun describes whom.
        while n < t.count, t[n].tag == .comparator || KRAnalyser.boundTails.contains(t[n].text) || t[n].tag == .word && t[n].classes == .adjective
                || t[n].tag == .cadence && n + 1 < t.count && t[n + 1].tag == .word && !KRAnalyser.stopWords.contains(t[n + 1].text) { n += 1 }
        // "No more than 2 sev-1 incidents per quarter": a cap on things that go wrong is a level to hold.
        if isCap(comparator), main.contains(where: { $0 > q && $0 <= q + 5 && (words.health.contains(t[$0].lemma) || KRAnalyser.badEvents.contains(t[$0].lemma)) }) { return true }
        if n < t.count, isNounish(t[n]), !KRAnalyser.ratingUnits.contains(t[n].text) { return false }
        return true
    }

    /// "Eight-day close", "Two-week release cycle": a length glued to its unit, then a noun phrase
    /// and nothing else, whose head is a duty that recurs (a close, a cycle, a response).
    func lengthOfARound(lead: Int) -> Int? {
        let q = main[lead]
        guard t[q].tag == .number || t[q].tag == .numberWord, lead + 3 < main.count, t[main[lead + 1]].text == "-",
              KRAnalyser.singularUnits.contains(t[main[lead + 2]].text) else { return nil }
        let rest = main[(lead + 3)...]
        guard rest.allSatisfy({ isNounish(t[$0]) || t[$0].text == "-" || t[$0].isVerb && t[$0].verbFirst && !KRAnalyser.functionWords.contains(t[$0].text) }),
              let last = rest.last, words.recurringEvents.contains(t[last].lemma) || KRAnalyser.roundWords.contains(t[last].lemma),
              // "a 2-week design sprint" is a piece of activity, not a duty's length.
              !words.activity.contains(t[last].lemma) else { return nil }
        return q
    }
    static let roundWords: WordSet = ["cycle", "response", "turnaround", "resolution", "payout", "settlement", "review", "sync"]

    /// "standing" or "recurring" before a noun phrase of a recurring event, in a line with no verb.
    func standingDuty() -> Int? {
        guard let k = main.firstIndex(where: { KRAnalyser.standingWords.contains(t[$0].text) }), k + 1 < main.count else { return nil }
        let rest = main[(k + 1)...]
        guard rest.allSatisfy({ isNounish(t[$0]) || t[$0].tag == .cadence || t[$0].text == "-" || t[$0].classes.contains(.adjective) && !t[$0].isVerb }),
              let last = rest.last, words.recurringEvents.contains(t[last].lemma) || KRAnalyser.roundWords.contains(t[last].lemma) else { return nil }
        return main[k]
    }
    static let standingWords: WordSet = ["standing", "recurring"]

    /// A span of time: "5 days", or a count of the team's rounds of work ("one sprint", "two cycles").
    func isTimeSpan(_ i: Int) -> Bool {
        if t[i].tag == .duration { return true }
        return (t[i].tag == .number || t[i].tag == .numberWord) && i + 1 < t.count && KRAnalyser.workPeriods.contains(t[i + 1].lemma)
    }
    static let workPeriods: WordSet = ["sprint", "iteration", "cycle"]

    /// "90%+ of the time", "95% of the time".
    func shareOfTheTime() -> Int? {
        for (k, i) in main.enumerated() where t[i].tag == .percent {
            var m = k + 1
            if m < main.count, t[main[m]].text == "+" { m += 1 }
            if m + 2 < main.count, t[main[m]].text == "of", t[main[m + 1]].text == "the", t[main[m + 2]].text == "time" { return i }
        }
        return nil
    }

    /// An upper bound: "under", "at most", "no more than", "or fewer".
    func isCap(_ comparator: Int) -> Bool {
        let c = Self.comparator(t[comparator], t, comparator)
        return c == .below || c == .atMost
    }

    /// Attainment of a plan: "meet 100% of response SLAs", "hit the pipeline target", "bookings at plan".
    func planAttainment() -> Int? {
        for (k, i) in main.enumerated() where words.plans.contains(t[i].text) {
            // "100% of … plan", "hit … target", "at plan"
            let before = main[..<k]
            if before.contains(where: { t[$0].tag == .percent && (t[$0].value ?? 0) >= 100 }) { return i }
            if let lead = before.first, KRAnalyser.attainVerbs.contains(t[lead].lemma) { return i }
            if k > 0, t[main[k - 1]].text == "at" || t[main[k - 1]].text == "on" { return i }
            // "pipeline tracking above plan", "bookings ahead of plan": measured against the plan.
            if k > 0, KRAnalyser.againstPlan.contains(t[main[k - 1]].text)
                || k > 1 && t[main[k - 1]].text == "of" && KRAnalyser.againstPlan.contains(t[main[k - 2]].text) { return i }
            if before.contains(where: { t[$0].tag == .percent }), before.contains(where: { t[$0].text == "of" }), t[i].text != "budget" { return i }
        }
        return nil
    }

    /// "Finish the SOC 2 audit within 6 weeks": one piece of work with a time limit, not a service
    /// level — which is about many things handled ("all tickets", "every incident", "90% of requests").
    func oneDeliverableInTime(_ comparator: Int, leadRole: Role) -> Bool {
        guard leadRole == .work || leadRole == .reach, t[comparator].text == "within",
              main.contains(where: { $0 > comparator && isTimeSpan($0) }) else { return false }
        // "Run a retro within 2 days of every incident": one each time, not one piece of work.
        if main.contains(where: { $0 > comparator && t[$0].tag == .quantifier && KRAnalyser.eachWords.contains(t[$0].text) }) { return false }
        for i in main where i < comparator {
            let u = t[i]
            if u.tag == .quantifier || u.tag == .percent || u.tag == .cadence { return false }
            if u.tag == .word, u.plural, u.isNoun, !u.verbFirst || u.verbForm != .thirdPerson { return false }
        }
        return true
    }

    /// "Node stays up 14 days", "Churn remains under 2%": a hold verb after its subject.
    func heldBySubject(lead: Int) -> Int? {
        for k in main.indices where k > lead {
            let u = t[main[k]]
            guard u.isVerb, u.verbForm == .thirdPerson, words.hold.contains(u.lemma) else { continue }
            let before = t[main[k - 1]]
            if isNounish(before) || before.isQuantity { return main[k] }
        }
        return nil
    }

    /// "Benchmark suite runs on every release", "Reference docs publish themselves on each SDK
    /// release": a thing, not a person, is the subject of a verb in the present — a system to put
    /// in place that then does the duty by itself, not a duty the team keeps doing.
    func thingActsByItself(lead: Int, leadRole: Role) -> Bool {
        guard leadRole == .subject || leadRole == .none,
              let k = main.indices.first(where: { $0 > lead && t[main[$0]].isVerb
                  && (t[main[$0]].verbForm == .thirdPerson || t[main[$0]].verbForm == .base) && isNounish(t[main[$0 - 1]]) }),
              main[lead..<k].allSatisfy({ t[$0].tag == .word }) else { return false }
        let head = t[main[k - 1]]
        if words.external.contains(head.lemma) || words.people.contains(head.lemma) || words.people.contains(head.text) { return false }
        return !words.insiders.contains(head.lemma) || KRAnalyser.systemWords.contains(head.lemma)
    }

    /// "Run load tests on every release", "check a reference for every hire": a duty done on each
    /// event of a kind, with no count of its own.
    func perEventDuty() -> Int? {
        // A share each time is a service level ("85% of slots used at every event"); a count is an output.
        guard quantities.allSatisfy({ t[$0].tag == .date || t[$0].tag == .percent || (t[$0].value ?? 0) <= 1 }) else { return nil }
        if firstMatch(words.doneStates) != nil { return nil }
        for (k, i) in main.enumerated() where k > 0 && k + 1 < main.count && KRAnalyser.eachWords.contains(t[i].text) {
            guard KRAnalyser.eventPrepositions.contains(t[main[k - 1]].text) else { continue }
            var m = k + 1
            while m + 1 < main.count, t[main[m]].classes.contains(.adjective), !t[main[m]].isNoun { m += 1 }
            // The event is the head: "every release", "every field event", not "every release note".
            while m + 1 < main.count, case let u = t[main[m + 1]], isNounish(u) || words.recurringEvents.contains(u.lemma),
                  !u.isVerb || u.verbForm == .base && !u.plural { m += 1 }
            let noun = t[main[m]]
            if words.recurringEvents.contains(noun.lemma) || words.recurringEvents.contains(noun.text) { return i }
        }
        return nil
    }

    /// "Chat handle time at 12 minutes", "Cutting a release takes 45 minutes": a noun phrase of a
    /// metric, then "at" or "takes" and an amount with a unit, and nothing else asked.
    func metricAtLevel(lead: Int) -> Int? {
        for k in main.indices where k > lead && k + 1 < main.count {
            let u = t[main[k]]
            // "takes under 3 hours": a bound on the amount is the level.
            let next = t[main[k + 1]].tag == .comparator && k + 2 < main.count && u.lemma == "take" ? t[main[k + 2]] : t[main[k + 1]]
            guard next.isQuantity, next.tag == .percent || next.tag == .duration || next.tag == .money || next.unit != nil else { continue }
            let at = u.text == "at" && u.tag != .comparator
            let takes = u.lemma == "take" && u.verbForm == .thirdPerson
            // "Month-end close in 5 working days": a duty that recurs, done in a time.
            let inside = u.text == "in" && u.tag != .comparator && k > lead
                && (words.recurringEvents.contains(t[main[k - 1]].lemma) || KRAnalyser.roundWords.contains(t[main[k - 1]].lemma))
                && !words.activity.contains(t[main[k - 1]].lemma)
            guard at || takes || inside else { continue }
            // Before it, only the metric's noun phrase (a gerund may open it: "Cutting a release").
            let before = main[lead..<k]
            if at || inside, !before.allSatisfy({ t[$0].tag == .word && (isNounish(t[$0]) || t[$0].classes.contains(.adjective)) || t[$0].text == "-" }) { return nil }
            // "Cutting a release takes 45 minutes": a gerund opening the line names the process, not a change.
            if before.contains(where: { (words.changeUp.contains(t[$0].lemma) || words.changeDown.contains(t[$0].lemma))
                && !($0 == main[lead] && t[$0].verbForm == .gerund) }) { return nil }
            return main[k]
        }
        return nil
    }

    /// "12% trial-to-paid conversion", "$180 cost per lead", "85% satisfied", "3.5x pipeline coverage":
    /// the line opens on a rate or an amount and names its metric, with no word of change.
    func bareFigure(lead: Int) -> Int? {
        let i = main[lead]
        let tok = t[i]
        let multiplier = tok.tag == .number && tok.unit == "x"
        guard tok.tag == .percent || tok.tag == .money || multiplier, lead + 1 < main.count else { return nil }
        // "+4% sessions": a sign glued to the number asks for a change.
        if i > 0, t[i - 1].tag == .punctuation, t[i - 1].column + t[i - 1].length == tok.column, t[i - 1].text == "+" || t[i - 1].text == "-" { return nil }
        let next = t[main[lead + 1]]
        guard next.tag == .word, !Self.functionWords.contains(next.text), !words.growthWords.contains(next.text) else { return nil }
        if next.text == "net", lead + 2 < main.count, t[main[lead + 2]].text == "new" { return nil }
        if next.comparative || KRAnalyser.relativeComparatives.contains(next.text) { return nil }
        var ratio = false
        for k in main.indices where k > lead {
            let u = t[main[k]]
            if words.changeNouns.contains(u.lemma) || KRAnalyser.relativeComparatives.contains(u.text) { return nil }
            if u.isVerb, !u.isNoun || u.verbFirst, u.verbForm == .base || u.verbForm == .thirdPerson,
               words.changeUp.contains(u.lemma) || words.changeDown.contains(u.lemma) { return nil }
            if KRAnalyser.ratioNouns.contains(u.lemma) { ratio = true }
        }
        if changeParticiple() != nil { return nil }
        if multiplier, !ratio { return nil }
        return i
    }

    /// "Get an 85% response rate", "Achieve NPS of 45+": the target of a verb of reaching is a rate
    /// or a score, not a count of people or things won.
    func rateTarget(lead: Int, _ metricRange: [Int]?) -> Int? {
        if main.contains(where: { words.changeNouns.contains(t[$0].lemma) }) { return nil }
        guard let k = main.indices.first(where: { $0 > lead && t[main[$0]].isQuantity }) else { return nil }
        let q = main[k]
        // "Get 60% of trial teams to convert": a share of people reaching an outcome.
        if k + 1 < main.count, t[main[k + 1]].text == "of" { return nil }
        if t[q].tag == .percent { return q }
        let metric = metricRange ?? []
        if metric.contains(where: { KRAnalyser.ratioNouns.contains(t[main[$0]].lemma) || KRAnalyser.serviceLevelMetrics.contains(t[main[$0]].text) }) { return q }
        return nil
    }

    /// "Every submission goes through cleanly", "All tier-1 systems keep …": a rule that always holds.
    func invariantLine(lead: Int) -> Int? {
        let leadToken = t[main[lead]]
        guard leadToken.tag == .quantifier, KRAnalyser.universalQuantifiers.contains(leadToken.text) else { return nil }
        // "Any account flagged at-risk has a written recovery plan": whatever comes in has it — a rule.
        if leadToken.text == "any", main[(lead + 1)...].contains(where: { t[$0].lemma == "have" && t[$0].isVerb }),
           !main.contains(where: { KRAnalyser.modalWords.contains(t[$0].text) }) { return main[lead] }
        for k in (lead + 1)..<main.count {
            let u = t[main[k]]
            if KRAnalyser.serviceVerbs.contains(u.lemma), u.isVerb, k > lead + 1 {
                return main[lead]
            }
            if u.verbForm == .thirdPerson || u.text == "can" || u.text == "have" { return nil }
            if u.verbForm == .past || u.verbForm == .pastParticiple { return nil }
        }
        return nil
    }

    /// A number on a health metric (uptime, availability, an SLA, CSAT) with no change asked.
    func healthTarget(_ metricRange: [Int]?, _ parts: Parts) -> Int? {
        // A template's gap ("Availability of [N]") stands for whatever figure the metric takes.
        guard let target = parts.target, target.unit == "%" || parts.comparator != nil || target.textWord.hasPrefix("["), target.value > 0 else { return nil }
        for i in main where KRAnalyser.serviceLevelMetrics.contains(t[i].text)
            || words.health.match(t, at: i) > 0 && (metricRange?.contains { main[$0] == i } ?? false) {
            if words.moneyMetrics.contains(t[i].lemma) || words.moneyMetrics.contains(t[i].text) { continue }
            return i
        }
        return nil
    }

    /// "Achieve $5M in revenue", "Revenue of $4M", "$2M ARR", "Add $[N] net new MRR", "Book $[N] in
    /// expansion ARR": a sum of revenue, bookings or pipeline to reach with no starting point is the
    /// plan's number for the period (a quota), watched as a KPI — "new" ARR is this period's bookings,
    /// not a change from a level. A change verb or amount ("Grow net new ARR 12%") is read before.
    func bareMoney(_ metricRange: [Int]?) -> Int? {
        guard main.contains(where: { t[$0].tag == .money }) else { return nil }
        for i in main where words.moneyMetrics.match(t, at: i) > 0 { return i }
        return nil
    }

    /// "Onboard 50 new customers": a count of the people the work is for is an outcome.
    func externalCount(_ quantities: [Int]) -> Int? {
        // "Pick 5 pilot customers": customers chosen are a piece of work, not customers won.
        guard let leadK = leadIndex(), leadK + 1 < main.count, !words.scopeVerbs.contains(t[main[leadK]].lemma) else { return nil }
        // The count is the verb's object: "Onboard 50 new customers", not "pilot it with one account".
        for q in quantities where (t[q].tag == .number || t[q].tag == .numberWord) && (q == main[leadK + 1] || leadK + 2 < main.count && q == main[leadK + 2]) {
            if let head = countedHead(after: q), words.external.contains(t[head].lemma), !words.insiders.contains(t[head].lemma) { return head }
        }
        return nil
    }

    /// The last noun of the words after a count, up to four of them and to the first preposition:
    /// "50 new customers", "750 prospects".
    func countedHead(after q: Int) -> Int? {
        var head: Int?
        var j = q + 1
        while j < t.count, j <= q + 4, t[j].tag == .word, !Self.stopWords.contains(t[j].text) {
            if isNounish(t[j]) { head = j }
            j += 1
        }
        return head
    }

    static let contactVerbs: WordSet = ["mail", "send", "email", "contact", "visit", "survey", "message", "invite", "brief", "pitch",
                                        "present", "collect", "gather", "call", "phone", "text", "ping", "reach"]
    static let producingVerbs: WordSet = ["write", "publish", "give", "speak", "present", "host", "run", "promote", "post", "blog", "share",
                                          "review", "mentor", "contribute", "record", "film", "teach", "answer", "organise", "organize", "lead"]

    /// "Mail the playbook to 750 prospects", "feedback from 20 internal users": a count of the
    /// people the work is for, after "to", "from" or "with" — whom the activity reaches.
    func peopleContacted(lead: Int) -> Int? {
        for k in main.indices where k > lead && k + 1 < main.count && (t[main[k]].text == "to" || t[main[k]].text == "from" || t[main[k]].text == "with") {
            var m = k + 1
            while m < main.count, t[main[m]].tag == .comparator || KRAnalyser.countQualifiers.contains(t[main[m]].text) { m += 1 }
            guard m < main.count, t[main[m]].tag == .number || t[main[m]].tag == .numberWord, (t[main[m]].value ?? 0) >= 2, t[main[m]].unit == nil else { continue }
            if let head = countedHead(after: main[m]), words.external.contains(t[head].lemma) || words.people.contains(t[head].text) { return head }
        }
        return nil
    }

    /// The verb the team's counted people do, when it is work that makes or says something ("write",
    /// "give talks", "actively promoting") rather than a state reached ("complete the course").
    func crewAtWork(after crew: Int) -> Int? {
        var j = crew + 1
        while j < t.count, t[j].tag == .word, t[j].classes == .adverb || t[j].text == "and" || t[j].tag == .number || isNounish(t[j]) && !t[j].isVerb { j += 1 }
        guard j < t.count, t[j].tag == .word, t[j].isVerb, t[j].verbForm == .base || t[j].verbForm == .gerund || t[j].verbForm == .thirdPerson else { return nil }
        if Self.producingVerbs.contains(t[j].lemma) { return j }
        return t[(j + 1)...].prefix(4).contains(where: { words.activity.contains($0.lemma) && $0.plural }) ? j : nil
    }

    struct Share { var index: Int; var insiders: Bool; var followedByVerb: Bool; var verb: Int? }

    /// "100% of managers complete the course", "80% of customers onboarded": a share of whom.
    func shareOf() -> Share? { share }

    private func computeShare() -> Share? {
        for (k, i) in main.enumerated() where (t[i].tag == .percent || t[i].tag == .quantifier && t[i].text == "all") && k + 1 < main.count {
            var m = k + 1
            if t[main[m]].text == "of" { m += 1 }
            guard t[i].tag == .quantifier || t[main[k + 1]].text == "of" else { continue }
            while m < main.count, KRAnalyser.populationLeadIns.contains(t[main[m]].text) { m += 1 }
            var insiders = false, outsiders = false
            var n = m
            while n < main.count, n <= m + 3 {
                let j = main[n]
                if t[j].isVerb && (t[j].verbForm == .base || t[j].verbForm == .past || t[j].verbForm == .pastParticiple) && !t[j].isNoun { break }
                if !isNounish(t[j]) && words.insiders.match(t, at: j) == 0 { break }
                // The last noun of the group decides: "staff requests" are requests, not staff.
                insiders = words.insiders.match(t, at: j) > 0
                outsiders = words.external.match(t, at: j) > 0
                n += 1
            }
            let verb = main[n...].first { t[$0].isVerb && !words.changeUp.contains(t[$0].lemma) && !words.changeDown.contains(t[$0].lemma) }
            if insiders || outsiders { return Share(index: i, insiders: insiders && !outsiders, followedByVerb: verb != nil, verb: verb) }
        }
        return nil
    }

    /// A state reached, stated as done: "SSO is in place", "Mobile SDK generally available",
    /// "Four AEs hired and ramped".
    func doneState() -> Int? {
        // "500 workspaces onboarded", "used by 40 enterprise accounts": the people the work is for,
        // counted, are an outcome.
        if outsidersCounted() { return nil }
        for (k, i) in main.enumerated() where k > 0 {
            if words.doneStates.match(t, at: i) > 0 {
                // "adopted by 30% of users", "50% of signups complete setup" state an outcome, not a state of the work.
                if let share = shareOf(), !share.insiders, t[share.index].tag == .percent { return nil }
                return i
            }
            let u = t[i]
            if (u.verbForm == .past || u.verbForm == .pastParticiple), !words.changeUp.contains(u.lemma), !words.changeDown.contains(u.lemma),
               !words.reach.contains(u.lemma) || KRAnalyser.dealStates.contains(u.text) {
                if i + 1 < t.count, t[i + 1].tag == .word, t[i + 1].isNoun, !t[i + 1].isVerb || !t[i + 1].verbFirst, u.classes.contains(.adjective),
                   !KRAnalyser.verbParticles.contains(t[i + 1].text) { continue }
                let before = t[main[k - 1]]
                if isNounish(before) || before.tag == .numberWord || KRAnalyser.stateLinks.contains(before.text) {
                    if let share = shareOf(), !share.insiders, t[share.index].tag == .percent { return nil }
                    return i
                }
            }
        }
        return nil
    }

    /// A state of the work in the present tense: "Tracing works end to end", "A benchmark suite exists".
    func presentState() -> Int? {
        for (k, i) in main.enumerated() where k > 0 {
            let u = t[i]
            guard u.verbForm == .thirdPerson, u.isVerb, !u.isNoun || u.verbFirst else { continue }
            if words.changeUp.contains(u.lemma) || words.changeDown.contains(u.lemma) || words.hold.contains(u.lemma) { return nil }
            if Self.feelingVerbs.contains(u.lemma) { return nil }
            let before = t[main[k - 1]]
            if isNounish(before) { return i }
        }
        return nil
    }

    /// Two outcomes joined: "Raise NPS to 50 and cut churn to 2%".
    func joinsOutcomes() -> Bool {
        for (k, i) in main.enumerated() where t[i].text == "and" || t[i].text == "&" || t[i].text == ";" || t[i].text == "plus" {
            let left = main[..<k], right = main[(k + 1)...]
            guard let first = right.first else { continue }
            if k > 0, t[main[k - 1]].text == "between" { continue }
            let leftHasNumber = left.contains { t[$0].isQuantity }
            let rightHasNumber = right.contains { t[$0].isQuantity }
            let rightStartsWithChange = words.changeUp.contains(t[first].lemma) || words.changeDown.contains(t[first].lemma) || words.hold.contains(t[first].lemma)
            if rightStartsWithChange && (rightHasNumber || leftHasNumber) { return true }
            // Two metrics with a number each: "NPS to 50 and churn to 2%".
            if leftHasNumber && rightHasNumber && right.contains(where: { t[$0].text == "to" || t[$0].text == "from" })
                && left.contains(where: { t[$0].text == "to" || t[$0].text == "from" }) { return true }
        }
        return false
    }

    func deadline() -> String? {
        for (k, i) in main.enumerated() where KRAnalyser.deadlineWords.contains(t[i].text) || t[i].tag == .date && t[i].text.hasPrefix("eo") {
            var m = k + 1
            if t[i].tag == .date, t[i].text.hasPrefix("eo") { return t[i].text.string }
            while m < main.count, KRAnalyser.periodLeadIns.contains(t[main[m]].text) || (t[main[m]].tag == .date && t[main[m]].text == "end") { m += 1 }
            guard m < main.count else { continue }
            let u = t[main[m]]
            if u.tag == .date || u.tag == .quarter || u.tag == .year {
                var last = m
                while last + 1 < main.count, [.date, .quarter, .year].contains(t[main[last + 1]].tag)
                        || last + 2 < main.count && (t[main[last + 1]].text == "-" || t[main[last + 1]].text == "/") && [.date, .number].contains(t[main[last + 2]].tag) {
                    last += t[main[last + 1]].tag == .punctuation ? 2 : 1
                }
                return joined(main[(k + 1)...last])
            }
        }
        return nil
    }

    /// Tokens joined as written: no space where the line had none ("2027-06-30", "time-to-hire").
    func joined<C: Collection>(_ indices: C) -> String where C.Element == Int { TaggedToken.joined(t, indices) }

    func cadence() -> String? {
        let indices = main.filter { t[$0].tag == .cadence }
        guard !indices.isEmpty else { return nil }
        return indices.map { t[$0].text.string }.joined(separator: " ")
    }
}

// Word sets used above, built once (array literals in a hot path would be built on every call).
extension KRAnalyser {
    static let keepingVerbs: WordSet = ["hold", "keep", "continue", "protect", "retain", "renew"]
    static let oversightVerbs: WordSet = ["control", "manage", "monitor", "track", "watch", "oversee", "contain", "police", "administer", "operate"]
    static let runningVerbs: WordSet = ["manage", "administer", "operate"]
    static let zeroWords: WordSet = ["no", "zero", "none"]
    static let avoidanceWords: WordSet = ["never", "don't", "dont", "avoid"]
    static let lightVerbs: WordSet = ["make", "get", "keep", "help", "work", "continue", "become", "render", "bring"]
    static let mannerEndings: WordSet = ["well", "properly", "better", "smoothly", "effectively"]
    static let comparativeWords: WordSet = ["more", "less", "fewer", "better", "worse", "further", "finer"]
    static let mannerAdverbs: WordSet = ["well", "properly", "quickly", "smoothly", "effectively", "efficiently", "easily", "visibly", "fast", "tidy", "maintainable", "mature"]
    static let countQualifiers: WordSet = ["at", "least", "up", "to", "another", "more", "than", "over", "first"]
    static let gradeWords: WordSet = ["done", "complete", "completed", "x", "of", "in", "progress", "so", "far"]
    static let resultWords: WordSet = ["achieved", "missed", "done", "exceeded", "partial", "partially", "track", "progress", "complete", "completed"]
    static let dashes: WordSet = ["-", "–", "—"]
    static let spacedDash = Word("—")
    static let fallingNouns: WordSet = ["decrease", "reduction", "drop", "decline", "fall", "saving", "savings", "cut"]
    static let openingMarks: WordSet = ["`", "[", "*", "(", "_"]
    static let gradeMarks: WordSet = ["-", "–", "—", "*"]
    static let trailingMarks: WordSet = ["-", "–", "—", "*", ","]
    static let ownerMarks: WordSet = ["-", "–", "—", "(", "[", ","]
    static let labelMarks: WordSet = ["-", "*", "•", "·", "–", "—", "[", "]", ":", ".", ")", "#", "`"]
    static let numberingMarks: WordSet = [".", ")", ":"]
    static let bracketMarks: WordSet = ["(", ")", "[", "]", "`"]
    static let deadlinePrepositions: WordSet = ["by", "in", "before", "until", "during"]
    static let endOfWords: WordSet = ["the", "end", "of"]
    static let phrasalChangeVerbs: WordSet = ["bring", "get", "drive", "push", "take", "knock", "pull", "pay", "burn", "turn"]
    static let movingVerbs: WordSet = ["bring", "get", "push", "drive", "take", "move"]
    static let objectDeterminers: WordSet = ["the", "a", "an", "our", "all", "every", "each", "my", "your", "their", "its", "this", "these", "new"]
    static let articles: WordSet = ["the", "a"]
    static let levelLinks: WordSet = ["at", "of", "is", "are"]
    static let finiteVerbs: WordSet = ["is", "are", "was", "were", "has", "have", "stays", "remains", "can", "will", "should"]
    static let ratioNouns: WordSet = ["rate", "ratio", "conversion", "share", "percentage", "proportion", "coverage", "quality", "time"]
    static let countNouns: WordSet = ["number", "count", "amount", "volume", "total"]
    static let multiplierVerbs: WordSet = ["double", "triple", "quadruple", "halve"]
    static let multiplierWords: WordSet = ["double", "triple", "halve", "quadruple"]
    static let approximators: WordSet = ["the", "a", "an", "about", "around", "approximately", "roughly", "~", "at", "least", "most"]
    static let baselineWords: WordSet = ["from", "currently", "baseline", "today", "now", "was", "vs", "versus"]
    static let relativeComparatives: WordSet = ["faster", "quicker", "smaller", "lower", "higher", "more", "less", "cheaper", "fewer", "shorter", "better", "larger", "bigger"]
    static let upperComparatives: WordSet = ["more", "greater", "higher", "later", "longer"]
    static let lowerComparatives: WordSet = ["less", "fewer", "lower", "below"]
    static let riseVerbs: WordSet = ["rise", "climb", "jump", "go"]
    static let metricLeadIns: WordSet = ["the", "a", "an", "our", "all", "its", "their", "of", "total"]
    static let qualifierPrepositions: WordSet = ["of", "for", "in", "on", "among", "across", "with"]
    static let badEvents: WordSet = ["incident", "outage", "breach", "finding", "violation", "fine", "penalty", "escalation", "p1", "p0", "sev1", "sev", "regression", "loss", "leak", "downtime", "error", "failure", "hotfix", "rollback"]
    static let boundTails: WordSet = ["or", "more", "fewer", "less"]
    static let ratingUnits: WordSet = ["stars", "star", "points", "point"]
    static let attainVerbs: WordSet = ["hit", "meet", "reach", "achieve", "exceed", "beat", "make", "deliver"]
    static let universalQuantifiers: WordSet = ["every", "all", "each", "any"]
    static let serviceVerbs: WordSet = ["keep", "stay", "remain", "meet", "go", "pass", "receive", "respond", "load", "succeed", "complete"]
    static let serviceLevelMetrics: WordSet = ["csat", "sla", "slas", "slo", "slos", "uptime", "availability", "accuracy", "compliance", "satisfaction", "nps"]
    static let populationLeadIns: WordSet = ["the", "our", "all", "new", "active", "eligible"]
    static let dealStates: WordSet = ["signed", "closed", "secured", "obtained"]
    static let verbParticles: WordSet = ["down", "up", "out", "off", "in", "on", "over"]
    static let stateLinks: WordSet = ["is", "are", "be", "been", "was", "were", "fully"]
    static let deadlineWords: WordSet = ["by", "before", "until", "in", "during", "for", "end", "eoq", "eoy"]
    static let periodLeadIns: WordSet = ["the", "end", "of", "mid", "start", "beginning"]
    static let particles: WordSet = ["out", "up", "off", "on"]
    static let determiners: WordSet = ["the", "our", "your", "their", "its", "my", "his", "her", "these", "those", "them", "us"]
    static let timesWords: WordSet = ["twice", "thrice"]
    static let nobodyWords: WordSet = ["nobody", "noone"]
    static let ongoingVerbs: WordSet = ["keep", "continue"]
    static let eachWords: WordSet = ["every", "each", "all"]
    static let eventPrepositions: WordSet = ["on", "for", "after", "before", "with", "per", "at", "in"]
}
