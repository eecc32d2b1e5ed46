import Foundation
import XCTest
@testable import OKRCore

/// The byte-level paths of the timeframe parser give what the Foundation ones gave.
final class TimeframeFastPathTests: XCTestCase {
    let reference = CalendarDay(year: 2026, month: 7, day: 15)

    func testTheASCIITrimTableIsFoundationsSet() {
        let set = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters.subtracting(CharacterSet(charactersIn: "-")))
        for byte in 0..<128 {
            XCTAssertEqual(Timeframe.trimmedASCII[byte], set.contains(Unicode.Scalar(UInt8(byte))), "byte \(byte)")
        }
    }

    /// What `parse` did before: Foundation trimming, lower-casing and splitting.
    func referenceWords(_ raw: String) -> [String] {
        raw.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters.subtracting(CharacterSet(charactersIn: "-"))))
            .lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    func referenceFindWords(_ text: String) -> [String] {
        text.split(whereSeparator: { " \t—–(),;:".contains($0) }).map(String.init)
    }

    static let samples = [
        "Q3 2026", "  q3\t2026. ", "(H2 2026)", "by end of March 2027!", "\"2027-Q1\"", "FY27;", "-2027-", "_Q4_ 2026",
        "by 2027-06-30.", "this   quarter", "#2027", "Bench — Q3 2026", "Make area 1234 something", "Sales (H2 2026)",
        "Größer — Q3 2026", "Q3\u{A0}2026", "\u{3000}Q3 2026\u{3000}", "Q3 2026…", "«Q3 2026»", "ÉQUIPE Q3", "\u{1}Q3\u{7F}",
        "", " ", "...", "a:b,c;d(e)f", "Q3\u{2014}2026", "x\u{2013}\u{301}y",
    ]

    func testWordsMatchTheFoundationPath() {
        for sample in Self.samples {
            XCTAssertEqual(Timeframe.words(of: sample), referenceWords(sample), sample)
            XCTAssertEqual(Timeframe.findWords(sample).map(String.init), referenceFindWords(sample), sample)
        }
    }

    func testRandomASCIIMatchesTheFoundationPath() {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces = ["Q", "q", "H", "3", "2026", " ", "\t", ".", "-", "(", ")", ",", ":", "by", "end", "of", "FY", "!", "'", "~", "$", "\u{B}"]
        for _ in 0..<2000 {
            let text = (0..<next(8)).map { _ in pieces[next(pieces.count)] }.joined()
            XCTAssertEqual(Timeframe.words(of: text), referenceWords(text), text)
            XCTAssertEqual(Timeframe.findWords(text).map(String.init), referenceFindWords(text), text)
        }
    }

    /// `find` as it was: every word that may start a timeframe, every length up to five.
    func referenceFind(_ text: String) throws(TimeframeError) -> Timeframe? {
        let words = referenceFindWords(text)
        for i in words.indices {
            let lower = words[i].lowercased()
            let first = lower.first
            let canStart = ["by", "until", "before", "end", "the", "this", "next"].contains(lower)
                || (first?.isNumber == true && lower.count >= 4) || ((first == "q" || first == "h") && lower.dropFirst().first?.isNumber == true)
                || lower.hasPrefix("fy")
            guard canStart else { continue }
            for length in stride(from: min(5, words.count - i), through: 1, by: -1) {
                do {
                    return try Timeframe.parse(words[i..<(i + length)].joined(separator: " "), reference: reference)
                } catch {
                    switch error {
                    case .invalidQuarter, .invalidHalf, .invalidDate: if length <= 2 { throw error }
                    case .unrecognized: break
                    }
                }
            }
        }
        return nil
    }

    /// Titles built from words that start timeframes and words that end them: trying only the
    /// lengths the grammar allows finds the same timeframe, or the same error, as trying all.
    func testFindGivesWhatTryingEveryLengthGave() {
        let pieces = ["by", "By", "the", "end", "of", "until", "before", "this", "next", "quarter", "year", "half", "Q3", "q5", "H2", "h3",
                      "FY", "FY27", "fy2027", "2026", "2027-Q1", "2027-06-30", "2027-02-30", "1234", "20271", "2027.", "1899", "2200", "2199!", "2027-q5", "2026-H3", "March", "Mar", "december",
                      "Make", "area", "—", "(", ")", ",", ":", "Größe", "é2027", "²⁰²⁶"]
        var state: UInt64 = 11
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let title = (0..<(1 + next(7))).map { _ in pieces[next(pieces.count)] }.joined(separator: " ")
            let expected = Result { () throws(TimeframeError) in try referenceFind(title) }
            let got = Result { () throws(TimeframeError) in try Timeframe.find(in: title, reference: reference) }
            XCTAssertEqual(got, expected, title)
        }
    }

    func testFindInLongTitlesWithNumbers() throws {
        XCTAssertNil(try Timeframe.find(in: "Make area 12345 something people rely on", reference: reference))
        XCTAssertEqual(try Timeframe.find(in: "Make area 12 something — by end of Q4", reference: reference)?.label, "by end of Q4 2026")
        XCTAssertEqual(try Timeframe.find(in: "ÉQUIPE — FY2027", reference: reference)?.label, "FY2027")
        XCTAssertEqual(try Timeframe.find(in: "Launch, THIS quarter", reference: reference)?.label, "Q3 2026")
        XCTAssertThrowsError(try Timeframe.find(in: "Ship it in H3 2026", reference: reference))
    }
}
