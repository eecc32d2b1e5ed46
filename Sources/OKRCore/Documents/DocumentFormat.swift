/// The formats an OKR document can be written in, chosen by file extension.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case markdown, yaml, json

    public init(path: String) {
        let lower = path.lowercased()
        if lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") {
            self = .yaml
        } else if lower.hasSuffix(".json") {
            self = .json
        } else {
            self = .markdown
        }
    }
}

public enum DocumentReader {
    /// Reads a document's text. `reference` is the day relative timeframes ("this quarter") mean.
    public static func read(_ text: String, file: String, format: DocumentFormat, reference: CalendarDay) throws(DocumentError) -> OKRSet {
        let set: OKRSet
        switch format {
        case .markdown: set = try MarkdownReader(file: file, reference: reference).read(text)
        case .yaml, .json: set = try StructuredReader(file: file, reference: reference).read(text)
        }
        try Limits.check(set, file: file)
        return set
    }
}
