/// A team's adjustments to the rules, read from `.okr.yml`:
/// ```
/// disable: [kr-missing-baseline]
/// severity:
///   kr-is-kpi: error
/// ```
public struct RuleConfig: Hashable, Sendable {
    public var disabled: Set<String>
    public var severities: [String: Severity]

    public init(disabled: Set<String> = [], severities: [String: Severity] = [:]) {
        self.disabled = disabled
        self.severities = severities
    }

    public static func load(yaml: String, file: String, knownRules: Set<String>) throws(RuleFileError) -> RuleConfig {
        do throws(YAMLTree.Problem) {
            guard let root = try YAMLTree.parse(yaml) else { return RuleConfig() }
            let fields = try YAMLTree.mapping(root, allowed: ["disable", "severity"], what: "the configuration")
            var config = RuleConfig()
            if let node = fields["disable"] {
                for id in try YAMLTree.strings(node, what: "'disable'") {
                    guard knownRules.contains(id) else { throw YAMLTree.problem(node, "'disable' names an unknown rule '\(id)'") }
                    config.disabled.insert(id)
                }
            }
            if let node = fields["severity"] {
                let entries = try YAMLTree.mapping(node, allowed: knownRules, what: "'severity'")
                for (id, value) in entries {
                    guard let severity = Severity(rawValue: try YAMLTree.string(value, what: "a severity")) else {
                        throw YAMLTree.problem(value, "a severity must be one of: error, warning, info")
                    }
                    config.severities[id] = severity
                }
            }
            return config
        } catch {
            throw RuleFileError(file: file, line: error.line, column: error.column, problem: error.message)
        }
    }
}
