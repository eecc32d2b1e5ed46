import XCTest
@testable import OKRCore

/// A development probe (run with OKR_PROBE=1): prints how the analyser reads every tune line of
/// the real corpus next to its label, into /tmp/okr-probe.txt or the file OKR_PROBE_OUT names.
/// Never reads the held-out split.
final class AnalyserCorpusProbe: XCTestCase {
    func testProbe() throws {
        guard ProcessInfo.processInfo.environment["OKR_PROBE"] == "1" else { throw XCTSkip("set OKR_PROBE=1") }
        let expected = ["good": "change", "task": "milestone", "output": "activity", "kpi": "level", "vague": "unmeasurable"]
        var out = ""
        var right = 0, total = 0
        // OKR_PROBE_ALL=1 lists every tune line, not only the mismatches.
        let all = ProcessInfo.processInfo.environment["OKR_PROBE_ALL"] == "1"
        for line in try RealCorpus.load("real-krs") where line.split == "tune" {
            let r = Analyser.read(keyResult: line.text)
            var kind = r.kind.rawValue
            if kind == "routine" { kind = "level" }
            total += 1
            if expected[line.label] == kind { right += 1 }
            if expected[line.label] != kind || all {
                out += "\(line.label)\t\(kind)\t\(line.text)\t[\(r.evidence)]\t\(line.file.dropFirst(9).prefix(1))\n"
            }
        }
        var objectives = ""
        for line in try RealCorpus.load("real-objectives") where line.split == "tune" {
            let r = Analyser.read(objective: line.text)
            let want = ["good": "direction", "task": "deliverable", "metric": "number"][line.label]
            if want != r.kind.rawValue { objectives += "\(line.label)\t\(r.kind.rawValue)\t\(line.text)\t[\(r.evidence)]\n" }
        }
        try (out + "\n# objectives\n" + objectives).write(toFile: ProcessInfo.processInfo.environment["OKR_PROBE_OUT"] ?? "/tmp/okr-probe.txt", atomically: true, encoding: .utf8)
        print("probe: \(right)/\(total) key results read as labelled")
    }
}

/// `OKR_READ='line|line' swift test --filter ReadingProbe` prints how the analyser reads lines.
final class ReadingProbe: XCTestCase {
    func testRead() throws {
        guard let lines = ProcessInfo.processInfo.environment["OKR_READ"] else { throw XCTSkip("set OKR_READ") }
        for line in lines.split(separator: "|").map(String.init) {
            let r = Analyser.read(keyResult: line)
            let o = Analyser.read(objective: line)
            print("READ \(line)\n  kr: \(r.kind) focus \(r.focus) col \(r.focusColumn) [\(r.evidence)] metric=\(r.metric ?? "-") key=\(r.metricKey ?? "-") base=\(r.baseline?.text ?? "-") target=\(r.target?.text ?? "-") change=\(r.change?.text ?? "-") dir=\(r.direction.map { "\($0)" } ?? "-") deadline=\(r.deadline ?? "-") cadence=\(r.cadence ?? "-") joins=\(r.joinsOutcomes)\n  objective: \(o.kind) [\(o.evidence)]")
            print("  tokens: " + r.tokens.map { "\($0.text)/\($0.tag.rawValue)\($0.classes.rawValue)\($0.verbForm.map { "\($0)" } ?? "")\($0.verbFirst ? "V" : "")" }.joined(separator: " "))
        }
    }
}

/// A development probe (run with OKR_PROBE=1): lists every tune line of the real corpus whose
/// judging findings disagree with its label (a miss or a false alarm), with the rules that fired,
/// into /tmp/okr-rule-misses.txt. Never reads the held-out split.
final class RuleMissProbe: XCTestCase {
    func testMisses() throws {
        guard ProcessInfo.processInfo.environment["OKR_PROBE"] == "1" else { throw XCTSkip("set OKR_PROBE=1") }
        let engine = Engine(ruleSet: try RuleSet.builtIn())
        var out = ""
        let judged = Set(RealCorpusTests.krRuleForLabel.values)
        for line in try RealCorpus.load("real-krs") where line.split == "tune" {
            let found = Set(engine.check(keyResult: KeyResult(text: line.text)).map(\.rule)).intersection(judged)
            let want = RealCorpusTests.krRuleForLabel[line.label].map { Set([$0]) } ?? []
            if found != want {
                let kind = Analyser.read(keyResult: line.text).kind.rawValue
                out += "\(line.file.dropFirst(9).prefix(1))\t\(line.label)\t\(found.sorted().joined(separator: ","))\t\(kind)\t\(line.text)\n"
            }
        }
        let set = OKRSet(title: "t")
        let objectiveRules = Set(RealCorpusTests.objectiveRuleForLabel.values)
        out += "\n# objectives\n"
        for line in try RealCorpus.load("real-objectives") where line.split == "tune" {
            let found = Set(engine.check(objective: Objective(title: line.text), in: set).map(\.rule)).intersection(objectiveRules)
            let want = RealCorpusTests.objectiveRuleForLabel[line.label].map { Set([$0]) } ?? []
            if found != want { out += "\(line.file.dropFirst(16).prefix(1))\t\(line.label)\t\(found.sorted().joined(separator: ","))\t\(line.text)\n" }
        }
        try out.write(toFile: "/tmp/okr-rule-misses.txt", atomically: true, encoding: .utf8)
    }
}

/// A development probe (OKR_PROBE=1): how often the findings on a tune line change when the line
/// is dressed as real pages dress it (markdown, owners, grades, ticks), into /tmp/okr-dress.txt.
final class DressProbe: XCTestCase {
    func testDress() throws {
        guard ProcessInfo.processInfo.environment["OKR_PROBE"] == "1" else { throw XCTSkip("set OKR_PROBE=1") }
        let engine = Engine(ruleSet: try RuleSet.builtIn())
        let dresses: [(String, (String) -> String)] = [
            ("backticks", { "`\($0)`" }), ("bold", { "**\($0)**" }), ("tick", { "\($0) ✅" }),
            ("actual", { "\($0) (Actual: 71)" }), ("owner-at", { "\($0) (@ana)" }), ("owner-dash", { "\($0) - Ana" }),
            ("initials", { "\($0) (ak)" }), ("issue", { "\($0) (#207)" }), ("grade", { "\($0) => 80%" }),
            ("done", { "\($0) (DONE)" }), ("kr-label", { "KR 2: \($0)" }), ("outline", { "2.3 \($0)" }),
            ("checkbox", { "[x] \($0)" }), ("priority", { "[P1] \($0)" }), ("period", { "\($0)." }),
            ("link", { "\($0) ([doc](https://example.org/doc))" }), ("strike-note", { "\($0) — on track" }),
        ]
        var out = ""
        var changed: [String: Int] = [:]
        var total = 0
        let judged: Set<String> = ["kr-is-task", "kr-is-output", "kr-is-kpi", "kr-not-measurable"]
        for line in try RealCorpus.load("real-krs") where line.split == "tune" {
            let plain = Set(engine.check(keyResult: KeyResult(text: line.text)).map(\.rule)).intersection(judged)
            total += 1
            for (name, dress) in dresses {
                let dressed = Set(engine.check(keyResult: KeyResult(text: dress(line.text))).map(\.rule)).intersection(judged)
                if dressed != plain {
                    changed[name, default: 0] += 1
                    out += "\(name)\t\(line.label)\t\(plain.sorted())\t\(dressed.sorted())\t\(dress(line.text))\n"
                }
            }
        }
        let set = OKRSet(title: "t")
        let objectiveRules: Set<String> = ["objective-is-task", "objective-is-metric"]
        let objectiveDresses = dresses.filter { ["backticks", "bold", "tick", "owner-at", "owner-dash", "initials", "issue", "outline", "period", "link"].contains($0.0) }
            + [("o-label", { "O1: \($0)" }), ("objective-label", { "Objective 2 - \($0)" }), ("o-dot", { "O3. \($0)" })]
        for line in try RealCorpus.load("real-objectives") where line.split == "tune" {
            let plain = Set(engine.check(objective: Objective(title: line.text), in: set).map(\.rule)).intersection(objectiveRules)
            for (name, dress) in objectiveDresses {
                let dressed = Set(engine.check(objective: Objective(title: dress(line.text)), in: set).map(\.rule)).intersection(objectiveRules)
                if dressed != plain {
                    changed["objective " + name, default: 0] += 1
                    out += "objective \(name)\t\(line.label)\t\(plain.sorted())\t\(dressed.sorted())\t\(dress(line.text))\n"
                }
            }
        }
        out = changed.sorted { $0.key < $1.key }.map { "# \($0.key): \($0.value) of \(total)" }.joined(separator: "\n") + "\n" + out
        try out.write(toFile: "/tmp/okr-dress.txt", atomically: true, encoding: .utf8)
    }
}
