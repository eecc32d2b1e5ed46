@preconcurrency import CReadline
#if canImport(Glibc)
import Glibc
#endif

// readline calls back into plain C functions, which cannot capture context: these globals are
// the only state they share with the editor. Only the main thread touches them.
nonisolated(unsafe) private var completedLine: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var lineDone = false
nonisolated(unsafe) private var signalPipe: [Int32] = [-1, -1]
nonisolated(unsafe) private var completionProvider: (@Sendable (String) -> [String])?
nonisolated(unsafe) private var currentMatches: [String] = []

/// GNU readline through its callback interface, driven by poll() on standard input and a
/// self-pipe the signal handlers write to. A blocking readline() would see Ctrl-C only after
/// the next key; this way Ctrl-C drops the half-typed line at once and the session goes on.
public struct ReadlineLineEditor: LineEditor {
    public let interactive = true
    /// A person types one line at a time: each is made durable and answered on its own.
    public let hasPendingInput = false
    private let historyPath: String?

    public init(historyPath: String?) {
        self.historyPath = historyPath
        rl_readline_name = UnsafePointer(strdup("okr"))  // for `$if okr` in ~/.inputrc
        rl_catch_signals = 0
        rl_catch_sigwinch = 0
        rl_attempted_completion_function = complete
        // Completion works on the whole line (no character breaks a word), so candidates with
        // spaces in them complete as one; the list shown leaves out the command they share.
        rl_completer_word_break_characters = UnsafePointer(strdup("\n"))
        rl_completion_display_matches_hook = displayMatches
        using_history()
        stifle_history(1000)
        if let historyPath { read_history(historyPath) }
        if pipe(&signalPipe) == 0 {
            _ = fcntl(signalPipe[0], F_SETFL, O_NONBLOCK)
            _ = fcntl(signalPipe[1], F_SETFL, O_NONBLOCK)
        }
        signal(SIGINT, onSignal)
        signal(SIGWINCH, onSignal)
    }

    public mutating func setCompletions(_ provider: @escaping @Sendable (String) -> [String]) {
        completionProvider = provider
    }

    public mutating func read(prompt: String) -> LineInput {
        lineDone = false
        completedLine = nil
        rl_callback_handler_install(prompt, lineHandler)
        defer { rl_callback_handler_remove() }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: signalPipe[0], events: Int16(POLLIN), revents: 0)]
        while !lineDone {
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, -1)
            if ready < 0 { continue }  // EINTR: the self-pipe says which signal
            if fds[1].revents & Int16(POLLIN) != 0 {
                var signalNumber: Int32 = 0
                var interrupted = false
                while Glibc.read(signalPipe[0], &signalNumber, MemoryLayout<Int32>.size) > 0 {
                    if signalNumber == SIGINT { interrupted = true } else { rl_resize_terminal() }
                }
                if interrupted {
                    rl_free_line_state()
                    rl_callback_sigcleanup()
                    // Clear the line buffer so the next prompt starts empty.
                    rl_replace_line("", 0)
                    fputs("^C", rl_outstream ?? stdout)
                    rl_crlf()
                    return .interrupted
                }
            }
            if fds[0].revents & Int16(POLLIN | POLLHUP) != 0 {
                rl_callback_read_char()
            }
        }
        guard let raw = completedLine else { return .endOfInput }
        defer { free(raw) }
        let line = String(cString: raw)
        // Completion leaves a trailing space; keep history clean of it.
        let trimmed = line.trimmingTrailingSpaces()
        if !trimmed.isEmpty, !isRepeatOfLastHistoryEntry(trimmed) {
            add_history(trimmed)
            if let historyPath {
                if append_history(1, historyPath) != 0 { write_history(historyPath) }
                history_truncate_file(historyPath, 1000)
            }
        }
        return .line(line)
    }

    private func isRepeatOfLastHistoryEntry(_ line: String) -> Bool {
        guard history_length > 0, let entry = history_get(history_base + history_length - 1), let text = entry.pointee.line else {
            return false
        }
        return String(cString: text) == line
    }
}

private func lineHandler(_ line: UnsafeMutablePointer<CChar>?) {
    completedLine = line
    lineDone = true
    // Remove the handler here: left installed, readline redisplays an empty prompt at once.
    rl_callback_handler_remove()
}

private func onSignal(_ signalNumber: Int32) {
    var number = signalNumber
    _ = write(signalPipe[1], &number, MemoryLayout<Int32>.size)
}

private func complete(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1  // never fall back to file names
    let word = text.map { String(cString: $0) } ?? ""
    currentMatches = (completionProvider?(word) ?? []).filter { $0.hasPrefix(word) }
    return rl_completion_matches(text, completionGenerator)
}

/// Lists the matches without the command word they all start with ("/parent "), which would
/// only repeat on every line.
private func displayMatches(_ matches: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ count: Int32, _ maxLength: Int32) {
    guard let matches, count > 0 else { return }
    // matches[0] is the common prefix; the candidates follow.
    let all = (1...Int(count)).compactMap { matches[$0].map { String(cString: $0) } }
    let shared = all.first.map { first -> String in
        guard first.hasPrefix("/"), let space = first.firstIndex(of: " ") else { return "" }
        let head = String(first[...space])
        return all.allSatisfy { $0.hasPrefix(head) } ? head : ""
    } ?? ""
    let shown = all.map { String($0.dropFirst(shared.count)) }
    var pointers: [UnsafeMutablePointer<CChar>?] = [strdup("")] + shown.map { strdup($0) } + [nil]
    let longest = Int32(shown.map(\.utf8.count).max() ?? 0)
    pointers.withUnsafeMutableBufferPointer { buffer in
        rl_display_match_list(buffer.baseAddress, count, longest)
    }
    for pointer in pointers { free(pointer) }
    rl_forced_update_display()
}

private func completionGenerator(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    // `state` counts the matches already returned, so no extra bookkeeping is needed.
    let index = Int(state)
    guard index < currentMatches.count else { return nil }
    return strdup(currentMatches[index])
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
