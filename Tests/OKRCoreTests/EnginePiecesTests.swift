import XCTest
@testable import OKRCore

/// A big set is checked in pieces of whole objectives that may run at once: the findings must be
/// the ones a single pass gives, in the same order, whatever order the pieces finish in.
final class EnginePiecesTests: XCTestCase {
    func testPiecesCoverEveryObjectiveOnceInOrder() {
        let objectives = (0..<50).map { n in
            Objective(title: "Objective \(n)", keyResults: (0..<(n % 7)).map { KeyResult(text: "Raise NPS for team \($0) from 10 to 20") })
        }
        for size in [1, 5, 16, 100, 10_000] {
            let pieces = Engine.pieces(objectives, size: size)
            XCTAssertEqual(pieces.first?.lowerBound, 0)
            XCTAssertEqual(pieces.last?.upperBound, objectives.count)
            for (a, b) in zip(pieces, pieces.dropFirst()) { XCTAssertEqual(a.upperBound, b.lowerBound, "size \(size)") }
            // Every piece but the last holds at least `size` lines (an objective and its key results).
            for piece in pieces.dropLast() {
                XCTAssertGreaterThanOrEqual(objectives[piece].reduce(0) { $0 + $1.keyResults.count + 1 }, size)
            }
        }
        XCTAssertEqual(Engine.pieces([], size: 10), [0..<0])
    }

    func testAboutTwoPiecesAThreadAndOneForOneJob() {
        // 4,000 objectives of 4 key results: 20,000 lines.
        let objectives = (0..<4_000).map { n in Objective(title: "Objective \(n)", keyResults: (0..<4).map { _ in KeyResult(text: "Raise NPS") }) }
        XCTAssertEqual(Engine.pieces(objectives, jobs: 1), [0..<4_000])
        XCTAssertEqual(Engine.pieces(objectives, jobs: 2).count, 4)
        XCTAssertEqual(Engine.pieces(objectives, jobs: 4).count, 8)
        // Never smaller than the least worth a thread: 20,000 lines make 10 pieces (of 410
        // objectives, the last smaller), not 64.
        XCTAssertEqual(Engine.minimumLinesPerPiece, 2_048)
        XCTAssertEqual(Engine.pieces(objectives, jobs: 32).count, 10)
        XCTAssertEqual(Engine.pieces(Array(objectives.prefix(10)), jobs: 2), [0..<10])
    }

    func testPiecesRunOutOfOrderGiveTheSameFindings() throws {
        var text = "# Pieces — Q3 2026\n"
        let lines = ["Cut failed deploys for group {n} from 11 to 1", "Maintain backlog at 55%", "Launch the new dashboard {n}",
                     "Make 100 sales calls a week", "Cut failed deploys for group {n} from 11 to 1", "Improve time to hire"]
        for o in 0..<1_000 {
            text += "## Objective: Make area \(o) something people rely on\n"
            for k in 0..<(o % 6 + 1) { text += "- " + lines[(o + k) % lines.count].replacingOccurrences(of: "{n}", with: "\(o)") + "\n" }
        }
        let set = try DocumentReader.read(text, file: "pieces.md", format: .markdown, reference: CalendarDay(year: 2026, month: 11, day: 23))
        let engine = Engine(ruleSet: try RuleSet.builtIn())
        let whole = engine.check(set)
        var ran = 0
        let inPieces = engine.check(set) { count, piece in
            ran = count
            // Last piece first, as threads may finish.
            var results = Array(repeating: [Finding](), count: count)
            for index in (0..<count).reversed() { results[index] = piece(index) }
            return results
        }
        XCTAssertGreaterThan(ran, 1, "the set is big enough to be split")
        XCTAssertFalse(whole.isEmpty)
        XCTAssertEqual(inPieces, whole)
        // One job: the runner is not asked.
        ran = 0
        let oneJob = engine.check(set, jobs: 1) { count, piece in
            ran = count
            return (0..<count).map(piece)
        }
        XCTAssertEqual(ran, 0)
        XCTAssertEqual(oneJob, whole)
    }
}
