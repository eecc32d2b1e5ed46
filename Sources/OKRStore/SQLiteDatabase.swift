import Foundation
import GRDB

/// SQLite through GRDB: a `DatabasePool` in WAL mode, so readers never wait for a writer, and
/// writes in IMMEDIATE transactions, so two processes saving at once queue instead of racing.
public final class SQLiteDatabase: SQLDatabase {
    public let displayName: String
    /// IMMEDIATE transactions already serialise migrations.
    public let migrationLock: String? = nil
    private let pool: DatabasePool

    /// `busyTimeout`: how long a writer waits for another before the store reports it locked.
    public init(path: String, busyTimeout: TimeInterval = 5) throws(StoreError) {
        displayName = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw Self.classify(error, store: path)
        }
    }

    @discardableResult
    public func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(Session(db: db))
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
            return try pool.read { db in try body(Session(db: db)) }
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

    private struct Session: SQLSession {
        let db: Database

        @discardableResult
        func execute(_ sql: String, _ arguments: [String?]) throws -> Int {
            do {
                try db.execute(sql: sql, arguments: StatementArguments(arguments.map { $0?.databaseValue ?? .null }))
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                throw SQLFailure.uniqueViolation(error.message ?? "constraint")
            }
            return db.changesCount
        }

        func query(_ sql: String, _ arguments: [String?]) throws -> [[String?]] {
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map { $0?.databaseValue ?? .null }))
            return rows.map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: return nil
                    case .int64(let value): return String(value)
                    case .double(let value): return String(value)
                    case .string(let value): return value
                    case .blob(let data): return String(decoding: data, as: UTF8.self)
                    }
                }
            }
        }
    }
}
