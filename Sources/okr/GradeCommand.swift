import ArgumentParser
import Foundation
import OKRCore
import OKRStore

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Record a set's final scores at the end of its cycle, with what they say about the bar that was set.",
        discussion: "Each key result scores from its latest check-in; an objective is the mean of its key results, the set the mean of its objectives.")


    @Argument(help: ArgumentHelp("The set's id.", valueName: "set")) var name: String
    @Option(help: "text or json.") var format: ReportFormat = .text
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let context = try SetContext.load(name, from: store)
        var grade = Grade(progress: context.progress, setVersion: context.stored.version)
        guard grade.score != nil else {
            throw CLIError.declined("nothing to grade in \(name): no key result can be scored yet. "
                                    + "Record where each ended with 'okr checkin \(name)', then grade again.")
        }
        grade.author = StoreOptions.author
        let rules = try CycleCommands.rules()
        grade = try storeCall { () throws(StoreError) in try store.recordGrade(grade, for: name) }
        switch format {
        case .json: print(JSONOutput.text(Self.json(grade, context: context, rules: rules)))
        case .text: print(Self.text(grade, context: context, rules: rules), terminator: "")
        }
    }

    static func text(_ grade: Grade, context: SetContext, rules: CycleRules) -> String {
        var out = "Graded " + Terminal.bold(SetContext.safe(context.set.title)) + Terminal.dim("  \(context.name) version \(grade.setVersion)") + "\n"
        for objective in grade.objectives {
            let band = objective.score.map { " (\(rules.band(for: $0).name))" } ?? ""
            out += ReportLayout.hang("O\(objective.index + 1). \(SetContext.safe(objective.title))", indent: 4) + "  "
                + ScoreBar.number(objective.score) + band + "\n"
            for kr in objective.keyResults {
                let label = SetItem(.keyResult, objective: objective.index, index: kr.index).label(in: context.set)
                // "  1.2  0.70  " takes 13 columns.
                out += "  \(label.padding(toLength: 4, withPad: " ", startingAt: 0)) \(ScoreBar.number(kr.score))  "
                    + ReportLayout.hang(SetContext.safe(kr.text), indent: 13) + "\n"
                if let reason = kr.reason { out += "       " + ReportLayout.hang(reason, indent: 7, paint: Terminal.dim) + "\n" }
            }
        }
        if let score = grade.score {
            let band = rules.band(for: score)
            out += "Set: " + ScoreBar.number(score) + " - " + ReportLayout.hang("\(band.name). \(band.say)", indent: 12) + "\n"
            out += ReportLayout.hang("Ask yourself: \(band.ask)", indent: 0) + "\n"
        }
        let unscored = grade.objectives.flatMap(\.keyResults).filter { $0.score == nil }.count
        if unscored > 0 {
            out += ReportLayout.hang("\(unscored) key result\(unscored == 1 ? " was" : "s were") left out of the score (see why above).", indent: 0) + "\n"
        }
        out += ReportLayout.hang("Next: 'okr next \(context.name)' plans the following cycle from this grade.", indent: 0) + "\n"
        return out
    }

    static func json(_ grade: Grade, context: SetContext, rules: CycleRules) -> [String: Any] {
        let band = grade.score.map { rules.band(for: $0) }
        return [
            "set": context.name,
            "version": grade.setVersion,
            "title": context.set.title,
            "score": JSONOutput.value(grade.score),
            "band": JSONOutput.value(band.map { ["name": $0.name, "say": $0.say, "ask": $0.ask] }),
            "gradedBy": grade.author,
            "gradedAt": grade.at,
            "objectives": grade.objectives.map { o -> [String: Any] in
                [
                    "number": o.index + 1,
                    "title": o.title,
                    "score": JSONOutput.value(o.score),
                    "keyResults": o.keyResults.map { kr -> [String: Any] in
                        [
                            "number": SetItem(.keyResult, objective: o.index, index: kr.index).label(in: context.set),
                            "text": kr.text,
                            "score": JSONOutput.value(kr.score),
                            "reason": JSONOutput.value(kr.reason),
                        ]
                    },
                ]
            },
        ]
    }
}
