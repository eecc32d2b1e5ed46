import XCTest
@testable import OKRCore

final class SetIdentityTests: XCTestCase {
    func testIdIsTeamAndCycle() {
        XCTAssertEqual(SetIdentity.id(team: "Finance", cycle: "Q1 2027", title: nil), "finance-q1-2027")
        XCTAssertEqual(SetIdentity.id(team: "Sales & Ops", cycle: "H2 2026", title: ""), "sales-ops-h2-2026")
    }

    func testTheOfferedTitleAddsNothing() {
        let title = SetIdentity.defaultTitle(team: "Finance", cycle: "Q1 2027")
        XCTAssertEqual(title, "Finance — Q1 2027 OKRs")
        XCTAssertEqual(SetIdentity.id(team: "Finance", cycle: "Q1 2027", title: title), "finance-q1-2027")
    }

    func testATitleThatSaysMoreAddsItsOwnWords() {
        XCTAssertEqual(SetIdentity.id(team: "Finance", cycle: "Q1 2027", title: "Finance — Q1 2027 OKRs: audit"), "finance-q1-2027-audit")
        XCTAssertEqual(SetIdentity.id(team: "Finance", cycle: "Q1 2027", title: "Payroll"), "finance-q1-2027-payroll")
    }

    func testTwoTeamsInOneCycleNeverCollide() {
        let ids = ["Finance", "Sales", "Engineering"].map {
            SetIdentity.id(team: $0, cycle: "Q1 2027", title: SetIdentity.defaultTitle(team: $0, cycle: "Q1 2027"))
        }
        XCTAssertEqual(Set(ids).count, 3, "\(ids)")
    }

    func testMissingPartsAreLeftOut() {
        XCTAssertEqual(SetIdentity.id(team: nil, cycle: "Q1 2027", title: nil), "q1-2027")
        XCTAssertEqual(SetIdentity.id(team: "  ", cycle: "", title: "—"), "okr-set")
        XCTAssertEqual(SetIdentity.defaultTitle(team: nil, cycle: "Q1 2027"), "Q1 2027 OKRs")
        XCTAssertEqual(SetIdentity.defaultTitle(team: "Onboarding", cycle: ""), "Onboarding OKRs")
        XCTAssertEqual(SetIdentity.defaultTitle(team: " ", cycle: ""), "OKRs")
    }

    func testSlug() {
        XCTAssertEqual(SetIdentity.slug("Équipe Données — FY2027"), "equipe-donnees-fy2027")
        XCTAssertEqual(SetIdentity.slug("  --Sales  &  Ops--  "), "sales-ops")
        XCTAssertEqual(SetIdentity.slug(""), "")
        XCTAssertEqual(SetIdentity.slug("\u{1B}[31mRed"), "31mred")
    }
}
