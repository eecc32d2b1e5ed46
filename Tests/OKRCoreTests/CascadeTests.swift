import OKRCore
import XCTest

final class CascadeTests: XCTestCase {
    private let company: OKRSet = {
        var set = OKRSet(title: "Company — 2027", team: "Company", timeframe: .year(2027))
        set.objectives = [Objective(title: "Become the default choice for mid-market teams"), Objective(title: "Make support a reason to stay")]
        return set
    }()

    private func team(_ name: String, parents: [ParentRef?]) -> OKRSet {
        var set = OKRSet(title: "\(name) — Q3 2027", team: name, timeframe: .quarter(3, of: 2027))
        set.objectives = parents.enumerated().map { Objective(title: "\(name) objective \($0.offset + 1)", parent: $0.element,
                                                              location: SourceLocation(line: 4 + $0.offset * 3, column: 15)) }
        return set
    }

    func testObjectivesHangUnderTheParentsTheyName() {
        let sales = team("Sales", parents: [ParentRef(setID: "company-2027", objective: "become the default choice for mid-market teams"),
                                            ParentRef(setID: "company-2027", objective: "Be profitable")])
        // The older form names only a title: any other set's objective with that title.
        let support = team("Support", parents: [ParentRef(text: "Make support a reason to stay")])
        let cascade = Cascade(sets: [("company-2027", company), ("sales-q3-2027", sales), ("support-q3-2027", support)])
        XCTAssertEqual(cascade.children(of: Cascade.Node(set: 0, objective: 0)), [Cascade.Node(set: 1, objective: 0)])
        XCTAssertEqual(cascade.children(of: Cascade.Node(set: 0, objective: 1)), [Cascade.Node(set: 2, objective: 0)])
        XCTAssertEqual(cascade.roots, [Cascade.Node(set: 0, objective: 0), Cascade.Node(set: 0, objective: 1), Cascade.Node(set: 1, objective: 1)])
        let missing = cascade.missingParentFindings(text: try! CycleRules.builtIn().missingParent)
        XCTAssertEqual(missing.map(\.set), ["sales-q3-2027"])
        XCTAssertEqual(missing.first?.finding.message, "the parent objective 'company-2027 / Be profitable' does not exist in the store")
        XCTAssertEqual(missing.first?.finding.location, SourceLocation(line: 7, column: 15))
    }

    func testAParentInAnotherSetIdOrNowhereIsMissingForADocumentNotYetStored() throws {
        let text = try CycleRules.builtIn().missingParent
        let draft = team("Sales", parents: [ParentRef(setID: "company-2026", objective: "Make support a reason to stay"), nil])
        let findings = Cascade.missingParents(of: draft, id: "sales-q3-2027", among: [("company-2027", company)], text: text)
        XCTAssertEqual(findings.map(\.subject), ["Sales objective 1"])
        let fine = team("Sales", parents: [ParentRef(setID: "company-2027", objective: "Make support a reason to stay")])
        XCTAssertEqual(Cascade.missingParents(of: fine, id: "sales-q3-2027", among: [("company-2027", company)], text: text), [])
        // A stored copy of the same set is not its own parent.
        let own = team("Sales", parents: [ParentRef(setID: "sales-q3-2027", objective: "Sales objective 1")])
        XCTAssertEqual(Cascade.missingParents(of: own, id: "sales-q3-2027", among: [("sales-q3-2027", own)], text: text).count, 1)
    }
}
