import OKRCore
import OKRStore

/// A stored set with what the cycle commands read beside it: its check-ins and latest grade.
struct SetContext {
    var stored: StoredSet
    var checkIns: [CheckIn]
    var grade: Grade?

    var name: String { stored.name }
    var set: OKRSet { stored.set }
    var progress: SetProgress { SetProgress(set: stored.set, checkIns: checkIns) }

    static func load(_ name: String, from store: SetStore) throws(CLIError) -> SetContext {
        try storeCall { () throws(StoreError) in
            SetContext(stored: try store.load(name), checkIns: try store.checkIns(name), grade: try store.latestGrade(name))
        }
    }

    /// Text from the store, safe to print (another user may have typed escape codes into it).
    static func safe(_ text: String) -> String { TerminalSafe.clean(text) }
}

/// Scores as bars: `██████████████░░░░░░`, green from 0.7, yellow from 0.4, red below.
enum ScoreBar {
    static let width = 20

    static func render(_ score: Double?) -> String {
        guard let score else { return Terminal.dim(String(repeating: "·", count: width)) }
        let filled = Int((score * Double(width)).rounded())
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        return Terminal.paint(bar, colour(score))
    }

    static func number(_ score: Double?) -> String {
        guard let score else { return "   -" }
        return Terminal.paint(Score.format(score), colour(score))
    }

    static func colour(_ score: Double) -> String {
        score >= 0.7 ? "32" : score >= 0.4 ? "33" : "31"
    }
}

/// Report lines wrapped to the terminal's width (80 when not on a terminal) at word boundaries,
/// continuation lines indented under the text, and colour applied after wrapping so its codes
/// never count towards the width.
enum ReportLayout {
    static let width = CoachRenderer.currentWidth()

    /// `text` after a prefix `indent` columns wide; each wrapped line passes through `paint`.
    static func hang(_ text: String, indent: Int, paint: (String) -> String = { $0 }) -> String {
        TextWrap.wrap(text, width: max(20, width - indent)).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { ($0.offset == 0 ? "" : String(repeating: " ", count: indent)) + paint(String($0.element)) }
            .joined(separator: "\n")
    }
}
