import XCTest
@testable import OKRCore

/// A rule file that cannot work stops at load with its file, line, column and problem.
final class RuleLoaderTests: XCTestCase {
    /// A valid reading rule; `extra` lines go after line 5 (so they start at line 6).
    static func rule(kind: String = "reading", target: String = "kr", _ extra: String = "kinds: [milestone]",
                     examples: String = "examples: {flag: [\"{{Launch}} it\"], pass: [\"Raise NPS from 31 to 45\"]}") -> String {
        """
        id: test-rule
        kind: \(kind)
        target: \(target)
        severity: warning
        message: m
        \(extra)
        why: w
        ask: a
        \(examples)
        """
    }

    func error(_ yaml: String, file: String = "rules/test-rule.yml") -> RuleFileError? {
        do {
            _ = try RuleLoader.load(yaml: yaml, file: file)
            return nil
        } catch {
            return error
        }
    }

    func assertError(_ yaml: String, line: Int, column: Int? = nil, _ message: String, file: StaticString = #filePath, at: UInt = #line) {
        guard let error = error(yaml) else { return XCTFail("loaded without an error", file: file, line: at) }
        XCTAssertEqual(error.file, "rules/test-rule.yml", file: file, line: at)
        XCTAssertEqual(error.line, line, "\(error)", file: file, line: at)
        if let column { XCTAssertEqual(error.column, column, "\(error)", file: file, line: at) }
        XCTAssertTrue(error.problem.contains(message), "\(error)", file: file, line: at)
    }

    func testTheValidRuleLoads() throws {
        let rule = try RuleLoader.load(yaml: Self.rule(), file: "rules/test-rule.yml")
        XCTAssertEqual(rule.kindName, "reading")
        XCTAssertEqual(rule.examples.flag.first?.text, "Launch it")
        XCTAssertEqual(rule.examples.flag.first?.mark, SourceLocation(line: 1, column: 1))
    }

    func testEveryBuiltInRuleLoadsAndEveryKindHasItsOwnKeys() throws {
        let rules = try RuleSet.builtIn()
        XCTAssertEqual(Set(rules.rules.map(\.kindName)), ["reading", "duplicate", "count", "timeframe"])
        XCTAssertEqual(Set(RuleKinds.names).count, RuleKinds.all.count)
        for kind in RuleKinds.all {
            XCTAssertTrue(Set(kind.keys).isDisjoint(with: RuleLoader.commonKeys), kind.name)
            XCTAssertEqual(RuleKinds.named(kind.name).map { $0.name }, kind.name)
        }
    }

    func testAKeyOfAnotherKindIsAnErrorNamingItsKind() {
        assertError(Self.rule("kinds: [milestone]\nmax: 5"), line: 7, column: 1,
                    "'max' belongs to a count rule, not to a reading rule; a reading rule takes: kinds, joins_outcomes")
        assertError(Self.rule(kind: "count", target: "objective", "max: 5\ntokens: [{lemma: [x]}]"), line: 7, column: 1,
                    "'tokens' belongs to a pattern rule, not to a count rule")
        assertError(Self.rule(kind: "timeframe", target: "objective", "by: [metric]"), line: 6, column: 1,
                    "'by' belongs to a duplicate rule, not to a timeframe rule; a timeframe rule takes: no keys of its own")
    }

    func testAnUnknownKeyIsAnErrorWithTheClosestKey() {
        assertError(Self.rule("kinds: [milestone]\nmesage: x"), line: 7, column: 1, "unknown key 'mesage' in a reading rule (did you mean 'message'?)")
    }

    func testAnUnknownKindIsAnError() {
        assertError(Self.rule(kind: "patern"), line: 2, column: 7, "unknown kind 'patern' (did you mean 'pattern'?); expected one of: reading, pattern, duplicate, count, timeframe")
        assertError(Self.rule(kind: "existence"), line: 2, column: 7, "unknown kind 'existence'")
    }

    func testAKindRefusesATargetItCannotLookAt() {
        assertError(Self.rule(kind: "duplicate", target: "objective", "by: [metric]"), line: 3, column: 9, "a duplicate rule targets 'kr'")
        assertError(Self.rule(kind: "count", target: "kr", "max: 5"), line: 3, column: 9, "a count rule targets 'objective' or 'set'")
    }

    func testAnUnknownReadingValueIsAnError() {
        assertError(Self.rule("kinds: [milstone]"), line: 6, column: 9,
                    "unknown value 'milstone' in 'kinds' of a key result (did you mean 'milestone'?); expected one of: change, level, milestone, activity, routine, unmeasurable")
        assertError(Self.rule(target: "objective", "kinds: [milestone]"), line: 6, column: 9,
                    "unknown value 'milestone' in 'kinds' of an objective; expected one of: direction, deliverable, number")
        assertError(Self.rule(target: "objective", "kinds: [number]\nhas_target: true"), line: 7, column: 13,
                    "'has_target' is part of a key result's reading; an objective's reading has only 'kinds'")
        assertError(Self.rule("comparator: [at-most]"), line: 6, column: 14, "unknown value 'at-most' in 'comparator'")
        assertError(Self.rule("has_target: maybe"), line: 6, column: 13, "'has_target' must be true or false")
        assertError(Self.rule("point_at: [{lemma: [and]}]"), line: 2, column: 7, "a reading rule needs 'kinds' or a condition on the reading")
    }

    func testABadPatternIsAnErrorAtItsLine() {
        let pattern = { (tokens: String) in Self.rule(kind: "pattern", "tokens:\n" + tokens) }
        assertError(pattern("  - lema: [launch]"), line: 7, column: 5, "unknown key 'lema' in a token of 'tokens' (did you mean 'lemma'?)")
        assertError(pattern("  - lemma: []"), line: 7, column: 12, "'lemma' is an empty list")
        assertError(pattern("  - tag: [numbr]"), line: 7, column: 11, "unknown value 'numbr' in 'tag' (did you mean 'number'?)")
        assertError(pattern("  - class: verbb"), line: 7, column: 12, "unknown value 'verbb' in 'class' (did you mean 'verb'?)")
        assertError(pattern("  - lemma: [launch]\n  - {min: 0}"), line: 8, column: 5, "a token needs a condition")
        assertError(pattern("  - {lemma: [a], min: 0}"), line: 7, column: 3, "every token of 'tokens' is optional")
        assertError(pattern("  - {lemma: [a], mark: true}\n  - {lemma: [b]}\n  - {lemma: [c], mark: true}"), line: 9, column: 5,
                    "the marked tokens of 'tokens' must stand next to each other")
        assertError(pattern("  - {skip: 2, lemma: [a]}"), line: 7, column: 5, "'skip' stands alone in its token")
        assertError(pattern("  - {lemma: [\"*\"]}"), line: 7, column: 13, "'*' in 'lemma' is not a word")
        assertError(pattern("  - {lemma: [a], min: 2, max: 1}"), line: 7, column: 31, "'max' must be at least 1 and at least 'min'")
        assertError(Self.rule(kind: "pattern", "tokens: []"), line: 6, column: 9, "'tokens' is an empty list")
        assertError(Self.rule(kind: "pattern", "at: start"), line: 1, column: 1, "a pattern rule needs 'tokens'")
        assertError(Self.rule(kind: "pattern", "tokens: [{lemma: [a]}]\nat: middle"), line: 7, column: 5, "unknown value 'middle' in 'at'")
        assertError(Self.rule(kind: "pattern", "tokens: [{lemma: [a]}]\nunless: [[{lemma: []}]]"), line: 7, column: 19,
                    "'lemma' is an empty list")
    }

    func testAnUnknownOfferIsAnError() {
        assertError(Self.rule("kinds: [milestone]\noffers: [rephrase, kpi]"), line: 7, column: 20,
                    "unknown value 'kpi' in 'offers'; expected one of: rephrase, keep, keep-as-kpi, use-suggestion")
        assertError(Self.rule("kinds: [milestone]\noffers: [use-suggestion]"), line: 7, column: 9,
                    "'use-suggestion' is offered but the rule has no 'suggest' template")
    }

    func testABadSuggestTemplateIsAnError() {
        assertError(Self.rule("kinds: [milestone]\nsuggest: \"Raise {metrc} from __ to __\""), line: 7, column: 10,
                    "unknown slot '{metrc}' in the 'suggest' template (did you mean '{metric}'?)")
        assertError(Self.rule("kinds: [milestone]\nsuggest: \"Raise {metric from __\""), line: 7, column: 10, "a '{' or '}' without its pair")
        assertError(Self.rule("kinds: [milestone]\nsuggest: [{when: {kinds: [milstone]}, text: x}]"), line: 7, column: 27,
                    "unknown value 'milstone' in 'kinds' of a key result")
        assertError(Self.rule("kinds: [milestone]\nsuggest: [{text: x, if: y}]"), line: 7, column: 21, "unknown key 'if' in an alternative of 'suggest'")
    }

    func testExamplesMarkTheWordsTheirFindingPointsAt() {
        assertError(Self.rule(examples: "examples: {flag: [\"Launch it\"], pass: [\"Raise NPS from 31 to 45\"]}"), line: 9, column: 19,
                    "a 'flag' example marks the words its finding points at")
        assertError(Self.rule(examples: "examples: {flag: [\"{{Launch}} it\"], pass: [\"Raise {{NPS}}\"]}"), line: 9, column: 44,
                    "a 'pass' example gives no finding, so it marks no words")
        assertError(Self.rule(examples: "examples: {flag: [\"{{Launch}} {{it}}\"], pass: [x]}"), line: 9, column: 19,
                    "one '{{' and '}}' pair")
        assertError(Self.rule(examples: "examples: {flag: [{txt: x}], pass: [x]}"), line: 9, column: 20, "unknown key 'txt' in an example (did you mean 'text'?)")
    }

    func testMarksAreFoundInDocumentsToo() throws {
        let parsed = try XCTUnwrap(RuleExample.parse("# T\n## Objective: {{Make it}}\n- x"))
        XCTAssertEqual(parsed.text, "# T\n## Objective: Make it\n- x")
        XCTAssertEqual(parsed.mark, SourceLocation(line: 2, column: 15))
        XCTAssertEqual(parsed.length, 7)
        XCTAssertNil(RuleExample.parse("a }} b"))
        XCTAssertNil(RuleExample.parse("a {{b"))
        XCTAssertNil(RuleExample.parse("{{}} b"))
    }
}
