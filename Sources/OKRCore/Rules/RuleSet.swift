/// The rules in force: the built-in ones from `rules/`, overridden or extended by a team's
/// own folder, adjusted by its configuration.
public struct RuleSet: Sendable {
    public private(set) var rules: [Rule]

    public init(rules: [Rule]) {
        self.rules = rules.sorted { $0.id < $1.id }
    }

    /// The rules embedded from the top-level `rules/` folder at build time.
    public static func builtIn() throws(RuleFileError) -> RuleSet {
        try RuleSet(files: EmbeddedRules.files.filter { !$0.path.contains("/") && $0.path.hasSuffix(".yml") }
            .map { (path: "rules/" + $0.path, text: $0.text) })
    }

    /// Loads rule files; two files with the same id is an error, since one would hide the other.
    public init(files: [(path: String, text: String)]) throws(RuleFileError) {
        var byID: [String: Rule] = [:]
        for file in files {
            let rule = try RuleLoader.load(yaml: file.text, file: file.path)
            if let other = byID[rule.id] {
                throw RuleFileError(file: file.path, line: 1, problem: "rule id '\(rule.id)' is already defined in \(other.origin)")
            }
            byID[rule.id] = rule
        }
        self.init(rules: Array(byID.values))
    }

    /// Rules from `other` replace those with the same id and add the rest.
    public func overridden(by other: RuleSet) -> RuleSet {
        var byID = Dictionary(uniqueKeysWithValues: rules.map { ($0.id, $0) })
        for rule in other.rules { byID[rule.id] = rule }
        return RuleSet(rules: Array(byID.values))
    }

    public func configured(_ config: RuleConfig) -> RuleSet {
        RuleSet(rules: rules.compactMap { rule in
            guard !config.disabled.contains(rule.id) else { return nil }
            var rule = rule
            if let severity = config.severities[rule.id] { rule.severity = severity }
            return rule
        })
    }

    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }

    public var ids: [String] { rules.map(\.id) }
}
