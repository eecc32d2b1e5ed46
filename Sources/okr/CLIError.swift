import OKRCore
import OKRStore

/// A failure the user can act on; printed as is, exit code 2.
enum CLIError: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case document(DocumentError)
    case rules(RuleFileError)
    case unknownRule(String, suggestion: String?)
    case invalidDate(String)
    case store(StoreError)
    case declined(String)
    /// A value the user gave that cannot be used, said with what would work.
    case input(String)
    case several([CLIError])

    var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): error: cannot read the file: \(reason)"
        case .document(let error): return error.description
        case .rules(let error): return error.description
        case .unknownRule(let id, let suggestion):
            return "error: no rule '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "; 'okr rules' lists them")
        case .invalidDate(let text): return "error: OKR_NOW='\(text)' is not a date like 2026-07-01"
        case .store(let error): return "okr: \(error.description)"
        case .declined(let what): return "okr: \(what)"
        case .input(let problem): return "okr: \(problem)"
        case .several(let errors): return errors.map(\.description).joined(separator: "\n")
        }
    }
}
