import Foundation
import Yams

/// Reads lesson files, checking them fully at load time like rule files.
public enum LessonLoader {
    public static func load(yaml: String, file: String, knownRules: Set<String>) throws(RuleFileError) -> Lesson {
        do throws(YAMLTree.Problem) {
            guard let root = try YAMLTree.parse(yaml) else { throw YAMLTree.Problem(line: 1, column: 1, message: "the lesson file is empty") }
            let fields = try YAMLTree.mapping(root, allowed: ["number", "title", "text", "example", "exercises"], what: "a lesson")
            func required(_ key: String) throws(YAMLTree.Problem) -> Node {
                guard let node = fields[key] else { throw YAMLTree.problem(root, "the lesson has no '\(key)'") }
                return node
            }
            let number = try YAMLTree.integer(try required("number"), what: "'number'")
            let title = try YAMLTree.string(try required("title"), what: "'title'")
            let text = try YAMLTree.string(try required("text"), what: "'text'").trimmingCharacters(in: .whitespacesAndNewlines)
            var exercises: [Exercise] = []
            for node in try YAMLTree.sequence(try required("exercises"), what: "'exercises'") {
                exercises.append(try exercise(node, knownRules: knownRules))
            }
            guard !exercises.isEmpty else { throw YAMLTree.problem(root, "a lesson needs at least one exercise") }
            var example: String?
            if let node = fields["example"] {
                let path = try YAMLTree.string(node, what: "'example'")
                guard EmbeddedRules.files.contains(where: { $0.path == "examples/" + path }) else {
                    throw YAMLTree.problem(node, "no sample set rules/examples/\(path)")
                }
                example = path
            }
            return Lesson(number: number, title: title, text: text, exercises: exercises, example: example, origin: file)
        } catch {
            throw RuleFileError(file: file, line: error.line, column: error.column, problem: error.message)
        }
    }

    private static func exercise(_ node: Node, knownRules: Set<String>) throws(YAMLTree.Problem) -> Exercise {
        let f = try YAMLTree.mapping(node, allowed: ["ask", "kind", "must_not", "must_flag", "earlier", "hint", "goal", "good", "wrong"], what: "an exercise")
        func list(_ key: String) throws(YAMLTree.Problem) -> [String] {
            guard let n = f[key] else { return [] }
            return try YAMLTree.strings(n, what: "'\(key)'")
        }
        func rules(_ key: String) throws(YAMLTree.Problem) -> [String] {
            let ids = try list(key)
            if let unknown = ids.first(where: { !knownRules.contains($0) }), let n = f[key] {
                throw YAMLTree.problem(n, "'\(key)' names an unknown rule '\(unknown)'")
            }
            return ids
        }
        guard let askNode = f["ask"], let hintNode = f["hint"] else { throw YAMLTree.problem(node, "an exercise needs 'ask' and 'hint'") }
        let kindText = try f["kind"].map { n throws(YAMLTree.Problem) in try YAMLTree.string(n, what: "'kind'") } ?? "kr"
        guard let kind = Exercise.Kind(rawValue: kindText) else { throw YAMLTree.problem(f["kind"]!, "'kind' must be kr or objective") }
        let exercise = Exercise(ask: try YAMLTree.string(askNode, what: "'ask'").trimmingCharacters(in: .whitespacesAndNewlines), kind: kind,
                                mustNot: try rules("must_not"), mustFlag: try rules("must_flag"), earlier: try list("earlier"),
                                hint: try YAMLTree.string(hintNode, what: "'hint'").trimmingCharacters(in: .whitespacesAndNewlines),
                                goal: try f["goal"].map { n throws(YAMLTree.Problem) in try YAMLTree.string(n, what: "'goal'") },
                                good: try list("good"), wrong: try list("wrong"))
        guard !exercise.mustNot.isEmpty || !exercise.mustFlag.isEmpty else {
            throw YAMLTree.problem(node, "an exercise needs 'must_not' or 'must_flag': the rules are the judge")
        }
        guard !exercise.good.isEmpty, !exercise.wrong.isEmpty else {
            throw YAMLTree.problem(node, "an exercise needs 'good' and 'wrong' answers; they are its tests")
        }
        return exercise
    }

    /// The lessons built in from `rules/lessons/`, in order.
    public static func builtIn(knownRules: Set<String>) throws(RuleFileError) -> [Lesson] {
        var lessons: [Lesson] = []
        for file in EmbeddedRules.files where file.path.hasPrefix("lessons/") && file.path.hasSuffix(".yml") {
            lessons.append(try load(yaml: file.text, file: "rules/" + file.path, knownRules: knownRules))
        }
        return lessons.sorted { $0.number < $1.number }
    }
}
