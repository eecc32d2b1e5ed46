import Foundation
import Yams

/// Reads the YAML and JSON forms of an OKR set (JSON is read as YAML, which keeps line numbers):
/// ```yaml
/// title: Platform team OKRs
/// timeframe: Q3 2026
/// team: Platform
/// objectives:
///   - title: Make deploys boring
///     parent: {set: engineering-q3-2026, objective: Ship with confidence}
///     key_results:
///       - Cut median deploy time from 40 to 10 minutes
///     kpis:
///       - {measurement: Uptime, target: at least 99.9%, source: Grafana, frequency: week}
/// ```
struct StructuredReader {
    let file: String
    let reference: CalendarDay

    func read(_ text: String) throws(DocumentError) -> OKRSet {
        do throws(YAMLTree.Problem) {
            guard let root = try YAMLTree.parse(text) else {
                throw YAMLTree.Problem(line: 1, column: 1, message: "the document is empty")
            }
            return try set(root)
        } catch {
            throw DocumentError(file: file, line: error.line, column: error.column, problem: error.message)
        }
    }

    private func set(_ node: Node) throws(YAMLTree.Problem) -> OKRSet {
        let fields = try YAMLTree.mapping(node, allowed: ["title", "owner", "team", "timeframe", "objectives"], what: "an OKR set")
        var set = OKRSet(location: SourceLocation(line: YAMLTree.line(node), column: YAMLTree.column(node)))
        if let title = fields["title"] {
            set.title = try YAMLTree.string(title, what: "'title'")
            set.location = location(title)
        }
        set.owner = try fields["owner"].map { n throws(YAMLTree.Problem) in try YAMLTree.string(n, what: "'owner'") }
        set.team = try fields["team"].map { n throws(YAMLTree.Problem) in try YAMLTree.string(n, what: "'team'") }
        if let tf = fields["timeframe"] { set.timeframe = try timeframe(tf) }
        guard let objectives = fields["objectives"] else { throw YAMLTree.problem(node, "the set has no 'objectives'") }
        for item in try YAMLTree.sequence(objectives, what: "'objectives'") {
            set.objectives.append(try objective(item))
        }
        guard !set.objectives.isEmpty else { throw YAMLTree.problem(objectives, "'objectives' is empty") }
        return set
    }

    private func objective(_ node: Node) throws(YAMLTree.Problem) -> Objective {
        let fields = try YAMLTree.mapping(node, allowed: ["title", "owner", "timeframe", "parent", "key_results", "kpis"], what: "an objective")
        guard let titleNode = fields["title"] else { throw YAMLTree.problem(node, "the objective has no 'title'") }
        let title = try YAMLTree.string(titleNode, what: "'title'")
        var objective: Objective
        do throws(TimeframeError) {
            objective = try Objective(title: title, reference: reference, location: location(titleNode))
        } catch {
            throw YAMLTree.problem(titleNode, error.description)
        }
        objective.owner = try fields["owner"].map { n throws(YAMLTree.Problem) in try YAMLTree.string(n, what: "'owner'") }
        if let parentNode = fields["parent"] { objective.parent = try parent(parentNode) }
        if let tf = fields["timeframe"] { objective.timeframe = try timeframe(tf) }
        if let krs = fields["key_results"] {
            for item in try YAMLTree.sequence(krs, what: "'key_results'") {
                let text: String
                let at: Node
                if case .mapping = item {
                    let krFields = try YAMLTree.mapping(item, allowed: ["text"], what: "a key result")
                    guard let textNode = krFields["text"] else { throw YAMLTree.problem(item, "the key result has no 'text'") }
                    text = try YAMLTree.string(textNode, what: "'text'")
                    at = textNode
                } else {
                    text = try YAMLTree.string(item, what: "a key result")
                    at = item
                }
                guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { throw YAMLTree.problem(item, "an empty key result") }
                objective.keyResults.append(KeyResult(text: text, location: location(at)))
            }
        }
        if let kpis = fields["kpis"] {
            for item in try YAMLTree.sequence(kpis, what: "'kpis'") {
                let f = try YAMLTree.mapping(item, allowed: ["measurement", "target", "source", "frequency"], what: "a KPI")
                func part(_ key: String) throws(YAMLTree.Problem) -> String {
                    guard let n = f[key] else { throw YAMLTree.problem(item, "the KPI has no '\(key)'") }
                    return try YAMLTree.string(n, what: "'\(key)'")
                }
                objective.kpis.append(KPI(measurement: try part("measurement"), target: try part("target"),
                                          source: try part("source"), frequency: try part("frequency"), location: location(item)))
            }
        }
        return objective
    }

    /// `{set: finance-q1-2027, objective: Close the books faster}`, or the Markdown form as one string.
    private func parent(_ node: Node) throws(YAMLTree.Problem) -> ParentRef {
        guard case .mapping = node else { return ParentRef(text: try YAMLTree.string(node, what: "'parent'")) }
        let fields = try YAMLTree.mapping(node, allowed: ["set", "objective"], what: "a parent")
        guard let objective = fields["objective"] else { throw YAMLTree.problem(node, "the parent has no 'objective'") }
        let title = try YAMLTree.string(objective, what: "'objective'").trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { throw YAMLTree.problem(objective, "the parent's 'objective' is empty") }
        let setID = try fields["set"].map { n throws(YAMLTree.Problem) in try YAMLTree.string(n, what: "'set'") } ?? ""
        return ParentRef(setID: setID.trimmingCharacters(in: .whitespaces), objective: title)
    }

    private func timeframe(_ node: Node) throws(YAMLTree.Problem) -> Timeframe {
        let text = try YAMLTree.string(node, what: "'timeframe'")
        do throws(TimeframeError) {
            return try Timeframe.parse(text, reference: reference)
        } catch {
            throw YAMLTree.problem(node, error.description)
        }
    }

    /// A scalar's position; JSON strings start at their quote, the text one column later.
    private func location(_ node: Node) -> SourceLocation {
        var column = YAMLTree.column(node)
        if case .scalar(let scalar) = node, scalar.style == .doubleQuoted || scalar.style == .singleQuoted { column += 1 }
        return SourceLocation(line: YAMLTree.line(node), column: column)
    }
}
