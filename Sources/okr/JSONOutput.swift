import Foundation
import ArgumentParser

/// The `--format json` output of the store and cycle commands: keys sorted, absent values as
/// explicit nulls (so every documented key is always there), one object per run.
enum JSONOutput {
    static func text(_ object: [String: Any]) -> String {
        // Only strings, numbers, booleans, nulls, arrays and dictionaries are ever passed in.
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A value or JSON null.
    static func value(_ value: Any?) -> Any { value ?? NSNull() }
}

/// `--format text|json` of the store and cycle commands.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, json }
