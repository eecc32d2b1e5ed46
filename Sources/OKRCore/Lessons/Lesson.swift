/// One lesson of `okr learn`: a short text, then exercises judged by the real rule engine.
public struct Lesson: Hashable, Sendable {
    public var number: Int
    public var title: String
    public var text: String
    public var exercises: [Exercise]
    /// A sample set from `rules/examples/` shown with its findings, to see the lesson in a whole set.
    public var example: String?
    public var origin: String
}

/// An exercise: the learner writes one line, and the rules decide. There are no canned answers,
/// only rules that must stay quiet on the line (`mustNot`) or must speak (`mustFlag`).
public struct Exercise: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case kr, objective }

    public var ask: String
    public var kind: Kind
    public var mustNot: [String]
    public var mustFlag: [String]
    /// Key results already under the objective, for exercises about adding one more.
    public var earlier: [String]
    public var hint: String
    /// What a right answer is, in the learner's words ("a level to hold: a KPI"), for the praise
    /// and for saying what is missing.
    public var goal: String?
    /// Answers that must pass and typical wrong ones that must be caught: they are tests.
    public var good: [String]
    public var wrong: [String]
}
