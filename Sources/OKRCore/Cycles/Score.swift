/// How far a key result got: (current − baseline) / (target − baseline), clamped to 0…1, from the
/// baseline and target the analyser reads in the line; a milestone is 0 or 1. The same formula
/// serves lower-is-better lines (the signs cancel). An objective scores the mean of its key results.
public enum Score {
    /// What a key result can be scored on.
    public enum Basis: Hashable, Sendable {
        /// A number from a baseline to a target.
        case numeric(baseline: Quantity, target: Quantity, unit: String?)
        /// Done or not done.
        case milestone
        /// Nothing to score against: why, and how to fix the line.
        case unscorable(reason: String, fix: String)

        public var isNumeric: Bool { if case .numeric = self { return true } else { return false } }
    }

    public enum Result: Hashable, Sendable {
        case scored(Double)
        case unscorable(reason: String, fix: String)
        /// Scorable, but nobody has said where it stands yet.
        case notCheckedIn

        public var value: Double? { if case .scored(let v) = self { return v } else { return nil } }
    }

    public static func basis(of text: String) -> Basis {
        basis(of: Analyser.read(keyResult: text))
    }

    public static func basis(of reading: KRReading) -> Basis {
        if reading.kind == .milestone { return .milestone }
        switch (reading.baseline, reading.target) {
        case (let baseline?, let target?):
            guard baseline.value != target.value else {
                return .unscorable(reason: "its baseline and target are the same (\(target.text)), so there is nothing to move",
                                   fix: "if the level only needs to hold, keep it as a KPI; if it must move, write the level to reach")
            }
            return .numeric(baseline: baseline, target: target, unit: reading.unit ?? target.unit ?? baseline.unit)
        case (nil, let target?):
            return .unscorable(reason: "it has a target (\(target.text)) but no baseline, so progress has nothing to start from",
                               fix: "write it as 'from X to \(target.text)'; the value when the cycle began is the baseline")
        case (let baseline?, nil):
            return .unscorable(reason: "it has a baseline (\(baseline.text)) but no target",
                               fix: "write it as 'from \(baseline.text) to Y' with the level that would mean success")
        case (nil, nil):
            if let change = reading.change {
                return .unscorable(reason: "it says how much to move (\(change.text)) but not from where",
                                   fix: "write it as 'from X to Y' with today's value and the target it implies")
            }
            return .unscorable(reason: "it has no baseline and no target to measure against",
                               fix: "write it as a change 'from X to Y', or as a milestone that is done or not")
        }
    }

    /// The score of one reading of a key result on `basis`.
    public static func score(_ basis: Basis, value: Double?, done: Bool?) -> Result {
        switch basis {
        case .unscorable(let reason, let fix):
            return .unscorable(reason: reason, fix: fix)
        case .milestone:
            guard let done else { return .notCheckedIn }
            return .scored(done ? 1 : 0)
        case .numeric(let baseline, let target, _):
            guard let value else { return .notCheckedIn }
            let raw = (value - baseline.value) / (target.value - baseline.value)
            return .scored(min(1, max(0, raw)))
        }
    }

    /// A key result's score from its latest check-in that says where it stands.
    public static func keyResult(_ text: String, history: [CheckIn]) -> Result {
        let latest = history.last(where: \.hasReading)
        return score(basis(of: text), value: latest?.value, done: latest?.done)
    }

    /// The mean, or nil when there is nothing to average.
    public static func mean(_ scores: [Double]) -> Double? {
        scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
    }

    /// Two decimals, as scores are shown everywhere: `0.70`.
    public static func format(_ score: Double) -> String {
        let hundredths = Int((score * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// Rounded to two decimals for storing and JSON, so both backends and every reader agree.
    public static func rounded(_ score: Double) -> Double {
        (score * 100).rounded() / 100
    }
}
