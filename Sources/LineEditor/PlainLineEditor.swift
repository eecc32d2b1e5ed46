/// Standard input that is not a terminal: plain lines, no prompt and no escape codes. Each line
/// is echoed after `> ` so the output reads exactly like the screen of a live session; `clean`
/// takes out what must not reach a terminal (the caller's rule for control sequences).
public struct PlainLineEditor: LineEditor {
    public let interactive = false
    private let echo: Bool
    private let clean: @Sendable (String) -> String

    public init(echo: Bool = true, clean: @escaping @Sendable (String) -> String) {
        self.echo = echo
        self.clean = clean
    }

    public mutating func read(prompt: String) -> LineInput {
        guard let line = readLine(strippingNewline: true) else { return .endOfInput }
        if echo { print("> \(clean(line))") }
        return .line(line)
    }

    public mutating func setCompletions(_ provider: @escaping @Sendable (String) -> [String]) {}
}
