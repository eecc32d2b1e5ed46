import Foundation

/// A line of the draft as the user names it, the way `/show` numbers it: `2.3` (objective 2,
/// key result 3), `7` (the seventh key result of the set), `O2` (objective 2), `K1` (the first
/// KPI of the set). Numbers are compared, never computed with, so no typed number can overflow.
enum DraftAddress: Equatable {
    case objective(Int)
    case keyResult(objective: Int, index: Int)
    case kpi(objective: Int, index: Int)

    /// Finds the line `text` names in `set`, or says why there is none.
    static func parse(_ text: String, in set: OKRSet) -> Result<DraftAddress, Problem> {
        let raw = text.trimmingCharacters(in: .whitespaces)
        guard let first = raw.first else { return .failure(.notAnAddress(raw)) }
        if first == "O" || first == "o" {
            guard let n = number(raw.dropFirst()) else { return .failure(.notAnAddress(raw)) }
            guard n >= 1, n <= set.objectives.count else { return .failure(.noObjective(raw.uppercased(), count: set.objectives.count)) }
            return .success(.objective(n - 1))
        }
        if first == "K" || first == "k" {
            guard let n = number(raw.dropFirst()) else { return .failure(.notAnAddress(raw)) }
            var remaining = n
            guard remaining >= 1 else { return .failure(.noKPI(raw.uppercased())) }
            for (o, objective) in set.objectives.enumerated() {
                if remaining <= objective.kpis.count { return .success(.kpi(objective: o, index: remaining - 1)) }
                remaining -= objective.kpis.count
            }
            return .failure(.noKPI(raw.uppercased()))
        }
        let parts = raw.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let o = number(parts[0]), let k = number(parts[1]) else { return .failure(.notAnAddress(raw)) }
            guard o >= 1, o <= set.objectives.count else { return .failure(.noObjective("O\(parts[0])", count: set.objectives.count)) }
            let count = set.objectives[o - 1].keyResults.count
            guard k >= 1, k <= count else { return .failure(.noKeyResult(raw, objective: o, count: count)) }
            return .success(.keyResult(objective: o - 1, index: k - 1))
        }
        guard parts.count == 1, let n = number(raw) else { return .failure(.notAnAddress(raw)) }
        // The set-wide number: count down through the objectives (only ever subtracting counts
        // from a positive number, so it cannot overflow).
        var remaining = n
        guard remaining >= 1 else { return .failure(.noSetWideKeyResult(raw, total: set.keyResultCount)) }
        for (o, objective) in set.objectives.enumerated() {
            if remaining <= objective.keyResults.count { return .success(.keyResult(objective: o, index: remaining - 1)) }
            remaining -= objective.keyResults.count
        }
        return .failure(.noSetWideKeyResult(raw, total: set.keyResultCount))
    }

    /// Digits only (no sign, no spaces); nil when they do not fit an Int.
    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private static func number(_ text: String) -> Int? { number(Substring(text)) }

    enum Problem: Error, Equatable, CustomStringConvertible {
        case notAnAddress(String)
        case noObjective(String, count: Int)
        case noKeyResult(String, objective: Int, count: Int)
        case noSetWideKeyResult(String, total: Int)
        case noKPI(String)

        var description: String {
            switch self {
            case .notAnAddress(let text):
                return "'\(text)' is not a line of the draft; use a number as /show prints it: 2.3, O2 or K1."
            case .noObjective(let name, let count):
                return "There is no objective \(name); the draft has \(count == 0 ? "none yet" : count == 1 ? "O1 only" : "O1 to O\(count)")."
            case .noKeyResult(let name, let o, let count):
                return "There is no key result \(name): objective \(o) has " + (count == 0 ? "none yet." : count == 1 ? "\(o).1 only." : "\(o).1 to \(o).\(count).")
            case .noSetWideKeyResult(let name, let total):
                return "There is no key result \(name); the set has \(total). /show numbers them."
            case .noKPI(let name):
                return "There is no KPI \(name); /show numbers them K1, K2, ..."
            }
        }
    }
}

extension DraftAddress {
    /// How confirmations name a key result: "key result 2.3 of objective 2 (Win the mid-market)".
    static func keyResultName(_ o: Int, _ k: Int, in set: OKRSet) -> String {
        "key result \(o + 1).\(k + 1) of objective \(o + 1) (\(set.objectives[o].title))"
    }

    static func kpiNumber(_ o: Int, _ k: Int, in set: OKRSet) -> Int {
        set.objectives[..<o].reduce(0) { $0 + $1.kpis.count } + k + 1
    }
}
