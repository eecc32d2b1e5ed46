import XCTest
@testable import OKRCore

/// Team, owner and parent survive every document format, both ways.
final class DocumentIdentityTests: XCTestCase {
    let reference = CalendarDay(year: 2026, month: 11, day: 23)

    var sample: OKRSet {
        var objective = Objective(title: "Close the books in three days", keyResults: [KeyResult(text: "Cut close time from 9 to 3 days")])
        objective.parent = ParentRef(setID: "company-q1-2027", objective: "Run a tight ship / stay lean")
        var other = Objective(title: "Make spend visible", keyResults: [KeyResult(text: "Raise tagged spend from 40% to 90%")])
        other.parent = ParentRef(setID: "", objective: "Ship with confidence")
        return OKRSet(title: "Finance — Q1 2027 OKRs", owner: "Dana", team: "Finance", timeframe: .quarter(1, of: 2027),
                      objectives: [objective, other])
    }

    func read(_ text: String, _ format: DocumentFormat) throws -> OKRSet {
        try DocumentReader.read(text, file: "set", format: format, reference: reference)
    }

    func assertIdentity(_ set: OKRSet, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(set.title, "Finance — Q1 2027 OKRs", file: file, line: line)
        XCTAssertEqual(set.team, "Finance", file: file, line: line)
        XCTAssertEqual(set.owner, "Dana", file: file, line: line)
        XCTAssertEqual(set.objectives.map(\.parent), [ParentRef(setID: "company-q1-2027", objective: "Run a tight ship / stay lean"),
                                                      ParentRef(setID: "", objective: "Ship with confidence")], file: file, line: line)
    }

    func testMarkdownRoundTrip() throws {
        let text = MarkdownWriter.write(sample, reference: reference)
        XCTAssertTrue(text.contains("\nTeam: Finance\n"), text)
        XCTAssertTrue(text.contains("\nOwner: Dana\n"), text)
        XCTAssertTrue(text.contains("\nParent: company-q1-2027 / Run a tight ship / stay lean\n"), text)
        XCTAssertTrue(text.contains("\nParent: Ship with confidence\n"), text)
        assertIdentity(try read(text, .markdown))
    }

    func testYAMLRoundTrip() throws {
        let text = StructuredWriter.yaml(sample)
        XCTAssertTrue(text.contains("team: Finance"), text)
        XCTAssertTrue(text.contains("set: company-q1-2027"), text)
        assertIdentity(try read(text, .yaml))
    }

    func testJSONRoundTrip() throws {
        let text = StructuredWriter.json(sample)
        XCTAssertTrue(text.contains("\"set\" : \"company-q1-2027\""), text)
        assertIdentity(try read(text, .json))
    }

    func testModelJSONRoundTripAndOlderParents() throws {
        let data = try JSONEncoder().encode(sample)
        XCTAssertEqual(try JSONDecoder().decode(OKRSet.self, from: data), sample)
        let older = #"{"title": "Make deploys boring", "parent": "Ship with confidence", "keyResults": [], "kpis": []}"#
        let objective = try JSONDecoder().decode(Objective.self, from: Data(older.utf8))
        XCTAssertEqual(objective.parent, ParentRef(setID: "", objective: "Ship with confidence"))
    }

    func testYAMLParentForms() throws {
        let base = "title: T\nobjectives:\n  - title: O\n    key_results: [Raise NPS from 31 to 45]\n"
        let mapping = try read(base + "    parent: {set: sales-q1-2027, objective: Win the mid-market}\n", .yaml)
        XCTAssertEqual(mapping.objectives[0].parent, ParentRef(setID: "sales-q1-2027", objective: "Win the mid-market"))
        let string = try read(base + "    parent: sales-q1-2027 / Win the mid-market\n", .yaml)
        XCTAssertEqual(string.objectives[0].parent, ParentRef(setID: "sales-q1-2027", objective: "Win the mid-market"))
        XCTAssertThrowsError(try read(base + "    parent: {set: sales-q1-2027}\n", .yaml)) { error in
            XCTAssertEqual((error as? DocumentError)?.line, 5)
            XCTAssertTrue((error as? DocumentError)?.problem.contains("no 'objective'") == true, "\(error)")
        }
        XCTAssertThrowsError(try read(base + "    parent: {set: x, objective: y, team: z}\n", .yaml)) { error in
            XCTAssertTrue((error as? DocumentError)?.problem.contains("unknown key 'team'") == true, "\(error)")
        }
    }

    func testParentText() {
        XCTAssertEqual(ParentRef(text: "sales-q1-2027 / Win / grow"), ParentRef(setID: "sales-q1-2027", objective: "Win / grow"))
        XCTAssertEqual(ParentRef(text: "Grow and / or win"), ParentRef(setID: "", objective: "Grow and / or win"))
        XCTAssertEqual(ParentRef(text: "  Win  "), ParentRef(setID: "", objective: "Win"))
        XCTAssertEqual(ParentRef(setID: "a", objective: "b").text, "a / b")
    }
}
