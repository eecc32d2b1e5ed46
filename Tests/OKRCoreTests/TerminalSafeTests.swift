import XCTest
@testable import OKRCore

final class TerminalSafeTests: XCTestCase {
    func testPlainTextIsUnchanged() {
        XCTAssertEqual(TerminalSafe.clean("Raise NPS from 30 to 50 — über ✓"), "Raise NPS from 30 to 50 — über ✓")
    }

    func testEscapeSequencesAreRemoved() {
        XCTAssertEqual(TerminalSafe.clean("Cut \u{1B}[31mred\u{1B}[0m churn"), "Cut red churn")
        XCTAssertEqual(TerminalSafe.clean("a\u{1B}]0;pwned title\u{07}b"), "ab")
        XCTAssertEqual(TerminalSafe.clean("a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b"), "alinkb")
        XCTAssertEqual(TerminalSafe.clean("x\u{9B}2Jy\u{08}\u{7F}z"), "xyz")
        XCTAssertEqual(TerminalSafe.clean("tab\there\r\nnext"), "tab\there  next")
        XCTAssertEqual(TerminalSafe.clean("dangling\u{1B}"), "dangling")
    }
}
