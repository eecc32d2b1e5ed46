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
    /// True when the next line is already waiting (piped input read ahead): the caller may do
    /// several lines' work before making it durable and showing it.
    var hasPendingInput: Bool { get }
    /// What Tab offers: whole lines that may replace the text before the cursor, so that an
    /// argument with spaces in it ("/parent sales-q1-2027 / Win the mid-market") completes as one.
    mutating func setCompletions(_ provider: @escaping @Sendable (_ lineBeforeCursor: String) -> [String])
}
