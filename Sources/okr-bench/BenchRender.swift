import Foundation
import OKRCore

/// Renders the JSON report the way `okr check --format json` does and returns its size.
enum BenchRender {
    private struct Item: Encodable {
        var file: String, line: Int, column: Int, rule: String, severity: String, message: String, ask: String
    }

    static func json(file: String, findings: [Finding]) -> Int {
        let items = findings.map {
            Item(file: file, line: $0.location?.line ?? 1, column: $0.location?.column ?? 1, rule: $0.rule,
                 severity: $0.severity.rawValue, message: $0.message, ask: $0.ask)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(["findings": items])) ?? Data()).count
    }
}
