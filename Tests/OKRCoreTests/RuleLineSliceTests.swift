import XCTest
@testable import OKRCore

/// A slice of an ASCII line is cut by byte offsets; it must be what walking the characters gives.
final class RuleLineSliceTests: XCTestCase {
    func testASCIISlicesAgreeWithCharacterSlices() throws {
        let lines = try RealCorpus.load("real-krs").map(\.text).filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        XCTAssertGreaterThan(lines.count, 500)
        for text in lines {
            let ascii = RuleLine(text: text, reading: Analyser.read(keyResult: text))
            // The same line with a character outside ASCII after it takes the character walk.
            let walked = RuleLine(text: text + " é", reading: Analyser.read(keyResult: text + " é"))
            XCTAssertTrue(ascii.isASCII)
            XCTAssertFalse(walked.isASCII)
            let count = ascii.tokens.count
            for lower in 0..<count {
                for upper in (lower + 1)..<count where upper < walked.tokens.count {
                    XCTAssertEqual(ascii.slice(lower..<upper), walked.slice(lower..<upper), "\(text) \(lower)..<\(upper)")
                }
            }
        }
    }

    /// The ASCII test reads eight bytes at a time: a non-ASCII byte is found wherever it stands.
    func testASCIIIsToldAtEveryPosition() {
        for length in 0..<20 {
            let plain = String(repeating: "a", count: length)
            XCTAssertTrue(RuleLine.isASCII(plain), "\(length)")
            for at in 0..<length {
                var scalars = Array(plain.unicodeScalars)
                scalars[at] = "é"
                XCTAssertFalse(RuleLine.isASCII(String(String.UnicodeScalarView(scalars))), "\(length) at \(at)")
            }
        }
    }
}
