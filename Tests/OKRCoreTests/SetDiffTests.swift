import OKRCore
import XCTest

final class SetDiffTests: XCTestCase {
    func testChangesBetweenVersions() {
        var old = OKRSet(title: "Platform — Q3 2026", team: "Platform", timeframe: .quarter(3, of: 2026))
        old.objectives = [
            Objective(title: "Make deploys boring", keyResults: [KeyResult(text: "Cut median deploy time from 40 to 10 minutes"),
                                                                  KeyResult(text: "Reduce failed deploys from 8% to 2%")]),
            Objective(title: "Pave the road", keyResults: [KeyResult(text: "Grow services on the pipeline from 14 to 40")]),
        ]
        var new = old
        new.owner = "Dana"
        new.objectives[0].title = "Make deploys boring and safe"
        new.objectives[0].keyResults[1] = KeyResult(text: "Reduce failed deploys from 8% to 1%")
        new.objectives[0].kpis = [KPI(measurement: "Uptime", target: "at least 99.9%", source: "Grafana", frequency: "week")]
        new.objectives.remove(at: 1)
        new.objectives.append(Objective(title: "Cut cloud spend", keyResults: [KeyResult(text: "Cut monthly spend from $90k to $70k")]))
        XCTAssertEqual(SetDiff.changes(from: old, to: new).map(SetDiff.describe), [
            "~ owner: (none) -> 'Dana'",
            "~ objective: 'Make deploys boring' -> 'Make deploys boring and safe'",
            "+ objective: Cut cloud spend",
            "- objective: Pave the road",
            "- Make deploys boring and safe: key result: Reduce failed deploys from 8% to 2%",
            "+ Make deploys boring and safe: key result: Reduce failed deploys from 8% to 1%",
            "+ Make deploys boring and safe: KPI: Uptime: at least 99.9% as reported by Grafana, measured every week",
        ])
        XCTAssertEqual(SetDiff.changes(from: old, to: old), [])
    }
}
