import ArgumentParser
import Foundation
import OKRStore

/// Set ids for shell completion (`okr show <Tab>`): read from the store the command would use —
/// `--store` if it is on the line already, else `$OKR_STORE`, else the data folder's.
enum SetIDCompletion {
    static let kind = CompletionKind.custom(ids)

    @Sendable static func ids(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        var location = StoreOptions.environmentStore ?? StoreOptions.defaultLocation
        if let flag = words.firstIndex(of: "--store"), flag + 1 < words.count { location = words[flag + 1] }
        if let inline = words.first(where: { $0.hasPrefix("--store=") }) { location = String(inline.dropFirst("--store=".count)) }
        // A shell asking for completions gets nothing rather than an error when there is no store.
        guard location.contains("://") || FileManager.default.fileExists(atPath: location) else { return [] }
        do {
            let store = try SetStore.open(location)
            return try store.list().map(\.name).filter { $0.hasPrefix(prefix) }
        } catch {
            return []
        }
    }
}
