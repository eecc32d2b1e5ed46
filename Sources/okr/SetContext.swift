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
