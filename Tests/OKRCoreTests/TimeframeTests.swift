import XCTest
@testable import OKRCore

final class TimeframeTests: XCTestCase {
    let july2026 = CalendarDay(year: 2026, month: 7, day: 15)
    let november2026 = CalendarDay(year: 2026, month: 11, day: 22)

    func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { CalendarDay(year: y, month: m, day: d) }

    func check(_ text: String, _ label: String, _ start: CalendarDay, _ end: CalendarDay, reference: CalendarDay? = nil,
               file: StaticString = #filePath, line: UInt = #line) {
        do {
            let timeframe = try Timeframe.parse(text, reference: reference ?? july2026)
            XCTAssertEqual(timeframe.label, label, text, file: file, line: line)
            XCTAssertEqual(timeframe.start, start, text, file: file, line: line)
            XCTAssertEqual(timeframe.end, end, text, file: file, line: line)
        } catch {
            XCTFail("\(text): \(error)", file: file, line: line)
        }
    }

    func testEveryAcceptedForm() {
        check("Q1 2027", "Q1 2027", day(2027, 1, 1), day(2027, 3, 31))
        check("q4 2026", "Q4 2026", day(2026, 10, 1), day(2026, 12, 31))
        check("2027-Q1", "Q1 2027", day(2027, 1, 1), day(2027, 3, 31))
        check("Q3", "Q3 2026", day(2026, 7, 1), day(2026, 9, 30))
        check("H2 2026", "H2 2026", day(2026, 7, 1), day(2026, 12, 31))
        check("2026-H1", "H1 2026", day(2026, 1, 1), day(2026, 6, 30))
        check("FY2027", "FY2027", day(2027, 1, 1), day(2027, 12, 31))
        check("FY 2027", "FY2027", day(2027, 1, 1), day(2027, 12, 31))
        check("FY27", "FY2027", day(2027, 1, 1), day(2027, 12, 31))
        check("2027", "2027", day(2027, 1, 1), day(2027, 12, 31))
        check("by end of March 2027", "by end of March 2027", july2026, day(2027, 3, 31))
        check("by the end of Feb 2028", "by end of February 2028", july2026, day(2028, 2, 29))
        check("by 2027-06-30", "by 2027-06-30", july2026, day(2027, 6, 30))
        check("this quarter", "Q3 2026", day(2026, 7, 1), day(2026, 9, 30))
        check("next quarter", "Q4 2026", day(2026, 10, 1), day(2026, 12, 31))
        check("next quarter", "Q1 2027", day(2027, 1, 1), day(2027, 3, 31), reference: november2026)
        check("this year", "2026", day(2026, 1, 1), day(2026, 12, 31))
        check("by end of Q3 2026", "by end of Q3 2026", july2026, day(2026, 9, 30))
    }

    func testAMonthWithoutAYearMeansTheNextOne() {
        check("by end of March", "by end of March 2027", november2026, day(2027, 3, 31), reference: november2026)
    }

    func testNonsenseIsAClearError() {
        XCTAssertThrowsError(try Timeframe.parse("Q5 2027", reference: july2026)) { XCTAssertEqual($0 as? TimeframeError, .invalidQuarter(5)) }
        XCTAssertThrowsError(try Timeframe.parse("H3 2026", reference: july2026)) { XCTAssertEqual($0 as? TimeframeError, .invalidHalf(3)) }
        XCTAssertThrowsError(try Timeframe.parse("by 2027-02-30", reference: july2026)) {
            XCTAssertEqual($0 as? TimeframeError, .invalidDate("2027-02-30"))
        }
        XCTAssertThrowsError(try Timeframe.parse("someday", reference: july2026)) { XCTAssertEqual($0 as? TimeframeError, .unrecognized("someday")) }
        XCTAssertEqual(TimeframeError.invalidQuarter(5).description, "there is no quarter Q5: a year has Q1 to Q4")
    }

    func testFindingATimeframeInsideATitle() throws {
        XCTAssertEqual(try Timeframe.find(in: "Platform team OKRs — Q3 2026", reference: july2026)?.label, "Q3 2026")
        XCTAssertEqual(try Timeframe.find(in: "Make onboarding delightful by end of Q3 2026", reference: july2026)?.label, "by end of Q3 2026")
        XCTAssertEqual(try Timeframe.find(in: "Sales (H2 2026)", reference: july2026)?.label, "H2 2026")
        XCTAssertNil(try Timeframe.find(in: "Make deploys boring", reference: july2026))
        XCTAssertNil(try Timeframe.find(in: "Grow area 123 for everyone", reference: july2026))
        XCTAssertThrowsError(try Timeframe.find(in: "Sales OKRs — Q5 2027", reference: july2026))
    }
}
