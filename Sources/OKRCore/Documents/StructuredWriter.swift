import Foundation
import Yams

/// Writes a set as YAML or JSON with the keys `StructuredReader` reads.
public enum StructuredWriter {
    struct Document: Encodable {
        var title: String
        var owner: String?
        var team: String?
        var timeframe: String?
        var objectives: [ObjectiveDocument]
    }

    struct ObjectiveDocument: Encodable {
        var title: String
        var owner: String?
        var timeframe: String?
        var parent: ParentDocument?
        var key_results: [String]
        var kpis: [KPIDocument]?
    }

    struct ParentDocument: Encodable {
        var set: String?
        var objective: String
    }

    struct KPIDocument: Encodable {
        var measurement: String, target: String, source: String, frequency: String
    }

    static func document(_ set: OKRSet) -> Document {
        Document(title: set.title, owner: set.owner, team: set.team, timeframe: set.timeframe?.label, objectives: set.objectives.map { o in
            ObjectiveDocument(title: o.title, owner: o.owner, timeframe: o.timeframe?.label, parent: o.parent.map { ParentDocument(set: $0.setID.isEmpty ? nil : $0.setID, objective: $0.objective) },
                              key_results: o.keyResults.map(\.text),
                              kpis: o.kpis.isEmpty ? nil : o.kpis.map { KPIDocument(measurement: $0.measurement, target: $0.target,
                                                                                    source: $0.source, frequency: $0.frequency) })
        })
    }

    public static func json(_ set: OKRSet) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings and arrays of strings always encode.
        return String(decoding: (try? encoder.encode(document(set))) ?? Data(), as: UTF8.self) + "\n"
    }

    public static func yaml(_ set: OKRSet) -> String {
        (try? YAMLEncoder().encode(document(set))) ?? ""
    }
}
