import Yams

/// The texts of the findings and coaching that come from a set's history rather than its wording
/// (`stale-okr`, `missing-parent`, the grading bands). They are data in `rules/cycles/`, embedded
/// at build time like the rules, so a coach can change the words without touching the code.
public struct CycleRules: Sendable {
    /// A finding's fixed fields; `{name}` slots in the message are filled per finding.
    public struct Text: Hashable, Sendable {
        public var id: String
        public var target: RuleTarget
        public var severity: Severity
        public var message: String
        public var why: String
        public var ask: String

        /// A finding with `slots` filled into the message.
        public func finding(subject: String, location: SourceLocation?, slots: [String: String] = [:]) -> Finding {
            var filled = message
            for (name, value) in slots { filled = filled.replacingOccurrences(of: "{\(name)}", with: value) }
            return Finding(rule: id, severity: severity, target: target, message: filled, why: why, ask: ask,
                           subject: subject, location: location)
        }
    }

    /// What a grade says about a score at or above `from`.
    public struct Band: Hashable, Sendable {
        public var from: Double
        public var name: String
        public var say: String
        public var ask: String
    }

    public var staleOKR: Text
    public var missingParent: Text
    /// Highest `from` first.
    public var bands: [Band]

    /// The band a score falls in (scores below every band fall in the lowest).
    public func band(for score: Double) -> Band {
        bands.first { score >= $0.from - 1e-9 } ?? bands[bands.count - 1]
    }

    /// The texts built into okr from `rules/cycles/`.
    public static func builtIn() throws(RuleFileError) -> CycleRules {
        func file(_ name: String) throws(RuleFileError) -> String {
            guard let file = EmbeddedRules.files.first(where: { $0.path == "cycles/" + name }) else {
                throw RuleFileError(file: "rules/cycles/" + name, line: 1, problem: "missing from this build of okr")
            }
            return file.text
        }
        return try CycleRules(stale: file("stale-okr.yml"), missingParent: file("missing-parent.yml"), grading: file("grading.yml"))
    }

    public init(stale: String, missingParent: String, grading: String) throws(RuleFileError) {
        staleOKR = try Self.text(stale, file: "rules/cycles/stale-okr.yml")
        self.missingParent = try Self.text(missingParent, file: "rules/cycles/missing-parent.yml")
        bands = try Self.bands(grading, file: "rules/cycles/grading.yml")
    }

    private static func text(_ yaml: String, file: String) throws(RuleFileError) -> Text {
        do throws(YAMLTree.Problem) {
            guard let root = try YAMLTree.parse(yaml) else { throw YAMLTree.Problem(line: 1, column: 1, message: "the file is empty") }
            let fields = try YAMLTree.mapping(root, allowed: ["id", "target", "severity", "message", "why", "ask"], what: "a cycle rule")
            func value(_ key: String) throws(YAMLTree.Problem) -> String {
                guard let node = fields[key] else { throw YAMLTree.problem(root, "the file has no '\(key)'") }
                let text = try YAMLTree.string(node, what: "'\(key)'").trimmingCharacters(in: .whitespacesAndNewlines)
                guard !text.isEmpty else { throw YAMLTree.problem(node, "'\(key)' is empty") }
                return text
            }
            guard let target = RuleTarget(rawValue: try value("target")) else {
                throw YAMLTree.problem(fields["target"] ?? root, "'target' must be one of: set, objective, kr")
            }
            guard let severity = Severity(rawValue: try value("severity")) else {
                throw YAMLTree.problem(fields["severity"] ?? root, "'severity' must be one of: error, warning, info")
            }
            return Text(id: try value("id"), target: target, severity: severity, message: try value("message"),
                        why: try value("why"), ask: try value("ask"))
        } catch {
            throw RuleFileError(file: file, line: error.line, column: error.column, problem: error.message)
        }
    }

    private static func bands(_ yaml: String, file: String) throws(RuleFileError) -> [Band] {
        do throws(YAMLTree.Problem) {
            guard let root = try YAMLTree.parse(yaml) else { throw YAMLTree.Problem(line: 1, column: 1, message: "the file is empty") }
            let fields = try YAMLTree.mapping(root, allowed: ["bands"], what: "the grading file")
            guard let list = fields["bands"] else { throw YAMLTree.problem(root, "the file has no 'bands'") }
            var bands: [Band] = []
            for node in try YAMLTree.sequence(list, what: "'bands'") {
                let band = try YAMLTree.mapping(node, allowed: ["from", "name", "say", "ask"], what: "a band")
                func value(_ key: String) throws(YAMLTree.Problem) -> Node {
                    guard let value = band[key] else { throw YAMLTree.problem(node, "the band has no '\(key)'") }
                    return value
                }
                let from = try YAMLTree.number(try value("from"), what: "'from'")
                guard (0...1).contains(from) else { throw YAMLTree.problem(try value("from"), "'from' must be between 0 and 1") }
                bands.append(Band(from: from, name: try YAMLTree.string(try value("name"), what: "'name'"),
                                  say: try YAMLTree.string(try value("say"), what: "'say'").trimmingCharacters(in: .whitespacesAndNewlines),
                                  ask: try YAMLTree.string(try value("ask"), what: "'ask'").trimmingCharacters(in: .whitespacesAndNewlines)))
            }
            guard !bands.isEmpty else { throw YAMLTree.problem(list, "'bands' is empty") }
            guard bands.contains(where: { $0.from == 0 }) else { throw YAMLTree.problem(list, "one band must start 'from: 0'") }
            return bands.sorted { $0.from > $1.from }
        } catch {
            throw RuleFileError(file: file, line: error.line, column: error.column, problem: error.message)
        }
    }
}
