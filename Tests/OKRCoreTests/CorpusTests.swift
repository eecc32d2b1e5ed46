import XCTest
@testable import OKRCore

/// Measures the key-result rules against a labelled corpus of lines written for this project,
/// and fails when precision or recall drops below the floors measured when the rules were written.
final class CorpusTests: XCTestCase {
    // Lines that count activity were labelled task until kr-is-output existed; they are labelled output now.
    static let ruleForLabel = ["task": "kr-is-task", "output": "kr-is-output", "kpi": "kr-is-kpi", "unmeasurable": "kr-not-measurable",
                               "nobaseline": "kr-missing-baseline"]
    static let precisionFloor = 0.95
    static let recallFloor: [String: Double] = ["kr-is-output": 0.8, "kr-is-task": 0.9, "kr-is-kpi": 0.85, "kr-not-measurable": 0.9, "kr-missing-baseline": 0.9]

    func testPrecisionAndRecallPerRule() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "kr-corpus", withExtension: "tsv", subdirectory: "Corpus"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        XCTAssertGreaterThanOrEqual(lines.count, 200)
        let engine = Engine(ruleSet: try RuleSet.builtIn())
        var truePositives: [String: Int] = [:], falsePositives: [String: Int] = [:], falseNegatives: [String: Int] = [:]
        var goodFlagged: [String] = []
        for line in lines {
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            XCTAssertEqual(parts.count, 2, "malformed corpus line: \(line)")
            let (label, text) = (parts[0], parts[1])
            let expected = Self.ruleForLabel[label]
            XCTAssertTrue(expected != nil || label == "good", "unknown label \(label)")
            let found = Set(engine.check(keyResult: KeyResult(text: text)).map(\.rule))
            if label == "good", !found.isEmpty { goodFlagged.append("\(text) -> \(found.sorted())") }
            for rule in Self.ruleForLabel.values {
                switch (found.contains(rule), rule == expected) {
                case (true, true): truePositives[rule, default: 0] += 1
                case (true, false): falsePositives[rule, default: 0] += 1; print("false positive \(rule): \(text)")
                case (false, true): falseNegatives[rule, default: 0] += 1; print("missed \(rule): \(text)")
                case (false, false): break
                }
            }
        }
        for rule in Self.ruleForLabel.values.sorted() {
            let tp = Double(truePositives[rule, default: 0])
            let precision = tp / max(1, tp + Double(falsePositives[rule, default: 0]))
            let recall = tp / max(1, tp + Double(falseNegatives[rule, default: 0]))
            print(String(format: "corpus %@: precision %.3f recall %.3f (tp %d fp %d fn %d)", rule, precision, recall,
                         Int(tp), falsePositives[rule, default: 0], falseNegatives[rule, default: 0]))
            XCTAssertGreaterThanOrEqual(precision, Self.precisionFloor, "precision of \(rule)")
            XCTAssertGreaterThanOrEqual(recall, Self.recallFloor[rule] ?? 1, "recall of \(rule)")
        }
        XCTAssertEqual(goodFlagged, [], "good key results must raise nothing")
    }
}
