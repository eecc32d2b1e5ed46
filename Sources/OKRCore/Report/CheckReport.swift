/// The findings of one `okr check` run, and their three printed forms: compiler-style text,
/// JSON and SARIF. Text and JSON carry the same entries in the same order, so either can be
/// trusted for the other. Each form is written straight to a `ByteWriter`, finding by finding,
/// so a report of any size is never built as one string.
public struct CheckReport: Sendable {
    public struct Entry: Sendable {
        public var file: String
        public var finding: Finding
        public var line: Int { finding.location?.line ?? 1 }
        public var column: Int { finding.location?.column ?? 1 }
    }

    public private(set) var entries: [Entry] = []
    public private(set) var fileCount = 0
    private var errors = 0, warnings = 0, infos = 0

    public init() {}

    public mutating func add(file: String, findings: [Finding]) {
        fileCount += 1
        entries.reserveCapacity(entries.count + findings.count)
        for finding in findings {
            entries.append(Entry(file: file, finding: finding))
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }

    public func count(_ severity: Severity) -> Int {
        switch severity {
        case .error: return errors
        case .warning: return warnings
        case .info: return infos
        }
    }

    public var summaryLine: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(fileCount, "file")) checked: \(plural(count(.error), "error")), \(plural(count(.warning), "warning")), \(count(.info)) info"
    }

    // MARK: - Text

    /// `file:line:column: severity: message [rule]`, then the question to ask and any suggestion.
    /// With `colour`, the place is bold, the severity coloured and the coaching dim.
    public func writeText(to out: ByteWriter, colour: Bool) {
        let style = TextStyle(out: out, colour: colour)
        for entry in entries {
            let f = entry.finding
            style.begin("1")
            style.user(entry.file)
            out.write(UInt8(ascii: ":"))
            out.write(entry.line)
            out.write(UInt8(ascii: ":"))
            out.write(entry.column)
            out.write(UInt8(ascii: ":"))
            style.end()
            out.write(UInt8(ascii: " "))
            switch f.severity {
            case .error: style.begin("1;31")
            case .warning: style.begin("1;33")
            case .info: style.begin("1;36")
            }
            out.write(f.severity.rawValue)
            style.end()
            out.write(": " as StaticString)
            style.user(f.message)
            out.write(" [" as StaticString)
            style.user(f.rule)
            out.write("]\n    " as StaticString)
            style.begin("2")
            out.write("ask: " as StaticString)
            style.user(f.ask)
            style.end()
            out.write(UInt8(ascii: "\n"))
            if let suggestion = f.suggestion {
                out.write("    " as StaticString)
                style.begin("2")
                out.write("suggest: " as StaticString)
                style.user(suggestion)
                style.end()
                out.write(UInt8(ascii: "\n"))
            }
        }
        out.write(summaryLine)
        out.write(UInt8(ascii: "\n"))
    }

    /// The one place text from a file or a rule reaches the text report: escape and control
    /// sequences in it are removed, so a document cannot write them onto a terminal.
    private struct TextStyle {
        let out: ByteWriter
        let colour: Bool

        func user(_ text: String) {
            var text = text
            let plain = text.withUTF8 { bytes in
                // Nothing `TerminalSafe` would touch: no C0 control, no DEL, no C1 control (C2 80-9F).
                for i in bytes.indices {
                    let byte = bytes[i]
                    if byte < 0x20 || byte == 0x7F || (byte == 0xC2 && i + 1 < bytes.count && bytes[i + 1] < 0xA0) { return false }
                }
                out.write(bytes)
                return true
            }
            if !plain { out.write(TerminalSafe.clean(text)) }
        }

        func begin(_ code: StaticString) {
            guard colour else { return }
            out.write("\u{1B}[" as StaticString)
            out.write(code)
            out.write(UInt8(ascii: "m"))
        }

        func end() {
            if colour { out.write("\u{1B}[0m" as StaticString) }
        }
    }

    // MARK: - JSON

    /// `{"findings": [{"ask", "column", "file", "line", "message", "rule", "severity", "suggestion"?}],
    /// "summary": {"errors", "files", "info", "warnings"}}`, pretty-printed with sorted keys.
    public func writeJSON(to out: ByteWriter) {
        var json = JSONStream(out)
        json.beginObject()
        json.key("findings")
        json.beginArray()
        entries.withUnsafeBufferPointer { entries in
            // Through the pointer each field is read in place, not the whole entry copied.
            for i in entries.indices {
                let entry = entries.baseAddress! + i
                json.element()
                json.beginObject()
                json.member("ask", entry.pointee.finding.ask)
                json.member("column", entry.pointee.column)
                json.member("file", entry.pointee.file)
                json.member("line", entry.pointee.line)
                json.member("message", entry.pointee.finding.message)
                json.member("rule", entry.pointee.finding.rule)
                json.member("severity", entry.pointee.finding.severity.rawValue)
                if let suggestion = entry.pointee.finding.suggestion { json.member("suggestion", suggestion) }
                json.endObject()
            }
        }
        json.endArray()
        json.key("summary")
        json.beginObject()
        json.member("errors", count(.error))
        json.member("files", fileCount)
        json.member("info", count(.info))
        json.member("warnings", count(.warning))
        json.endObject()
        json.endObject()
    }

    // MARK: - SARIF

    /// SARIF 2.1.0, the format code-scanning services read; a finding with a suggestion carries
    /// a fix that replaces its subject's whole text (SARIF 2.1.0 §3.55-3.57). Keys sorted.
    public func writeSARIF(to out: ByteWriter, rules: [Rule], version: String) {
        func level(_ s: Severity) -> String { s == .info ? "note" : s.rawValue }
        func text(_ json: inout JSONStream, _ key: StaticString, _ value: String) {
            json.key(key)
            json.beginObject()
            json.member("text", value)
            json.endObject()
        }
        func artifact(_ json: inout JSONStream, _ uri: String) {
            json.key("artifactLocation")
            json.beginObject()
            json.member("uri", uri)
            json.endObject()
        }
        var json = JSONStream(out)
        json.beginObject()
        json.member("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
        json.key("runs")
        json.beginArray()
        json.element()
        json.beginObject()
        json.member("columnKind", "unicodeCodePoints")
        json.key("results")
        json.beginArray()
        for entry in entries {
            let f = entry.finding
            json.element()
            json.beginObject()
            if let suggestion = f.suggestion, let start = f.subjectStart {
                json.key("fixes")
                json.beginArray()
                json.element()
                json.beginObject()
                json.key("artifactChanges")
                json.beginArray()
                json.element()
                json.beginObject()
                artifact(&json, entry.file)
                json.key("replacements")
                json.beginArray()
                json.element()
                json.beginObject()
                json.key("deletedRegion")
                json.beginObject()
                json.member("endColumn", start.column + f.subject.unicodeScalars.count)
                json.member("startColumn", start.column)
                json.member("startLine", start.line)
                json.endObject()
                text(&json, "insertedContent", suggestion)
                json.endObject()
                json.endArray()
                json.endObject()
                json.endArray()
                text(&json, "description", "Try: \(suggestion)")
                json.endObject()
                json.endArray()
            }
            json.member("level", level(f.severity))
            json.key("locations")
            json.beginArray()
            json.element()
            json.beginObject()
            json.key("physicalLocation")
            json.beginObject()
            artifact(&json, entry.file)
            json.key("region")
            json.beginObject()
            json.member("startColumn", entry.column)
            json.member("startLine", entry.line)
            json.endObject()
            json.endObject()
            json.endObject()
            json.endArray()
            text(&json, "message", "\(f.message). \(f.ask)")
            json.member("ruleId", f.rule)
            json.endObject()
        }
        json.endArray()
        json.key("tool")
        json.beginObject()
        json.key("driver")
        json.beginObject()
        json.member("name", "okr")
        json.key("rules")
        json.beginArray()
        for rule in rules {
            json.element()
            json.beginObject()
            json.key("defaultConfiguration")
            json.beginObject()
            json.member("level", level(rule.severity))
            json.endObject()
            text(&json, "fullDescription", rule.why)
            text(&json, "help", rule.ask)
            json.member("id", rule.id)
            text(&json, "shortDescription", rule.message)
            json.endObject()
        }
        json.endArray()
        json.member("version", version)
        json.endObject()
        json.endObject()
        json.endObject()
        json.endArray()
        json.member("version", "2.1.0")
        json.endObject()
    }
}
