#if canImport(Glibc)
import Glibc
#endif

/// Standard input that is not a terminal: plain lines, no prompt and no escape codes. Each line
/// is echoed after `> ` so the output reads exactly like the screen of a live session; `clean`
/// takes out what must not reach a terminal (the caller's rule for control sequences).
///
/// It reads standard input itself, in blocks, so it can tell whether more lines are already
/// waiting (`hasPendingInput`): a script's lines can then be saved together, with one fsync.
public struct PlainLineEditor: LineEditor {
    public let interactive = false
    private let echo: Bool
    private let clean: @Sendable (String) -> String
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false

    public init(echo: Bool = true, clean: @escaping @Sendable (String) -> String) {
        self.echo = echo
        self.clean = clean
    }

    public mutating func read(prompt: String) -> LineInput {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = String(decoding: buffer[start..<end], as: UTF8.self)
                start = newline + 1
                return deliver(line)
            }
            if ended {
                // A last line without its newline is still a line.
                guard start < buffer.count else { return .endOfInput }
                let line = String(decoding: buffer[start...], as: UTF8.self)
                start = buffer.count
                return deliver(line)
            }
            fill()
        }
    }

    private func deliver(_ line: String) -> LineInput {
        if echo { print("> \(clean(line))") }
        return .line(line)
    }

    /// True when a whole line is already read, or standard input has more right now.
    public var hasPendingInput: Bool {
        if buffer[start...].contains(UInt8(ascii: "\n")) { return true }
        if ended { return start < buffer.count }
        var poller = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, 0) > 0
    }

    private mutating func fill() {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = Glibc.read(STDIN_FILENO, &chunk, chunk.count)
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
        } else if count == 0 || errno != EINTR {
            ended = true
        }
    }

    public mutating func setCompletions(_ provider: @escaping @Sendable (String) -> [String]) {}
}
