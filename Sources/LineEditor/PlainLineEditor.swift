/// Standard input that is not a terminal: plain lines, no prompt and no escape codes. Each line
/// is echoed after `> ` so the output reads exactly like the screen of a live session.
public struct PlainLineEditor: LineEditor {
    public let interactive = false
    private let echo: Bool

    public init(echo: Bool = true) {
        self.echo = echo
    }

    public mutating func read(prompt: String) -> LineInput {
        guard let line = readLine(strippingNewline: true) else { return .endOfInput }
        if echo { print("> \(line)") }
        return .line(line)
    }

    public mutating func setCompletions(_ provider: @escaping @Sendable (String) -> [String]) {}
}
