import ArgumentParser
import Foundation
import OKRCore
import OKRStore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show how far each key result has got: a bar with its score, the latest confidence and the trend.",
        discussion: "With no set, shows every set that has check-ins.")


    @Argument(help: ArgumentHelp("The set's id (default: every set with check-ins).", valueName: "set")) var name: String?
    @Option(help: "text or json.") var format: ReportFormat = .text
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let names = try name.map { [$0] } ?? storeCall { () throws(StoreError) in try store.namesWithCheckIns() }
        var contexts: [SetContext] = []
        for name in names { contexts.append(try SetContext.load(name, from: store)) }
        switch format {
        case .json:
            let objects = contexts.map(Self.json)
            print(JSONOutput.text(name == nil ? ["sets": objects] : objects[0]))
        case .text:
            if contexts.isEmpty {
                print("No check-ins yet in \(store.database.displayName); 'okr checkin SET' records them.")
                return
            }
            for (i, context) in contexts.enumerated() {
                if i > 0 { print("") }
                print(Self.text(context), terminator: "")
            }
        }
    }

    static func text(_ context: SetContext) -> String {
        let progress = context.progress
        var out = Terminal.bold(SetContext.safe(context.set.title)) + Terminal.dim("  \(context.name) version \(context.stored.version)") + "\n"
        for objective in progress.objectives {
            let title = "O\(objective.index + 1). \(SetContext.safe(objective.title))"
            out += ReportLayout.hang(title, indent: 4) + "  " + ScoreBar.number(objective.score) + "\n"
            for kr in objective.keyResults {
                // "  1.2  ████████████████████ 0.70  " takes 34 columns.
                out += "  \(kr.label.padding(toLength: 4, withPad: " ", startingAt: 0)) \(ScoreBar.render(kr.result.value)) \(ScoreBar.number(kr.result.value))  "
                    + ReportLayout.hang(SetContext.safe(kr.text), indent: 34) + "\n"
                out += "       " + ReportLayout.hang(detail(kr, name: context.name), indent: 7, paint: Terminal.dim) + "\n"
            }
            for kpi in objective.kpis {
                out += "  \(kpi.label.padding(toLength: 4, withPad: " ", startingAt: 0)) " + ReportLayout.hang("KPI: \(SetContext.safe(kpi.kpi.line))", indent: 7) + "\n"
                out += "       " + ReportLayout.hang(detail(kpi), indent: 7, paint: Terminal.dim) + "\n"
            }
        }
        let scored = progress.keyResults.filter { $0.result.value != nil }.count
        let total = progress.keyResults.count
        out += "Overall: " + ScoreBar.number(progress.score) + " (\(scored) of \(total) key result\(total == 1 ? "" : "s") scored)\n"
        return out
    }

    private static func detail(_ kr: SetProgress.KeyResultProgress, name: String) -> String {
        var parts: [String] = []
        switch kr.result {
        case .unscorable(let reason, let fix): return "cannot be scored: \(reason); \(fix)"
        case .notCheckedIn: return "no check-in yet: okr checkin \(name) --kr \(kr.label) --value ..."
        case .scored:
            if let latest = kr.latest {
                parts.append((latest.done == nil ? "at " : "") + kr.reading(of: latest))
            }
        }
        parts.append(kr.confidence.map { "confidence \($0)/10" } ?? "no confidence given")
        if let trend = kr.trend { parts.append(describe(trend, since: "the last check-in", score: true)) }
        if let note = kr.note { parts.append("\"\(SetContext.safe(note))\"") }
        return parts.joined(separator: ", ")
    }

    private static func detail(_ kpi: SetProgress.KPIProgress) -> String {
        guard let latest = kpi.latest, let value = latest.value else { return "no check-in yet" }
        var parts = ["at " + (kpi.level?.render(value) ?? CheckInInput.format(value))]
        switch kpi.holds {
        case true?: parts.append("holds its level")
        case false?: parts.append("below its level")
        case nil: break
        }
        if let trend = kpi.trend { parts.append(describe(trend, since: "the last check-in", score: false)) }
        if let note = kpi.note { parts.append("\"\(SetContext.safe(note))\"") }
        return parts.joined(separator: ", ")
    }

    private static func describe(_ trend: SetProgress.Trend, since: String, score: Bool) -> String {
        let amount = { (d: Double) in score ? Score.format(d) : CheckInInput.format(d) }
        switch trend {
        case .up(let d): return "↑ up \(amount(d)) since \(since)"
        case .down(let d): return "↓ down \(amount(d)) since \(since)"
        case .flat: return "→ unchanged since \(since)"
        }
    }

    static func json(_ context: SetContext) -> [String: Any] {
        let progress = context.progress
        return [
            "set": context.name,
            "version": context.stored.version,
            "title": context.set.title,
            "score": JSONOutput.value(progress.score.map(Score.rounded)),
            "objectives": progress.objectives.map { o -> [String: Any] in
                [
                    "number": o.index + 1,
                    "title": o.title,
                    "score": JSONOutput.value(o.score.map(Score.rounded)),
                    "keyResults": o.keyResults.map { kr -> [String: Any] in
                        var reason: Any = NSNull()
                        if case .unscorable(let why, let fix) = kr.result { reason = "\(why); \(fix)" }
                        return [
                            "number": kr.label,
                            "text": kr.text,
                            "score": JSONOutput.value(kr.result.value.map(Score.rounded)),
                            "value": JSONOutput.value(kr.latest?.value),
                            "done": JSONOutput.value(kr.latest?.done),
                            "confidence": JSONOutput.value(kr.confidence),
                            "trend": JSONOutput.value(kr.trend?.name),
                            "checkIns": kr.checkIns,
                            "checkedAt": JSONOutput.value(kr.latest?.at),
                            "note": JSONOutput.value(kr.note),
                            "unscorable": reason,
                        ]
                    },
                    "kpis": o.kpis.map { kpi -> [String: Any] in
                        [
                            "number": kpi.label,
                            "line": kpi.kpi.line,
                            "value": JSONOutput.value(kpi.latest?.value),
                            "holds": JSONOutput.value(kpi.holds),
                            "trend": JSONOutput.value(kpi.trend?.name),
                            "checkedAt": JSONOutput.value(kpi.latest?.at),
                            "note": JSONOutput.value(kpi.note),
                        ]
                    },
                ]
            },
        ]
    }
}
