import CLibPQ
import Foundation

/// PostgreSQL through libpq, for teams that share one server. One connection per store
/// object, guarded by a lock; every statement goes through PQexecParams with text parameters.
public final class PostgresDatabase: SQLDatabase, @unchecked Sendable {
    public let displayName: String
    public let migrationLock: String? = "SELECT pg_advisory_xact_lock(7226001)"
    private let connection: OpaquePointer
    private let lock = NSLock()

    public init(url: String) throws(StoreError) {
        displayName = Self.withoutPassword(url)
        guard let connection = PQconnectdb(url) else { throw .unreachable(store: displayName, reason: "out of memory") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(connection)
            throw .unreachable(store: displayName, reason: reason.split(separator: "\n").first.map(String.init) ?? reason)
        }
        self.connection = connection
        // Server notices ("relation already exists, skipping") are not for the user's terminal.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
    }

    deinit { PQfinish(connection) }

    @discardableResult
    public func write<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try transaction(body)
    }

    @discardableResult
    public func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try transaction(body)
    }

    private func transaction<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let session = Session(connection: connection, store: displayName)
        do {
            try session.execute("BEGIN", [])
            let result = try body(session)
            try session.execute("COMMIT", [])
            return result
        } catch {
            _ = try? session.execute("ROLLBACK", [])
            if let error = error as? StoreError { throw error }
            if let error = error as? SQLFailure { throw error }
            throw StoreError.failed(store: displayName, reason: "\(error)")
        }
    }

    /// `postgres://user:secret@host/db` is shown as `postgres://user@host/db`.
    static func withoutPassword(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.password = nil
        return components.string ?? url
    }

    private struct Session: SQLSession {
        let connection: OpaquePointer
        let store: String

        /// `?` placeholders become PostgreSQL's `$1`, `$2`... (no statement here has a `?` in a literal).
        static func numbered(_ sql: String) -> String {
            var out = ""
            var n = 0
            for character in sql {
                if character == "?" {
                    n += 1
                    out += "$\(n)"
                } else {
                    out.append(character)
                }
            }
            return out
        }

        private func run(_ sql: String, _ arguments: [String?]) throws -> OpaquePointer {
            if PQstatus(connection) != CONNECTION_OK { PQreset(connection) }
            let cStrings: [UnsafeMutablePointer<CChar>?] = arguments.map { $0.map { strdup($0) } ?? nil }
            defer { cStrings.forEach { free($0) } }
            let values: [UnsafePointer<CChar>?] = cStrings.map { $0.map { UnsafePointer($0) } }
            guard let result = PQexecParams(connection, Self.numbered(sql), Int32(arguments.count), nil, values, nil, nil, 0) else {
                throw StoreError.unreachable(store: store, reason: "no answer from the server")
            }
            let status = PQresultStatus(result)
            if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK { return result }
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
            let message = String(cString: PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQclear(result)
            if PQstatus(connection) != CONNECTION_OK { throw StoreError.unreachable(store: store, reason: message) }
            switch state {
            case "23505": throw SQLFailure.uniqueViolation(message)
            case "25006", "42501": throw SQLFailure.readOnly
            case "55P03", "40P01": throw SQLFailure.locked
            default: throw SQLFailure.other(message)
            }
        }

        @discardableResult
        func execute(_ sql: String, _ arguments: [String?]) throws -> Int {
            let result = try run(sql, arguments)
            defer { PQclear(result) }
            return Int(String(cString: PQcmdTuples(result))) ?? 0
        }

        func query(_ sql: String, _ arguments: [String?]) throws -> [[String?]] {
            let result = try run(sql, arguments)
            defer { PQclear(result) }
            let rows = PQntuples(result), columns = PQnfields(result)
            return (0..<rows).map { row in
                (0..<columns).map { column in
                    PQgetisnull(result, row, column) == 1 ? nil : String(cString: PQgetvalue(result, row, column))
                }
            }
        }
    }
}
