import XCTest
@testable import OKRCore

final class LexiconTests: XCTestCase {
    let lexicon = Lexicon.english

    func has(_ word: String, _ wordClass: WordClass, _ lemma: String, _ inflection: Inflection,
             file: StaticString = #filePath, line: UInt = #line) {
        let readings = lexicon.readings(of: word)
        XCTAssertTrue(readings.contains { $0.wordClass == wordClass && $0.lemma == lemma && $0.inflection == inflection },
                      "\(word): \(readings)", file: file, line: line)
    }

    func hasNot(_ word: String, _ wordClass: WordClass, _ lemma: String,
                file: StaticString = #filePath, line: UInt = #line) {
        let readings = lexicon.readings(of: word)
        XCTAssertFalse(readings.contains { $0.wordClass == wordClass && $0.lemma == lemma }, "\(word): \(readings)",
                       file: file, line: line)
    }

    // MARK: The data

    func testTheEmbeddedDataParsesWithNoMalformedLine() {
        XCTAssertFalse(Lexicon.embeddedText.isEmpty, "rules/\(Lexicon.embeddedPath) is not embedded")
        XCTAssertEqual(lexicon.malformedLines, [])
        // About 83,000 lemmas and 85,000 inflected forms: far fewer means lines went missing.
        XCTAssertGreaterThan(lexicon.formCount, 150_000)
    }

    func testTheParserReportsMalformedLinesAndKeepsTheGoodOnes() {
        let text = """
            # a comment
            hire\tn Ps\tv34 Ss Dd G1ing
            nothing
            bad\tq1
            worse\tv Z
            strip\tn P9x
            go\tv598 T2went Nne

            """
        let small = Lexicon(tsv: text)
        XCTAssertEqual(small.malformedLines, [3, 4, 5, 6])
        XCTAssertEqual(small.readings(of: "hiring"), [LexicalReading(wordClass: .verb, lemma: "hire", inflection: .gerund, frequency: 34)])
        XCTAssertEqual(small.readings(of: "hires").map(\.wordClass), [.verb, .noun])
        XCTAssertEqual(small.lemma(of: "went", as: .verb), "go")
        XCTAssertFalse(small.isKnown("bad"))
        XCTAssertFalse(small.isKnown("worse"))
        XCTAssertFalse(small.isKnown("strip"))
    }

    // MARK: Inflections

    func testRegularVerbs() {
        has("hired", .verb, "hire", .past)
        has("hiring", .verb, "hire", .gerund)
        has("hires", .verb, "hire", .thirdPerson)
        has("ramped", .verb, "ramp", .past)
        has("planned", .verb, "plan", .past)
        has("planning", .verb, "plan", .gerund)
        has("stopped", .verb, "stop", .past)
        has("shipped", .verb, "ship", .past)
        has("launched", .verb, "launch", .past)
        has("launches", .verb, "launch", .thirdPerson)
        has("tries", .verb, "try", .thirdPerson)
        has("tried", .verb, "try", .past)
        has("dying", .verb, "die", .gerund)
        XCTAssertFalse(lexicon.isKnown("rampped"))
        hasNot("planed", .verb, "plan")
        XCTAssertFalse(lexicon.isKnown("hireing"))
    }

    func testCallsIsAPluralNounAndAThirdPersonVerb() {
        has("calls", .noun, "call", .plural)
        has("calls", .verb, "call", .thirdPerson)
        XCTAssertEqual(lexicon.classes(of: "calls"), [.noun, .verb])
    }

    func testIrregularVerbs() {
        has("went", .verb, "go", .pastTense)
        has("gone", .verb, "go", .pastParticiple)
        has("goes", .verb, "go", .thirdPerson)
        has("sang", .verb, "sing", .pastTense)
        has("sung", .verb, "sing", .pastParticiple)
        has("began", .verb, "begin", .pastTense)
        has("begun", .verb, "begin", .pastParticiple)
        has("bought", .verb, "buy", .past)
        has("was", .verb, "be", .pastTense)
        has("been", .verb, "be", .pastParticiple)
        has("is", .verb, "be", .thirdPerson)
        has("are", .verb, "be", .base)
        has("cut", .verb, "cut", .past)
        has("learned", .verb, "learn", .past)
        has("learnt", .verb, "learn", .past)
        has("proved", .verb, "prove", .past)
        has("proven", .verb, "prove", .pastParticiple)
        has("showed", .verb, "show", .past)
        has("shown", .verb, "show", .pastParticiple)
        XCTAssertFalse(lexicon.isKnown("goed"))
        XCTAssertFalse(lexicon.isKnown("buyed"))
        hasNot("seed", .verb, "see")
        hasNot("singed", .verb, "sing")
    }

    func testNouns() {
        has("children", .noun, "child", .plural)
        has("meetings", .noun, "meeting", .plural)
        has("companies", .noun, "company", .plural)
        has("women", .noun, "woman", .plural)
        has("boxes", .noun, "box", .plural)
        XCTAssertFalse(lexicon.isKnown("childs"))
        has("uptime", .noun, "uptime", .base)
        XCTAssertEqual(lexicon.classes(of: "uptime"), .noun)
    }

    func testAdjectives() {
        has("better", .adjective, "good", .comparative)
        has("best", .adjective, "good", .superlative)
        has("faster", .adjective, "fast", .comparative)
        has("bigger", .adjective, "big", .comparative)
        has("happier", .adjective, "happy", .comparative)
        has("lower", .adjective, "low", .comparative)
        has("closer", .adjective, "close", .comparative)
        has("available", .adjective, "available", .base)
        XCTAssertEqual(lexicon.classes(of: "available"), .adjective)
        XCTAssertFalse(lexicon.isKnown("availabler"))
        hasNot("liver", .adjective, "live")
        hasNot("owner", .adjective, "own")
        // "better" is good's comparative before anything else: good is used far more.
        XCTAssertEqual(lexicon.readings(of: "better").first?.lemma, "good")
        XCTAssertEqual(lexicon.lemma(of: "better", as: .adjective), "good")
    }

    func testAdverbs() {
        has("generally", .adverb, "generally", .base)
        XCTAssertEqual(lexicon.classes(of: "generally"), .adverb)
        has("better", .adverb, "well", .comparative)
    }

    // MARK: Classes and frequencies

    func testLaunchIsAVerbAndANounAndMostlyAVerb() {
        let readings = lexicon.readings(of: "launch")
        XCTAssertEqual(lexicon.classes(of: "launch"), [.noun, .verb])
        XCTAssertTrue(readings.contains { $0.wordClass == .verb && $0.lemma == "launch" && $0.inflection == .base })
        XCTAssertEqual(readings.first?.wordClass, .verb)
        XCTAssertGreaterThan(readings.first?.frequency ?? 0, 0)
    }

    func testReadingsComeMostFrequentFirst() {
        for word in ["calls", "better", "hire", "release", "post", "ship", "saw", "left"] {
            let frequencies = lexicon.readings(of: word).map(\.frequency)
            XCTAssertEqual(frequencies, frequencies.sorted(by: >), word)
        }
        // WordNet's tagged corpus used "hire" and "release" mostly as verbs, "post" mostly as a noun.
        XCTAssertEqual(lexicon.readings(of: "hire").first?.wordClass, .verb)
        XCTAssertEqual(lexicon.readings(of: "release").first?.wordClass, .verb)
        XCTAssertEqual(lexicon.readings(of: "post").first?.wordClass, .noun)
        // The frequency is the lemma's: "meeting" the noun, and "meeting" the -ing form of meet.
        has("meeting", .noun, "meeting", .base)
        has("meeting", .verb, "meet", .gerund)
    }

    func testLemmaLookup() {
        XCTAssertEqual(lexicon.lemma(of: "hired", as: .verb), "hire")
        XCTAssertEqual(lexicon.lemma(of: "calls", as: .noun), "call")
        XCTAssertEqual(lexicon.lemma(of: "children", as: [.noun, .verb]), "child")
        XCTAssertNil(lexicon.lemma(of: "children", as: .verb))
        XCTAssertNil(lexicon.lemma(of: "generally", as: .noun))
    }

    func testUnknownWords() {
        for word in ["", "xqzzy", "okrs", "Hired"] {
            XCTAssertEqual(lexicon.readings(of: word), [], word)
            XCTAssertEqual(lexicon.classes(of: word), [], word)
            XCTAssertFalse(lexicon.isKnown(word), word)
        }
        XCTAssertTrue(lexicon.isKnown("hired"))
        XCTAssertFalse(lexicon.isKnown("1000"), "numerals are the tokenizer's business")
    }
}
