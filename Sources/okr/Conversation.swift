import Foundation
import LineEditor
import OKRCore

/// What the cycle commands share with the coach's session: the same line editor (readline on a
/// terminal, plain echoed lines from a pipe, so transcripts replay them) and the same look.
enum Conversation {
    static func editor(_ folder: DataFolder) -> any LineEditor {
        isatty(STDIN_FILENO) == 1 ? ReadlineLineEditor(historyPath: folder.history.path) : PlainLineEditor()
    }

    static func prompt(_ editor: any LineEditor) -> String {
        editor.interactive ? Terminal.promptMarker("> ") : ""
    }

    static func show(_ messages: [CoachMessage]) {
        for message in messages where !(message.kind == .say && message.text.isEmpty) {
            print(CoachRenderer.render(message))
        }
    }
}
