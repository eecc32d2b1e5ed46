/// One line of a set that can be checked in on: a key result or a KPI, by objective and position.
/// Key results read as `/show` prints them: `2.1` is objective 2's first key result, and the plain
/// set-wide number (`3`) works too; KPIs are `K1`, `K2`... across the set.
public struct SetItem: Codable, Hashable, Sendable, Comparable {
    public enum Kind: String, Codable, Hashable, Sendable {
        case keyResult = "kr"
        case kpi
    }

    public var kind: Kind
    /// 0-based objective position.
    public var objective: Int
    /// 0-based position among the objective's key results (or KPIs).
    public var index: Int

    public init(_ kind: Kind, objective: Int, index: Int) {
        self.kind = kind
        self.objective = objective
        self.index = index
    }

    public static func < (a: SetItem, b: SetItem) -> Bool {
        (a.kind == .keyResult ? 0 : 1, a.objective, a.index) < (b.kind == .keyResult ? 0 : 1, b.objective, b.index)
    }

    /// Every key result in document order, then every KPI.
    public static func all(in set: OKRSet) -> [SetItem] {
        var items: [SetItem] = []
        for (o, objective) in set.objectives.enumerated() {
            for k in objective.keyResults.indices { items.append(SetItem(.keyResult, objective: o, index: k)) }
        }
        for (o, objective) in set.objectives.enumerated() {
            for k in objective.kpis.indices { items.append(SetItem(.kpi, objective: o, index: k)) }
        }
        return items
    }

    /// How the item is named on screen: `1.2` or `K1`.
    public func label(in set: OKRSet) -> String {
        switch kind {
        case .keyResult: return "\(objective + 1).\(index + 1)"
        case .kpi:
            let before = set.objectives.prefix(objective).reduce(0) { $0 + $1.kpis.count }
            return "K\(before + index + 1)"
        }
    }

    /// The line as written: a key result's text, or a KPI's one-line form.
    public func text(in set: OKRSet) -> String? {
        guard set.objectives.indices.contains(objective) else { return nil }
        let o = set.objectives[objective]
        switch kind {
        case .keyResult: return o.keyResults.indices.contains(index) ? o.keyResults[index].text : nil
        case .kpi: return o.kpis.indices.contains(index) ? o.kpis[index].line : nil
        }
    }

    public enum ReferenceError: Error, Equatable, CustomStringConvertible {
        case notFound(String, keyResults: Int, kpis: Int)

        public var description: String {
            switch self {
            case .notFound(let reference, let keyResults, let kpis):
                let range = keyResults == 0 ? "the set has no key results" : "key results are 1 to \(keyResults) (or 1.1, 2.1 ... by objective)"
                let kpiRange = kpis == 0 ? "" : ", KPIs K1 to K\(kpis)"
                return "no key result or KPI '\(reference)': \(range)\(kpiRange)"
            }
        }
    }

    /// Reads `3`, `2.1` or `K1` against `set`.
    public static func find(_ reference: String, in set: OKRSet) throws(ReferenceError) -> SetItem {
        let text = reference.trimmingCharacters(in: .whitespaces)
        let all = Self.all(in: set)
        let keyResults = all.filter { $0.kind == .keyResult }
        let kpis = all.filter { $0.kind == .kpi }
        let failure = ReferenceError.notFound(reference, keyResults: keyResults.count, kpis: kpis.count)
        if let first = text.first, first == "K" || first == "k" {
            guard let n = Int(text.dropFirst()), kpis.indices.contains(n - 1) else { throw failure }
            return kpis[n - 1]
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2 {
            guard let o = Int(parts[0]), let k = Int(parts[1]), set.objectives.indices.contains(o - 1),
                  set.objectives[o - 1].keyResults.indices.contains(k - 1) else { throw failure }
            return SetItem(.keyResult, objective: o - 1, index: k - 1)
        }
        guard parts.count == 1, let n = Int(text), keyResults.indices.contains(n - 1) else { throw failure }
        return keyResults[n - 1]
    }
}
