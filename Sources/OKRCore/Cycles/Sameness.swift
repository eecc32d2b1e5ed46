/// Whether two objectives or key results say the same thing, after normalisation: the analyser's
/// metric key when both lines have one ("Raise NPS from 30 to 50" and "Lift NPS from 50 to 60"
/// measure the same thing), else their wording as `duplicate-kr` folds it (lemmas without numbers,
/// stop words or change verbs, units folded), cycle names left out, overlapping by `threshold`.
public enum Sameness {
    public static let threshold = 0.6

    public static func sameKeyResult(_ a: String, _ b: String) -> Bool {
        let ra = Analyser.read(keyResult: a), rb = Analyser.read(keyResult: b)
        if let ka = ra.metricKey, let kb = rb.metricKey, !ka.isEmpty, !kb.isEmpty {
            return ka == kb && (ra.direction == nil || rb.direction == nil || ra.direction == rb.direction)
        }
        return overlap(words(a), words(b)) >= threshold
    }

    public static func sameObjective(_ a: String, _ b: String) -> Bool {
        overlap(words(a), words(b)) >= threshold
    }

    /// More than half of `current`'s key results appear in `earlier`.
    public static func mostlySameKeyResults(_ current: Objective, _ earlier: Objective) -> Bool {
        guard !current.keyResults.isEmpty else { return false }
        let shared = current.keyResults.filter { kr in earlier.keyResults.contains { sameKeyResult(kr.text, $0.text) } }.count
        return shared * 2 > current.keyResults.count
    }

    /// A line's normalised words, sorted and distinct.
    static func words(_ text: String) -> [String] {
        DuplicateRule.wording(Analyser.tag(text)).split(separator: " ").map(String.init).filter { !isCycleName($0) }
    }

    /// Shared words over all words: 1 when two lines hold the same words.
    static func overlap(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 1 }
        let shared = Set(a).intersection(b).count
        return Double(shared) / Double(Set(a).union(b).count)
    }

    /// `q3`, `h2`, `fy2027`: the cycle changes from one set to the next, the objective does not.
    private static func isCycleName(_ word: String) -> Bool {
        guard let first = word.first, "qhf".contains(first) else { return false }
        let rest = word.drop { $0.isLetter }
        return !rest.isEmpty && rest.allSatisfy(\.isNumber) && word.prefix { $0.isLetter }.count <= 2
    }
}
