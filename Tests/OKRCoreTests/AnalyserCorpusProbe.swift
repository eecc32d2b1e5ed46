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
