import Foundation
import XCTest
@testable import OKRCore

/// The byte-level Markdown reader: line ends of every kind, NUL, and the same sets, positions
/// and errors as the reader it replaced.
final class MarkdownReaderTests: XCTestCase {
    let reference = CalendarDay(year: 2026, month: 7, day: 1)

    func read(_ text: String) -> Result<OKRSet, DocumentError> {
        Result { () throws(DocumentError) in try MarkdownReader(file: "okrs.md", reference: reference).read(text) }
    }

    func readReference(_ text: String) -> Result<OKRSet, DocumentError> {
        Result { () throws(DocumentError) in try ReferenceMarkdownReader(file: "okrs.md", reference: reference).read(text) }
    }

    func error(_ text: String) -> DocumentError? {
        if case .failure(let error) = read(text) { return error }
        return nil
    }

    static let lf = DocumentReaderTests.markdown + "\n"

    func testCRLFReadsExactlyLikeLF() throws {
        let expected = try read(Self.lf).get()
        XCTAssertEqual(expected.objectives.count, 2)
        let crlf = Self.lf.replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertEqual(try read(crlf).get(), expected)
    }

    func testALoneCREndsALineToo() throws {
        let cr = Self.lf.replacingOccurrences(of: "\n", with: "\r")
        XCTAssertEqual(try read(cr).get(), try read(Self.lf).get())
    }

    func testMixedLineEndsKeepTrueLineNumbers() throws {
        let lines = Self.lf.split(separator: "\n", omittingEmptySubsequences: false)
        let ends = ["\r\n", "\n", "\r"]
        var mixed = ""
        for (i, line) in lines.enumerated() {
            mixed += line
            if i < lines.count - 1 { mixed += ends[i % 3] }
        }
        let set = try read(mixed).get()
        XCTAssertEqual(set, try read(Self.lf).get())
        XCTAssertEqual(set.objectives[1].keyResults.map(\.location?.line), [16, 17])
    }

    /// One CRLF line used to swallow the next: its findings vanished and later lines shifted.
    func testACRLFLineDoesNotSwallowTheNext() throws {
        let text = "# Ops — Q3 2026\r\n## Objective: Calm on-call\r\n- Launch the pager rota\r\n- Cut pages per week from 30 to 10\n"
        let set = try read(text).get()
        XCTAssertEqual(set.objectives.first?.keyResults.map(\.text), ["Launch the pager rota", "Cut pages per week from 30 to 10"])
        XCTAssertEqual(set.objectives.first?.keyResults.map(\.location), [SourceLocation(line: 3, column: 3), SourceLocation(line: 4, column: 3)])
        let stray = error("# T — Q3 2026\r\n## Objective: O\r\n- Raise NPS from 31 to 45\r\nsome stray paragraph\r\n- Cut x from 3 to 4\r\n")
        XCTAssertEqual(stray?.line, 4)
        XCTAssertTrue(stray?.problem.hasPrefix("unexpected text") == true, stray?.problem ?? "")
        XCTAssertEqual(error("# T\r\nOwner:\r\n## O\r\n- x\r\n")?.line, 2)
    }

    func testAByteOrderMarkIsNotText() throws {
        let set = try read("\u{FEFF}" + Self.lf).get()
        XCTAssertEqual(set, try read(Self.lf).get())
    }

    func testNULIsAnErrorNamingLineAndColumn() {
        let ascii = error("# T\n## O\n- Cut a\u{0}b from 3 to 4\n")
        XCTAssertEqual(ascii?.line, 3)
        XCTAssertEqual(ascii?.column, 8)
        XCTAssertTrue(ascii?.problem.contains("NUL") == true, ascii?.problem ?? "")
        XCTAssertEqual(ascii?.description.hasPrefix("okrs.md:3:8: error: a NUL character"), true, ascii?.description ?? "")
        XCTAssertEqual(error("# T\n## O\n- Größe\u{0}\n")?.column, 8, "columns count characters, not bytes")
        XCTAssertEqual(error("# T\r\n\r\n\u{0}")?.line, 3)
        XCTAssertEqual(error("<!-- a comment with \u{0} in it -->\n# T\n## O\n- x\n")?.line, 1)
    }

    func testAnUnclosedCommentIsAnErrorAtItsStart() {
        let open = error("# T — Q3 2026\n## O\n- Cut x from 3 to 4\n\n<!-- notes\n- Cut y from 3 to 4\n")
        XCTAssertEqual(open?.line, 5)
        XCTAssertTrue(open?.problem.contains("never closed") == true, open?.problem ?? "")
    }

    func testErrorsNeverPointPastTheEndOfTheFile() {
        let documents = ["", "\n", "\r\n\r\n", "# Just a title\r\n", "Owner: Dana", "# T\n## O\n- x\nstray", "# T\n<!-- open\n",
                         "# T\r\r\r", "# T\n## O\nTimeframe: Q5 2027\r\n", "\u{0}", "# T\n##"]
        for text in documents {
            guard let error = error(text) else {
                XCTFail("no error for \(text.debugDescription)")
                continue
            }
            var lines = 0
            text.utf8.withContiguousStorageIfAvailable { bytes in lines = Array(SourceLines(bytes)).count }
            XCTAssertLessThanOrEqual(error.line, max(lines, 1), text.debugDescription)
            XCTAssertGreaterThanOrEqual(error.line, 1)
        }
    }

    func testLinesSplitOnEveryKindOfEnd() {
        func lines(_ text: String) -> [String] {
            var text = text
            return text.withUTF8 { bytes in SourceLines(bytes).map { TextBytes.string(bytes, $0.start, $0.end) } }
        }
        XCTAssertEqual(lines("a\nb\r\nc\rd"), ["a", "b", "c", "d"])
        XCTAssertEqual(lines("a\n\nb\r\n\r\nc\r\rd\n"), ["a", "", "b", "", "c", "", "d"])
        XCTAssertEqual(lines("\r\n"), [""])
        XCTAssertEqual(lines("\n\r"), ["", ""])
        XCTAssertEqual(lines(""), [])
    }

    // MARK: - The same answers as the reader it replaced

    /// Labels are matched by hand now; the regular expressions they replace must agree.
    func testLabelsMatchTheRegularExpressionsTheyReplace() throws {
        let pieces = ["O", "o", "Objective", "OBJECTIVE", "Obj", "KR", "kr", "Kr", "Key result", "KEY RESULT", "Key  result", "KPI", "kpi",
                      " ", "  ", "\t", "\u{A0}", "\u{3000}", "\u{2028}", "1", "23", ":", ".", ")", "-", "(", "x", "é", "_", "\u{C}"]
        var state: UInt64 = 99
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let patterns: [(String, (UnsafeBufferPointer<UInt8>, Int, Int) -> MarkdownReader.Label?)] = [
            (ReferenceMarkdownReader.objectivePrefix, MarkdownReader.objectiveLabel),
            (ReferenceMarkdownReader.keyResultPrefix, MarkdownReader.keyResultLabel),
            ("^KPI\\s*:\\s*", MarkdownReader.kpiLabel),
        ]
        for _ in 0..<4000 {
            var text = (0..<(1 + next(5))).map { _ in pieces[next(pieces.count)] }.joined() + "Rest"
            for (pattern, label) in patterns {
                let expected = text.range(of: pattern, options: [.regularExpression, .caseInsensitive]).map { text.distance(from: text.startIndex, to: $0.upperBound) }
                let got = text.withUTF8 { bytes in label(bytes, 0, bytes.count)?.characters }
                XCTAssertEqual(got, expected, "\(pattern) on \(text.debugDescription)")
            }
        }
    }

    /// Documents of every kind of line, good and bad, LF-ended: the new reader gives the same
    /// set, positions and errors as the old one (but for the unclosed comment it now refuses).
    func testSameAnswersAsTheOldReaderOnGeneratedDocuments() {
        let lines = [
            "# Platform team OKRs — Q3 2026", "#  Spaced   title  ", "# T (H2 2026)", "# Sales Q5 2027", "#", "##", "##   ", "###", "#Owner: x",
            "## Objective: Make deploys boring", "## O2: Give every team a paved road", "## objective 3 - Calm on-call", "##  Objective: x",
            "## Make area 1234 something — FY2027", "## Ship by end of Q4", "## O: x", "## Objective:", "## Größer werden\u{A0}",
            "### Key results", "### KPIs", "### Risks", "###   health metrics  ",
            "- Cut median deploy time from 40 to 10 minutes", "* KR1: Reduce failed deploys from 8% to 2%", "+ Key result 2) Grow x",
            "1. Grow services from 14 to 40", "  2) Key result 2: Cut time from 5 days to 1 day", "1234. Not an item", "12.No space",
            "- KR:", "-  KR1: spaced", "- kr 3 . lower", "-", "- ", "\t- Tabbed item", "- Maintain 99.9% uptime\u{3000}",
            "- KPI: Uptime: at least 99.9% as reported by Grafana, measured every week", "- kpi :Uptime: 99.9%, measured every week",
            "- KPI: Cost: under $3 as reported by Finance, measured every month", "- KPIs are not KPI lines",
            "Owner: Dana", "Team: Platform", "Timeframe: H2 2026", "Cycle: Q3", "Timeframe: Q5 2027", "Parent: eng-q3 / Ship it",
            "Owner:", "Budget: 3", "A long key with spaces: value", "Short key: v", "Größe: x", "Foo:bar", "Just a stray paragraph here",
            "<!-- one-line comment -->", "<!-- opens", "still in the comment", "closes -->", "", "   ", "\t",
        ]
        var state: UInt64 = 2026
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var compared = 0, unclosed = 0
        for _ in 0..<3000 {
            var doc = (0..<next(4)).map { _ in lines[next(lines.count)] }
            doc.insert("# Doc — Q3 2026", at: next(2) == 0 ? 0 : doc.count)
            for _ in 0..<(1 + next(3)) {
                doc.append(["## Objective: Calm on-call", "## O1: x"][next(2)])
                doc += (0..<next(6)).map { _ in lines[next(lines.count)] }
            }
            let text = doc.joined(separator: "\n") + (next(2) == 0 ? "\n" : "")
            let new = read(text)
            if case .failure(let error) = new, error.problem.contains("never closed") {
                unclosed += 1
                continue
            }
            XCTAssertEqual(new, readReference(text), text)
            compared += 1
        }
        XCTAssertGreaterThan(compared, 2000)
        XCTAssertGreaterThan(unclosed, 10)
    }
}
