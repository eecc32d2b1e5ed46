/// What reading one line can end in.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C: the line being typed is dropped, the session goes on.
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// Reads the user's lines; the coach does not know whether a person or a pipe is typing.
public protocol LineEditor {
    /// True when a person is at a terminal (prompts, colour, questions before quitting).
    var interactive: Bool { get }
    mutating func read(prompt: String) -> LineInput
    /// Words offered by tab completion, depending on the text before the cursor.
    mutating func setCompletions(_ provider: @escaping @Sendable (_ lineBeforeWord: String) -> [String])
}
