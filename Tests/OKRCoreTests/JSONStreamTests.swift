import Foundation
import XCTest
@testable import OKRCore

/// The hand-written JSON escaping and layout, checked against Foundation's parser and encoder.
final class JSONStreamTests: XCTestCase {
    static let tricky: [String] = [
        "",
        "plain text",
        "say \"hello\"",
        "back\\slash and \\\\ two",
        "a/b </script>",
        "tab\there, newline\nthere, return\r, form\u{0C}feed, back\u{08}space",
        "NUL \u{0} and the other C0 controls: " + (1..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined(),
        "escape \u{1B}[31mred\u{1B}[0m and DEL \u{7F} and C1 \u{85}\u{9B}",
        "line\u{2028}separator and paragraph\u{2029}separator",
        "emoji 😀 👩🏽‍💻 🇸🇪 and é (e\u{301}) and 中文",
        "looks like a surrogate: \\uD83D\\uDE00 and \\ud800 alone",
        "replacement \u{FFFD} and max \u{10FFFF}",
        "en dash – and em dash — are E2 bytes but no separators: \u{2027}\u{202A}\u{20AC}",
        String(repeating: "long \"quoted\" line ", count: 5000),
        "ends with E2 byte lead: \u{2013}",
    ]

    func render(_ text: String) -> String {
        ByteWriter.string { JSONStream.writeString(text, to: $0) }
    }

    func testEveryTrickyStringRoundTripsThroughJSONSerialization() throws {
        for text in Self.tricky {
            let json = "[" + render(text) + "]"
            let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
            XCTAssertEqual(parsed, [text], json)
        }
    }

    func testEveryTrickyStringRoundTripsThroughJSONDecoder() throws {
        for text in Self.tricky {
            let decoded = try JSONDecoder().decode(String.self, from: Data(render(text).utf8))
            XCTAssertEqual(decoded, text)
            XCTAssertEqual(Array(decoded.unicodeScalars), Array(text.unicodeScalars), "scalar for scalar, not just canonically equal")
        }
    }

    func testEscapesAreTheShortFormsAndNoRawControlIsLeft() {
        XCTAssertEqual(render("a\"b\\c\n\t\r\u{8}\u{C}"), #""a\"b\\c\n\t\r\b\f""#)
        XCTAssertEqual(render("\u{0}\u{1F}\u{1B}"), #""\u0000\u001f\u001b""#)
        XCTAssertEqual(render("\u{2028}\u{2029}"), #""\u2028\u2029""#)
        XCTAssertEqual(render("😀/é"), "\"😀/é\"")
        for text in Self.tricky {
            let out = render(text)
            XCTAssertFalse(out.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x2028 || $0.value == 0x2029 }, out)
        }
    }

    /// The layout matches what JSONEncoder printed before (pretty, sorted keys, unescaped slashes),
    /// empty containers included.
    func testLayoutMatchesJSONEncoder() throws {
        struct Inner: Encodable { var a: [Int]; var b: String; var c: [String: Int] }
        struct Outer: Encodable { var items: [Inner]; var none: [Int]; var z: Int }
        let value = Outer(items: [Inner(a: [1, -2], b: "x/\"y\"\u{1}", c: [:]), Inner(a: [], b: "", c: ["k": Int.min])], none: [], z: Int.max)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"

        let written = ByteWriter.string { out in
            var json = JSONStream(out)
            json.beginObject()
            json.key("items")
            json.beginArray()
            for inner in value.items {
                json.element()
                json.beginObject()
                json.key("a")
                json.beginArray()
                for n in inner.a {
                    json.element()
                    json.value(n)
                }
                json.endArray()
                json.member("b", inner.b)
                json.key("c")
                json.beginObject()
                if let k = inner.c["k"] { json.member("k", k) }
                json.endObject()
                json.endObject()
            }
            json.endArray()
            json.key("none")
            json.beginArray()
            json.endArray()
            json.member("z", value.z)
            json.endObject()
        }
        XCTAssertEqual(written, expected)
    }

    func testSmallBuffersFlushInOrder() {
        var chunks: [[UInt8]] = []
        let writer = ByteWriter(capacity: 64) { chunks.append(Array($0)) }
        let long = String(repeating: "0123456789", count: 20)
        writer.write("start ")
        writer.write(long)
        writer.write(42)
        writer.write(UInt8(ascii: "!"))
        writer.flush()
        XCTAssertEqual(String(decoding: chunks.joined(), as: UTF8.self), "start " + long + "42!")
        XCTAssertTrue(chunks.count >= 3, "\(chunks.count) chunks")
    }
}
