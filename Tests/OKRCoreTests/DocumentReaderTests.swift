import XCTest
@testable import OKRCore

final class DocumentReaderTests: XCTestCase {
    let reference = CalendarDay(year: 2026, month: 7, day: 1)

    func read(_ text: String, _ format: DocumentFormat = .markdown) throws -> OKRSet {
        try DocumentReader.read(text, file: "okrs.md", format: format, reference: reference)
    }

    func error(_ text: String, _ format: DocumentFormat = .markdown) -> DocumentError? {
        do {
            _ = try read(text, format)
            return nil
        } catch {
            return error as? DocumentError
        }
    }

    static let markdown = """
        <!-- a comment
        over two lines -->
        # Platform team OKRs — Q3 2026
        Owner: Dana
        Team: Platform

        ## Objective: Make deploys boring
        Timeframe: H2 2026
        Parent: Ship with confidence
        - KR1: Cut median deploy time from 40 to 10 minutes
        * Reduce failed deploys from 8% to 2%
        - KPI: Uptime: at least 99.9% as reported by Grafana, measured every week

        ## O2: Give every team a paved road
        ### Key results
        1. Grow services on the pipeline from 14 to 40
          2) Key result 2: Cut time to first deploy from 5 days to 1 day
        """

    func testMarkdownReadsEveryPart() throws {
        let set = try read(Self.markdown)
        XCTAssertEqual(set.title, "Platform team OKRs — Q3 2026")
        XCTAssertEqual(set.location, SourceLocation(line: 3, column: 3))
        XCTAssertEqual(set.owner, "Dana")
        XCTAssertEqual(set.team, "Platform")
        XCTAssertEqual(set.timeframe?.label, "Q3 2026")
        XCTAssertEqual(set.objectives.map(\.title), ["Make deploys boring", "Give every team a paved road"])
        let first = set.objectives[0]
        XCTAssertEqual(first.timeframe?.label, "H2 2026")
        XCTAssertEqual(first.parent, "Ship with confidence")
        XCTAssertEqual(first.location, SourceLocation(line: 7, column: 15))
        XCTAssertEqual(first.keyResults.map(\.text), ["Cut median deploy time from 40 to 10 minutes", "Reduce failed deploys from 8% to 2%"])
        XCTAssertEqual(first.keyResults.map(\.location), [SourceLocation(line: 10, column: 8), SourceLocation(line: 11, column: 3)])
        XCTAssertEqual(first.kpis, [KPI(measurement: "Uptime", target: "at least 99.9%", source: "Grafana", frequency: "week",
                                        location: SourceLocation(line: 12, column: 8))])
        let second = set.objectives[1]
        XCTAssertNil(second.timeframe)
        XCTAssertEqual(second.keyResults.map(\.text), ["Grow services on the pipeline from 14 to 40", "Cut time to first deploy from 5 days to 1 day"])
        XCTAssertEqual(second.keyResults.map(\.location?.line), [16, 17])
        XCTAssertEqual(second.keyResults[1].location?.column, 20)
    }

    func testMarkdownErrorsNameTheLineAndTheProblem() {
        let cases: [(String, Int, String)] = [
            ("# T\n## O\n- Raise NPS from 31 to 45\nJust a stray paragraph here\n", 4, "unexpected text"),
            ("# T\nFoo: bar\n## O\n- x\n", 2, "unknown field 'foo' for the set"),
            ("# T\n## O\nBudget: 3\n- x\n", 3, "unknown field 'budget' for an objective"),
            ("# T\n- Raise NPS from 31 to 45\n## O\n", 2, "a key result must come under an '## ' objective"),
            ("# T\n## O\n- x\n# Another\n", 4, "only one '# ' title"),
            ("# T\n## O\nTimeframe: Q5 2027\n- x\n", 3, "there is no quarter Q5"),
            ("# T\n## O\n- KPI: Uptime: 99.9%, measured every week\n", 3, "a KPI needs a data source"),
            ("# Just a title\nOwner: Dana\n", 1, "no objectives found"),
            ("# T\n## O\n### Risks\n", 3, "unknown sub-heading '### Risks'"),
            ("# T\n##   \n", 2, "an objective needs a title"),
        ]
        for (text, line, problem) in cases {
            guard let error = error(text) else {
                XCTFail("no error for: \(text)")
                continue
            }
            XCTAssertEqual(error.file, "okrs.md")
            XCTAssertEqual(error.line, line, text)
            XCTAssertTrue(error.problem.contains(problem), "\(error.problem) should say \(problem)")
            XCTAssertTrue(error.description.hasPrefix("okrs.md:\(line):"), error.description)
        }
    }

    static let yaml = """
        title: Platform team OKRs
        owner: Dana
        team: Platform
        timeframe: Q3 2026
        objectives:
          - title: Make deploys boring
            parent: Ship with confidence
            key_results:
              - Cut median deploy time from 40 to 10 minutes
              - text: Reduce failed deploys from 8% to 2%
            kpis:
              - {measurement: Uptime, target: at least 99.9%, source: Grafana, frequency: week}
        """

    func testYAMLReadsTheSameModelWithLines() throws {
        let set = try read(Self.yaml, .yaml)
        XCTAssertEqual(set.title, "Platform team OKRs")
        XCTAssertEqual(set.timeframe?.label, "Q3 2026")
        XCTAssertEqual(set.objectives[0].parent, "Ship with confidence")
        XCTAssertEqual(set.objectives[0].keyResults.map(\.text), ["Cut median deploy time from 40 to 10 minutes", "Reduce failed deploys from 8% to 2%"])
        XCTAssertEqual(set.objectives[0].keyResults.map(\.location?.line), [9, 10])
        XCTAssertEqual(set.objectives[0].kpis.first?.source, "Grafana")
    }

    func testJSONReadsTheSameModelWithLines() throws {
        let json = """
            {
              "title": "Platform team OKRs",
              "timeframe": "Q3 2026",
              "objectives": [
                {"title": "Make deploys boring",
                 "key_results": ["Cut median deploy time from 40 to 10 minutes",
                                 "Launch the new deploy dashboard"]}
              ]
            }
            """
        let set = try read(json, .json)
        XCTAssertEqual(set.objectives[0].keyResults.map(\.location), [SourceLocation(line: 6, column: 23), SourceLocation(line: 7, column: 23)])
    }

    func testStructuredErrorsNameTheLine() {
        let unknown = error("title: T\nobjectives:\n  - title: O\n    key_resluts: [x]\n", .yaml)
        XCTAssertEqual(unknown?.line, 4)
        XCTAssertTrue(unknown?.problem.contains("unknown key 'key_resluts' in an objective") == true, unknown?.problem ?? "")
        let badTimeframe = error("title: T\ntimeframe: Q5 2027\nobjectives: [{title: O}]\n", .yaml)
        XCTAssertEqual(badTimeframe?.line, 2)
        let syntax = error("{\"title\": \"T\",\n \"objectives\": [\n", .json)
        XCTAssertNotNil(syntax)
        XCTAssertTrue(syntax?.problem.hasPrefix("not valid YAML") == true, syntax?.problem ?? "")
        XCTAssertEqual(error("title: T\n", .yaml)?.problem, "the set has no 'objectives'")
    }

    func testWrittenMarkdownReadsBackAsTheSameSet() throws {
        var set = try read(Self.markdown)
        let written = MarkdownWriter.write(set, reference: reference)
        var again = try read(written)
        // Positions differ between the two files; everything else is the same.
        for s in [\OKRSet.location] { set[keyPath: s] = nil; again[keyPath: s] = nil }
        func strip(_ set: OKRSet) -> OKRSet {
            var set = set
            set.location = nil
            for o in set.objectives.indices {
                set.objectives[o].location = nil
                for k in set.objectives[o].keyResults.indices { set.objectives[o].keyResults[k].location = nil }
                for k in set.objectives[o].kpis.indices { set.objectives[o].kpis[k].location = nil }
            }
            return set
        }
        XCTAssertEqual(strip(again), strip(set))
        XCTAssertEqual(strip(try read(StructuredWriter.yaml(set), .yaml)), strip(set))
        XCTAssertEqual(strip(try read(StructuredWriter.json(set), .json)), strip(set))
    }

    func testMeasureReadsBaselineTargetUnitAndChange() {
        let cut = Measure(parsing: "Cut median deploy time from 40 to 10 minutes")
        XCTAssertEqual(cut.metric, "median deploy time")
        XCTAssertEqual(cut.baseline, "40")
        XCTAssertEqual(cut.target, "10")
        XCTAssertEqual(cut.unit, "minutes")
        let relative = Measure(parsing: "Reduce contract turnaround by 20%")
        XCTAssertEqual(relative.change, "20%")
        XCTAssertNil(relative.baseline)
        XCTAssertEqual(Measure(parsing: "Raise NPS from 31 to 45 by end of March 2027").deadline, "end of March 2027")
        // A verb of staying ends the metric: it is not part of what is measured.
        XCTAssertEqual(Analyser.read(keyResult: "Average attendee rating stays above 4.5").metric, "average attendee rating")
        XCTAssertEqual(Analyser.read(keyResult: "Error budget remains above 20% every month").metric, "error budget")
    }

    func testTokenizerKinds() {
        let tokens = Tokenizer.tokens("Grow ARR from $1.5M to €3k, 20% of 1,200 users by 2027")
        XCTAssertEqual(tokens.map(\.text), ["grow", "arr", "from", "1.5", "to", "3", "20", "of", "1200", "users", "by", "2027"])
        XCTAssertEqual(tokens.map(\.kind), [.word, .word, .word, .money, .word, .money, .percent, .word, .number, .word, .word, .year])
        XCTAssertEqual(tokens[3].column, 15)
        XCTAssertEqual(Tokenizer.tokens("Größere — O’Brien’s").map(\.text), ["größere", "o'brien's"])
        XCTAssertEqual(Tokenizer.tokens("Größere — O’Brien’s")[1].column, 11)
        XCTAssertEqual(Tokenizer.tokens("in 3 months").map(\.kind), [.word, .number, .word])
    }
}
