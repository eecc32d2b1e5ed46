import Foundation
import GRDB

/// SQLite through GRDB: a `DatabasePool` in WAL mode, so readers never wait for a writer, and
/// writes in IMMEDIATE transactions, so two processes saving at once queue instead of racing.
public final class SQLiteDatabase: SQLDatabase {
    public let displayName: String
    /// IMMEDIATE transactions already serialise migrations.
    public let migrationLock: String? = nil
    private let pool: DatabasePool
    /// Set when the store could only be opened for reading (a read-only file, or a writer that
    /// held the lock while we opened): reading works, and writing reports this at once.
    private let writeRefusal: StoreError?

    /// How long a writer waits for another before the store reports it locked, unless told otherwise.
    public static let defaultBusyTimeout: TimeInterval = 5

    /// `busyTimeout`: how long a writer waits for another before the store reports it locked.
    public init(path: String, busyTimeout: TimeInterval = SQLiteDatabase.defaultBusyTimeout) throws(StoreError) {
        displayName = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            pool = try DatabasePool(path: path, configuration: configuration)
            writeRefusal = nil
        } catch {
            // Opening for writing sets up WAL mode, which writes. A store that is read-only, or
            // locked by a writer right now, can still be read: open it for reading only.
            let refusal = Self.classify(error, store: path)
            switch refusal {
            case .readOnly, .locked:
                guard FileManager.default.fileExists(atPath: path) else { throw refusal }
                configuration.readonly = true
                do {
                    pool = try Self.openForReading(path, configuration)
                } catch {
                    throw refusal
                }
                writeRefusal = refusal
            default:
                throw refusal
            }
        }
    }

    /// Reading a WAL store needs its -wal and -shm files, which SQLite creates beside it. In a
    /// folder we may not write to (a read-only mount), they can only be missing when no one has
    /// the store open, so it is read as immutable: SQLite then needs neither.
    private static func openForReading(_ path: String, _ configuration: Configuration) throws -> DatabasePool {
        do {
            return try DatabasePool(path: path, configuration: configuration)
        } catch {
            let folder = (path as NSString).deletingLastPathComponent
            guard access(folder.isEmpty ? "." : folder, W_OK) != 0 else { throw error }
            return try DatabasePool(path: URL(fileURLWithPath: path).absoluteString + "?immutable=1", configuration: configuration)
        }
    }

    @discardableResult
    public func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        if let writeRefusal { throw writeRefusal }
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(Session(db: db, store: displayName))
                    return .commit
                }
                return result!
            }
        } catch let error as StoreError {
            throw error
        } catch let error as SQLFailure {
            throw error
        } catch {
            throw Self.classify(error, store: displayName)
        }
    }

    @discardableResult
    public func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        do {
            return try pool.read { db in try body(Session(db: db, store: displayName)) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw Self.classify(error, store: displayName)
        }
    }

    static func classify(_ error: Error, store: String) -> StoreError {
        if let error = error as? DatabaseError {
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(store: store)
            case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(store: store)
            case .SQLITE_CANTOPEN: return .unreachable(store: store, reason: "cannot open the file")
            case .SQLITE_NOTADB: return .unreachable(store: store, reason: "the file is not an okr store")
            default: return .failed(store: store, reason: error.message ?? "\(error)")
            }
        }
        if let error = error as? SQLFailure {
            switch error {
            case .locked: return .locked(store: store)
            case .readOnly: return .readOnly(store: store)
            case .uniqueViolation(let what), .other(let what): return .failed(store: store, reason: what)
            }
        }
        return .failed(store: store, reason: "\(error)")
    }

    /// Every statement is compiled once per connection and kept (GRDB's statement cache): a
    /// save runs the same few INSERTs many times, and compiling them was most of its cost.
    private struct Session: SQLSession {
        let db: Database
        let store: String

        private func statement(_ sql: String, _ arguments: [String?]) throws -> Statement {
            try SQLText.refuseNUL(in: arguments, store: store)
            let statement = try db.cachedStatement(sql: sql)
            // Existentials, not `[DatabaseValue]`: GRDB converts a sequence of concrete values
            // through a key path, which cost a third of a save.
            let values: [(any DatabaseValueConvertible)?] = arguments.map { $0 }
            statement.setUncheckedArguments(StatementArguments(values))
            return statement
        }

        @discardableResult
        func execute(_ sql: String, _ arguments: [String?]) throws -> Int {
            do {
                try statement(sql, arguments).execute()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                throw SQLFailure.uniqueViolation(error.message ?? "constraint")
            }
            return db.changesCount
        }

        func query(_ sql: String, _ arguments: [String?]) throws -> [[String?]] {
            let rows = try Row.fetchCursor(statement(sql, arguments))
            var result: [[String?]] = []
            while let row = try rows.next() {
                result.append(row.databaseValues.map { value in
                    switch value.storage {
                    case .null: return nil
                    case .int64(let value): return String(value)
                    case .double(let value): return String(value)
                    case .string(let value): return value
                    case .blob(let data): return String(decoding: data, as: UTF8.self)
                    }
                })
            }
            return result
        }
    }
}
