import ArgumentParser
import Foundation
import OKRCore
import OKRStore

/// Where sets are stored: `--store`, else `$OKR_STORE`, else `okr.sqlite` in the data folder.
/// A `postgres://` URL selects a shared PostgreSQL server.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The store: a SQLite file path or a postgres:// URL (default: $OKR_STORE, else okr.sqlite in the data folder).", valueName: "path-or-url"))
    var store: String?

    var location: String { store ?? Self.environmentStore ?? Self.defaultLocation }

    /// `$OKR_STORE`, when set.
    static var environmentStore: String? {
        ProcessInfo.processInfo.environment["OKR_STORE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var defaultLocation: String { DataFolder.current().url.appendingPathComponent("okr.sqlite").path }

    func open() throws(CLIError) -> SetStore { try Self.open(location) }

    static func open(_ location: String) throws(CLIError) -> SetStore {
        do {
            return try SetStore.open(location)
        } catch {
            throw .store(error)
        }
    }

    static var author: String {
        let env = ProcessInfo.processInfo.environment
        if let name = [env["OKR_AUTHOR"], env["USER"], env["LOGNAME"]].compactMap({ $0 }).first(where: { !$0.isEmpty }) { return name }
        // No environment to go by (cron, CI): the account's name.
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "unknown"
    }
}

/// Runs a store call, turning its error into the CLI's (one line, exit code 2).
func storeCall<T>(_ body: () throws(StoreError) -> T) throws(CLIError) -> T {
    do {
        return try body()
    } catch {
        throw .store(error)
    }
}
