import Foundation

/// The short answers the coach understands wherever it asks a question.
enum Answer: Equatable {
    case yes, no, keep, done, kpi, use, another, finish, cancel, delete, other

    init(_ line: String) {
        switch line.lowercased().trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) {
        case "y", "yes", "yep", "sure", "ok", "okay": self = .yes
        case "n", "no", "nope", "later", "not now": self = .no
        case "keep", "keep it", "k": self = .keep
        case "done", "that's all", "thats all", "no more": self = .done
        case "kpi", "demote", "make it a kpi": self = .kpi
        case "use", "use it", "use that", "take it": self = .use
        case "another", "another objective", "next", "more": self = .another
        case "finish", "finished", "end", "save": self = .finish
        case "cancel", "stay", "back": self = .cancel
        case "delete", "discard", "throw it away": self = .delete
        default: self = .other
        }
    }

    /// Command names typed without their slash: as a whole line they are never meant as text.
    static let bareCommands: Set<String> = ["help", "undo", "quit", "exit", "show", "why"]
}
