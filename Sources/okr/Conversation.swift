import Foundation
import LineEditor
import OKRCore

/// What the cycle commands share with the coach's session: the same line editor (readline on a
/// terminal, plain echoed lines from a pipe, so transcripts replay them) and the same look.
enum Conversation {
    static func editor(_ folder: DataFolder) -> any LineEditor {
        isatty(STDIN_FILENO) == 1 ? ReadlineLineEditor(historyPath: folder.history.path) : PlainLineEditor(clean: TerminalSafe.clean)
    }

    static func prompt(_ editor: any LineEditor) -> String {
        editor.interactive ? Terminal.promptMarker("> ") : ""
    }

    static func show(_ messages: [CoachMessage]) {
        CoachRenderer(width: CoachRenderer.currentWidth()).show(messages.filter { !($0.kind == .say && $0.text.isEmpty) }.map(safe))
    }

    /// Set text comes from a shared store: no escape codes reach the screen, line by line.
    private static func safe(_ message: CoachMessage) -> CoachMessage {
        let text = message.text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalSafe.clean(String($0)) }.joined(separator: "\n")
        if message.kind == .say { return .say(text) }
        if message.kind == .ask { return .ask(text) }
        if message.kind == .problem { return .problem(text) }
        return message
    }
}
