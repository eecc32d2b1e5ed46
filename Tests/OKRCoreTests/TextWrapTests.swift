import XCTest
@testable import OKRCore

final class TextWrapTests: XCTestCase {
    func testNoLineIsLongerThanTheWidthAndNoWordIsBroken() {
        let text = "Hi, I'm your OKR coach. We'll write one OKR set together: the cycle, who it is for, an objective, then its key results one at a time."
        for width in [20, 33, 60, 80, 120] {
            let wrapped = TextWrap.wrap(text, width: width)
            for line in wrapped.split(separator: "\n") { XCTAssertLessThanOrEqual(line.count, width, "\(width): \(line)") }
            XCTAssertEqual(wrapped.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " "), text, "width \(width)")
        }
    }

    func testLabelsHangAndColumnsStay() {
        XCTAssertEqual(TextWrap.wrap("    Why: one two three four five six", width: 20), "    Why: one two\n         three four\n         five six")
        XCTAssertEqual(TextWrap.wrap("  1.2 Cut month-end close from 9 to 3 days", width: 24), "  1.2 Cut month-end\n      close from 9 to 3\n      days")
        XCTAssertEqual(TextWrap.wrap("/show     the draft so far, numbered", width: 24), "/show     the draft so\n          far, numbered")
        XCTAssertEqual(TextWrap.wrap("short  line", width: 40), "short  line")
    }

    func testAPathHasALineOfItsOwn() {
        let wrapped = TextWrap.wrap("Saved it in /tmp/okr-tests-123456/okr.sqlite. Type /new next.", width: 80)
        XCTAssertEqual(wrapped, "Saved it in\n/tmp/okr-tests-123456/okr.sqlite.\nType /new next.")
        let long = "/" + String(repeating: "x", count: 100)
        XCTAssertEqual(TextWrap.wrap("a \(long) b", width: 30), "a\n\(long)\nb")
    }
}
