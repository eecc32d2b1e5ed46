import XCTest
@testable import OKRCore

/// `Word` keeps its bytes inline and compares with literals as integers: the comparisons must
/// agree with String's for every length and script.
final class WordTests: XCTestCase {
    let samples = ["", "a", "by", "abc", "latency", "eightchr", "ninechars", "fifteen-bytes!!", "sixteen-bytes!!!",
                   "responsibilities", "internationalization", "café", "naïveté", "résumé-écrit", "日本語", "p95", "2fa"]

    func testComparisonsWithStringsAgreeWithString() {
        for a in samples {
            let word = Word(a)
            XCTAssertEqual(word.string, a)
            for b in samples {
                // A run-time string as well as the literal, so neither path is left untested.
                let runtime = String(decoding: Array(b.utf8), as: UTF8.self)
                XCTAssertEqual(word == b, a == b, "\(a) == \(b)")
                XCTAssertEqual(word == runtime, a == b, "\(a) == runtime \(b)")
                XCTAssertEqual(word == Word(b), a == b, "\(a) == Word(\(b))")
                XCTAssertEqual(word != b, a != b)
            }
        }
    }

    func testSwitchOnAWordMatchesItsLiteral() {
        func kind(_ word: Word) -> Int {
            switch word {
            case "at": return 1
            case "no", "none": return 2
            case "internationalization": return 3
            default: return 0
            }
        }
        XCTAssertEqual(kind(Word("at")), 1)
        XCTAssertEqual(kind(Word("none")), 2)
        XCTAssertEqual(kind(Word("internationalization")), 3)
        XCTAssertEqual(kind(Word("atx")), 0)
        XCTAssertEqual(kind(Word("")), 0)
    }

    func testWordSetsAndMapsFindWordsByTheirBytes() {
        let set: WordSet = ["calls", "story", "responsibilities", "café"]
        for word in ["calls", "story", "responsibilities", "café"] { XCTAssertTrue(set.contains(Word(word)), word) }
        for word in ["call", "stories", "responsibility", "cafe", ""] { XCTAssertFalse(set.contains(Word(word)), word) }
        var map = WordMap<Int>()
        for (i, word) in samples.enumerated() { map[Word(word)] = i }
        for (i, word) in samples.enumerated() { XCTAssertEqual(map[Word(word)], i, word) }
        XCTAssertEqual(map.count, samples.count)
    }
}
