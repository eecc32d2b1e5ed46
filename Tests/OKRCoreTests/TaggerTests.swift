import XCTest
@testable import OKRCore

/// The tagger's tags on lines of the shapes real pages use, and the cache that keeps each word's
/// token for a whole check giving exactly what tagging afresh gives.
final class TaggerTests: XCTestCase {
    func tags(_ line: String) -> [String] {
        Analyser.tag(line).map { "\($0.text)/\($0.tag.rawValue)" }
    }

    func testATimeQualifierIsACadenceOnlyWithItsUnit() {
        XCTAssertEqual(tags("every business day"), ["every/cadence", "business/cadence", "day/cadence"])
        XCTAssertEqual(tags("each fiscal quarter"), ["each/cadence", "fiscal/cadence", "quarter/cadence"])
        XCTAssertEqual(tags("every business unit"), ["every/quantifier", "business/word", "unit/word"])
        XCTAssertEqual(tags("every month"), ["every/cadence", "month/cadence"])
        XCTAssertEqual(tags("every ticket"), ["every/quantifier", "ticket/word"])
    }

    func testComparatorsDurationsAndDates() {
        XCTAssertEqual(tags("at most 40 days"), ["at/comparator", "most/comparator", "40/duration", "days/word"])
        XCTAssertEqual(tags("by July 28"), ["by/word", "july/date", "28/date"])
        XCTAssertEqual(tags("2027-06-30"), ["2027/date", "-/punctuation", "06/date", "-/punctuation", "30/date"])
        XCTAssertEqual(tags("$1.2M ARR"), ["1.2m/money", "arr/word"])
        XCTAssertEqual(Analyser.tag("$1.2M").first?.value, 1_200_000)
        XCTAssertEqual(tags("40% of Q3"), ["40%/percent", "of/word", "q3/quarter"])
    }

    func testTheCacheGivesTheTokensTaggingAfreshGives() throws {
        let cache = TagCache()
        let lines = try RealCorpus.load("real-krs").map(\.text) + RealCorpus.load("real-objectives").map(\.text)
        XCTAssertGreaterThan(lines.count, 1_000)
        // Twice over, so the second pass reads every word from the cache.
        for line in lines + lines {
            XCTAssertEqual(Tagger.tag(line, cache: cache), Tagger.tag(line), line)
        }
        XCTAssertGreaterThan(cache.count, 1_000)
    }
}
