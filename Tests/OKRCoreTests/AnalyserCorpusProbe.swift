import XCTest
@testable import OKRCore

/// A development probe (run with OKR_PROBE=1): prints how the analyser reads every tune line of
/// the real corpus next to its label. Never reads the held-out split.
final class AnalyserCorpusProbe: XCTestCase {
    func testProbe() throws {
        guard ProcessInfo.processInfo.environment["OKR_PROBE"] == "1" else { throw XCTSkip("set OKR_PROBE=1") }
        let expected = ["good": "change", "task": "milestone", "output": "activity", "kpi": "level", "vague": "unmeasurable"]
        var out = ""
        var right = 0, total = 0
        for line in try RealCorpus.load("real-krs") where line.split == "tune" {
            let r = Analyser.read(keyResult: line.text)
            var kind = r.kind.rawValue
            if kind == "routine" { kind = "level" }
            total += 1
            if expected[line.label] == kind { right += 1 } else {
                out += "\(line.label)\t\(kind)\t\(line.text)\t[\(r.evidence)]\n"
            }
        }
        var objectives = ""
        for line in try RealCorpus.load("real-objectives") where line.split == "tune" {
            let r = Analyser.read(objective: line.text)
            let want = ["good": "direction", "task": "deliverable", "metric": "number"][line.label]
            if want != r.kind.rawValue { objectives += "\(line.label)\t\(r.kind.rawValue)\t\(line.text)\t[\(r.evidence)]\n" }
        }
        try (out + "\n# objectives\n" + objectives).write(toFile: "/tmp/okr-probe.txt", atomically: true, encoding: .utf8)
        print("probe: \(right)/\(total) key results read as labelled")
    }
}
