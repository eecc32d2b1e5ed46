import XCTest
@testable import OKRCore

/// The `pattern` kind, on a rule file kept here as its documented example.
final class PatternRuleTests: XCTestCase {
    /// A key result that hedges ("Try to raise NPS...") says what we'll attempt, not what will be true.
    static let hedged = """
        id: kr-hedged
        kind: pattern
        target: kr
        severity: info
        at: start
        tokens:
          - lemma: [try, aim, strive, attempt, hope, seek]
            mark: true
          - text: [to, for]
            mark: true
        unless:
          - [{lemma: [aim]}, {text: [for]}, {tag: [percent]}, {text: [of]}]
        message: a hedge; a key result says what will be true
        why: A key result is a commitment or a stretch, not an attempt. "Try to" leaves nothing to score.
        ask: What will be true at the end of the cycle if this works?
        suggest: "{after}"
        examples:
          flag:
            - text: "{{Try}} to raise NPS from 31 to 45"
              suggest: "Raise NPS from 31 to 45"
            - "{{Aim}} to cut churn from 3% to 2%"
            - "{{Strive}} for 95% CSAT by the end of the quarter"
            - "{{Hope}} to close 12 enterprise deals"
            - "{{Attempt}} to halve the support backlog"
          pass:
            - Raise NPS from 31 to 45
            - Cut the time we spend trying to reproduce bugs from 6 to 2 hours
            - Aim for 40% of revenue from partners
            - Raise the share of visitors who try to sign up from 4% to 9%
            - Grow the aim-to-ship ratio from 0.5 to 0.8
        """

    static let phrase = """
        id: kr-phrase
        kind: pattern
        target: kr
        severity: warning
        tokens:
          - lemma: [cut, reduce]
          - skip: 4
          - text: [by]
            mark: true
          - tag: [percent]
            mark: true
          - text: [in, within]
            min: 0
          - tag: [year]
            min: 0
        unless:
          - at: end
            tokens: [{text: [ok]}]
        message: m
        why: w
        ask: a
        examples:
          flag:
            - "Cut churn {{by 20%}}"
            - "Reduce the p95 API latency {{by 30%}} in 2027"
          pass:
            - "Cut churn and support tickets and time to hire by 20%"
            - "Cut churn by 20% ok"
            - "Cut churn by twenty"
        """

    func testThePatternRulesGiveTheirExamplesAtTheirColumns() throws {
        let rules = RuleSet(rules: [try RuleLoader.load(yaml: Self.hedged, file: "kr-hedged.yml"),
                                    try RuleLoader.load(yaml: Self.phrase, file: "kr-phrase.yml")])
        let (problems, checked) = try RuleExampleTests.exampleProblems(rules: rules)
        XCTAssertEqual(checked, 15)
        XCTAssertEqual(problems, [])
    }

    func testMarksSkipsRepeatsAndAnchors() throws {
        let rule = try RuleLoader.load(yaml: Self.phrase, file: "kr-phrase.yml")
        let engine = Engine(ruleSet: RuleSet(rules: [rule]))
        XCTAssertEqual(engine.hit("kr-phrase", "Cut churn by 20%"), RuleHit(focus: 2..<4))
        XCTAssertEqual(engine.hit("kr-phrase", "Please cut churn by 20% in 2027"), RuleHit(focus: 3..<5))
        XCTAssertNil(engine.hit("kr-phrase", "Cut a b c d e by 20%"), "more than four tokens skipped")
        let start = try RuleLoader.load(yaml: Self.hedged, file: "kr-hedged.yml")
        let hedges = Engine(ruleSet: RuleSet(rules: [start]))
        XCTAssertEqual(hedges.hit("kr-hedged", "Try to raise NPS"), RuleHit(focus: 0..<2))
        XCTAssertNil(hedges.hit("kr-hedged", "We try to raise NPS"), "anchored at the start")
    }

    /// Word classes come from the lexicon; here the tokens carry them directly.
    func testClassesAndNegations() throws {
        let yaml = RuleLoaderTests.rule(kind: "pattern", "tokens:\n  - {class: verb, not_lemma: [raise], mark: true}\n  - {class: [noun, adjective], max: 3}")
        var kind = try XCTUnwrap(RuleLoader.load(yaml: yaml, file: "t.yml").kind as? PatternRule)
        var table = WordTable()
        kind.link(&table)
        func line(_ words: [(String, WordClass)]) -> RuleLine {
            var column = 1
            let tokens = words.map { word, classes in
                defer { column += word.count + 1 }
                return TaggedToken(text: Word(word), lemma: Word(word), classes: classes, tag: .word, column: column, length: word.count)
            }
            return RuleLine(text: words.map(\.0).joined(separator: " "), reading: KRReading(kind: .milestone, tokens: tokens), words: table)
        }
        let verb = WordClass.verb, noun = WordClass.noun
        XCTAssertEqual(kind.evaluate(line([("launch", [verb, noun]), ("pricing", noun), ("page", noun)])), RuleHit(focus: 0..<1))
        XCTAssertNil(kind.evaluate(line([("raise", verb), ("prices", noun)])), "not_lemma")
        XCTAssertNil(kind.evaluate(line([("launch", verb), ("quickly", .adverb)])), "no noun after the verb")
    }

    /// The engine tests words by id; the reference tests the strings. Both must agree.
    func testLinkedMatchingEqualsMatchingTheStrings() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "kr-corpus", withExtension: "tsv", subdirectory: "Corpus"))
        var texts = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").compactMap { $0.split(separator: "\t").last.map(String.init) }
        texts += ["", "42", "Try to", "Cut by 20%", "Größere Kundenzufriedenheit — 2027", "Launch* the ^ thing"]
        let yaml = RuleLoaderTests.rule(kind: "pattern", """
            tokens:
              - {lemma: [launch*, "*ate", cut, reduce, raise, grow], mark: true}
              - {not_text: [the, a], max: 2, min: 0}
              - {tag: [word, number, percent], not_lemma: [from, by]}
            """)
        var rule = try XCTUnwrap(RuleLoader.load(yaml: yaml, file: "t.yml").kind as? PatternRule)
        var words = WordTable()
        _ = words.intern("unrelated")
        rule.link(&words)
        var compared = 0, matched = 0
        for text in texts {
            let line = RuleLine(text: text, target: .kr, words: words)
            let linked = rule.pattern.firstMatch(in: line)
            XCTAssertEqual(linked, rule.pattern.firstMatchUnlinked(in: line.tokens), text)
            compared += 1
            if linked != nil { matched += 1 }
        }
        XCTAssertGreaterThan(compared, 200)
        XCTAssertGreaterThan(matched, 20)
    }
}
