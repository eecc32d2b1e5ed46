import XCTest
@testable import OKRCore

/// Real pages dress a key result: labels, outline numbers, owners, grades, ticks, links, markdown.
/// The dress says nothing of the line, so it must not change what the rules find on it: every
/// line of the textbook corpus, dressed each way, gets the findings it gets plain.
final class DressedLineTests: XCTestCase {
    static let dresses: [(String, @Sendable (String) -> String)] = [
        ("backticks", { "`\($0)`" }), ("bold", { "**\($0)**" }), ("tick", { "\($0) ✅" }),
        ("actual", { "\($0) (Actual: 71)" }), ("owner-at", { "\($0) (@ana)" }), ("owner-dash", { "\($0) - Ana" }),
        ("issue", { "\($0) (#207)" }), ("kr-label", { "KR 2: \($0)" }), ("team-label", { "KR 2: Sales: \($0)" }),
        ("outline", { "2.3 \($0)" }), ("checkbox", { "[x] \($0)" }), ("priority", { "[P1] \($0)" }),
        ("link", { "\($0) ([doc](https://example.org/doc))" }), ("status", { "\($0) — on track" }),
    ]

    func testDressChangesNoFinding() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "kr-corpus", withExtension: "tsv", subdirectory: "Corpus"))
        let engine = Engine(ruleSet: try RuleSet.builtIn())
        var changed: [String] = []
        var checked = 0
        for row in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            let text = String(row.split(separator: "\t", maxSplits: 1)[1])
            let plain = Set(engine.check(keyResult: KeyResult(text: text)).map(\.rule))
            for (name, dress) in Self.dresses {
                checked += 1
                let dressed = Set(engine.check(keyResult: KeyResult(text: dress(text))).map(\.rule))
                if dressed != plain { changed.append("\(name): \(dress(text)) -> \(dressed.sorted()) (plain \(plain.sorted()))") }
            }
        }
        XCTAssertGreaterThan(checked, 5000)
        XCTAssertEqual(changed, [], "\(changed.count) dressed lines changed their findings")
    }
}
