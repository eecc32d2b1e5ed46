/// What Tab offers in the coach, as whole lines: the adapter supplies what it knows (rule ids,
/// set ids, teams and objectives from the store) and this decides which fit the line so far.
public enum CoachCompletion {
    public struct Sources: Sendable {
        public var ruleIDs: [String]
        public var setIDs: [String]
        public var teams: [String]
        /// Objectives of stored sets, as `/parent` names them.
        public var objectives: [ParentRef]

        public init(ruleIDs: [String] = [], setIDs: [String] = [], teams: [String] = [], objectives: [ParentRef] = []) {
            self.ruleIDs = ruleIDs
            self.setIDs = setIDs
            self.teams = teams
            self.objectives = objectives
        }
    }

    /// Which store-backed names a line needs, so the adapter reads the store only when they matter.
    public static func needsStore(_ line: String) -> Bool {
        let lower = line.lowercased()
        return ["/load ", "/team ", "/parent "].contains { lower.hasPrefix($0) }
    }

    /// Complete lines that start with `line` (the text before the cursor).
    public static func candidates(for line: String, from sources: Sources) -> [String] {
        let lower = line.lowercased()
        guard lower.hasPrefix("/") else { return [] }
        guard let space = line.firstIndex(of: " ") else { return Coach.commands.filter { $0.hasPrefix(lower) } }
        let command = lower[..<space]
        var head = String(line[...space])
        var words: [String]
        switch command {
        case "/explain": words = sources.ruleIDs
        case "/load": words = sources.setIDs
        case "/team": words = sources.teams
        case "/parent":
            // "/parent O2 " names the objective first.
            let rest = line[line.index(after: space)...]
            if let first = rest.split(separator: " ", omittingEmptySubsequences: false).first, first.count >= 2,
               first.first == "O" || first.first == "o", first.dropFirst().allSatisfy(\.isNumber), rest.dropFirst(first.count).hasPrefix(" ") {
                head += first + " "
            }
            words = sources.objectives.map(\.text)
        default: words = []
        }
        return Array(Set(words.map { head + $0 }.filter { $0.hasPrefix(line) })).sorted()
    }
}
