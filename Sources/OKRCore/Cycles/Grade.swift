/// The scores a set ended its cycle with, as recorded by `okr grade`: each key result's score
/// (or why it has none), each objective's mean, and the set's mean of its objectives.
public struct Grade: Codable, Hashable, Sendable {
    public struct KeyResultGrade: Codable, Hashable, Sendable {
        public var index: Int
        public var text: String
        public var score: Double?
        /// Why there is no score, and how to fix it, when there is none.
        public var reason: String?

        public init(index: Int, text: String, score: Double?, reason: String?) {
            self.index = index
            self.text = text
            self.score = score
            self.reason = reason
        }
    }

    public struct ObjectiveGrade: Codable, Hashable, Sendable {
        public var index: Int
        public var title: String
        public var score: Double?
        public var keyResults: [KeyResultGrade]

        public init(index: Int, title: String, score: Double?, keyResults: [KeyResultGrade]) {
            self.index = index
            self.title = title
            self.score = score
            self.keyResults = keyResults
        }
    }

    public var setVersion: Int
    public var score: Double?
    public var objectives: [ObjectiveGrade]
    public var author: String
    public var at: String

    public init(setVersion: Int, score: Double?, objectives: [ObjectiveGrade], author: String = "", at: String = "") {
        self.setVersion = setVersion
        self.score = score
        self.objectives = objectives
        self.author = author
        self.at = at
    }

    /// The grade the check-ins give `set` now; scores rounded to two decimals as they are shown.
    public init(progress: SetProgress, setVersion: Int) {
        let objectives = progress.objectives.map { o in
            ObjectiveGrade(index: o.index, title: o.title, score: o.score.map(Score.rounded), keyResults: o.keyResults.map { kr in
                let reason: String?
                switch kr.result {
                case .scored: reason = nil
                case .unscorable(let why, let fix): reason = "cannot be scored: \(why); \(fix)"
                case .notCheckedIn: reason = "no check-in yet, so no score"
                }
                return KeyResultGrade(index: kr.item.index, text: kr.text, score: kr.result.value.map(Score.rounded), reason: reason)
            })
        }
        self.init(setVersion: setVersion, score: progress.score.map(Score.rounded), objectives: objectives)
    }

    /// The key result's graded score, found by its line (so a grade still applies after reordering).
    public func score(ofKeyResult text: String, objective: Int) -> Double? {
        if objectives.indices.contains(objective), let kr = objectives[objective].keyResults.first(where: { $0.text == text }) {
            return kr.score
        }
        return objectives.lazy.flatMap(\.keyResults).first { $0.text == text }?.score
    }

    public func score(ofObjective title: String) -> Double? {
        objectives.first { $0.title == title }?.score
    }
}
