/// The largest inputs okr accepts. Each is refused with a clear error when reached, so no input
/// can make okr hang or run out of memory; the README's "Limits" section lists them.
public enum Limits {
    /// The largest document, rule file or configuration file, in bytes (128 MiB): checked
    /// before the file is read into memory.
    public static let documentBytes = 128 * 1024 * 1024

    /// The longest line of a Markdown or YAML document, rule file or configuration file, in
    /// bytes (64 KiB). JSON may hold a whole document on one line, so for JSON (and for YAML's
    /// quoted texts) the same limit applies to each text value instead.
    public static let lineBytes = 64 * 1024

    /// The most key results one document may hold.
    public static let keyResults = 1_000_000

    /// The most nodes YAML aliases (`*name`) may add to a document, counted as if each alias
    /// were written out in full. More is refused as an alias bomb before it is expanded.
    public static let yamlAliasNodes = 100_000

    /// Refuses a set with more key results than `keyResults`, naming the first one too many.
    static func check(_ set: OKRSet, file: String) throws(DocumentError) {
        guard set.keyResultCount > keyResults else { return }
        var seen = 0
        for objective in set.objectives {
            guard seen + objective.keyResults.count > keyResults else {
                seen += objective.keyResults.count
                continue
            }
            let location = objective.keyResults[keyResults - seen].location
            throw DocumentError(file: file, line: location?.line ?? 1, column: location?.column ?? 1,
                                problem: "more than \(keyResults) key results; okr checks documents of up to \(keyResults)")
        }
    }

    /// A byte count as people read it: "128 MiB", "64 KiB", "900 bytes".
    public static func describe(bytes: Int) -> String {
        if bytes >= 1024 * 1024, bytes % (1024 * 1024) == 0 { return "\(bytes / (1024 * 1024)) MiB" }
        if bytes >= 1024, bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }
}
