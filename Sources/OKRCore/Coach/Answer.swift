import Foundation

/// The short answers the coach understands wherever it asks a question.
enum Answer: Equatable {
    case yes, no, keep, done, kpi, another, finish, cancel, other

    init(_ line: String) {
        switch line.lowercased().trimmingCharacters(in: .punctuationCharacters) {
        case "y", "yes", "yep", "sure", "ok", "okay": self = .yes
        case "n", "no", "nope": self = .no
        case "keep", "keep it", "k": self = .keep
        case "done", "that's all", "thats all", "no more": self = .done
        case "kpi", "demote", "make it a kpi": self = .kpi
        case "another", "another objective", "next", "more": self = .another
        case "finish", "finished", "end", "save": self = .finish
        case "cancel", "stay", "back": self = .cancel
        default: self = .other
        }
    }
}
