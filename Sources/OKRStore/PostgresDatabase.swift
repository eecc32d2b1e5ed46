import CLibPQ
import Foundation

/// PostgreSQL through libpq, for teams that share one server. One connection per store
/// object, guarded by a lock; every statement is prepared once per connection and run with text
/// parameters. Nothing waits forever: connecting, each statement, and each wait for a lock have
/// a time limit, and so does waiting for the server's answer (a server that accepts but never
/// answers is "unreachable", not a hang).
public final class PostgresDatabase: SQLDatabase, @unchecked Sendable {
    public let displayName: String
    public let migrationLock: String? = "SELECT pg_advisory_xact_lock(7226001)"
    private let connection: OpaquePointer
    private let lock = NSLock()
    private let statements = PreparedStatements()
    /// How long the client waits for any answer before it gives up on the server.
    private let answerTimeout: TimeInterval

    public struct Timeouts: Sendable {
        /// Seconds to connect (libpq's `connect_timeout`, unless the URL sets one).
        public var connect: Int = 5
        /// Seconds one statement may run on the server (`statement_timeout`).
        public var statement: Int = 30
        /// Seconds a statement waits for another's lock before the store reports it locked (`lock_timeout`).
        public var lock: Int = 5
        public init(connect: Int = 5, statement: Int = 30, lock: Int = 5) {
            self.connect = connect
            self.statement = statement
            self.lock = lock
        }
    }

    public init(url: String, timeouts: Timeouts = Timeouts()) throws(StoreError) {
        displayName = Self.withoutPassword(url)
        answerTimeout = TimeInterval(timeouts.statement + 5)
        guard let connection = PQconnectdb(Self.withConnectTimeout(url, seconds: timeouts.connect)) else {
            throw .unreachable(store: displayName, reason: "out of memory")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
            PQfinish(connection)
            throw .unreachable(store: displayName, reason: reason.split(separator: "\n").first.map(String.init) ?? reason)
        }
        self.connection = connection
        // Server notices ("relation already exists, skipping") are not for the user's terminal.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        // Limits the URL does not set itself (in `options=-c ...`).
        var settings: [String] = []
        if !url.contains("statement_timeout") { settings.append("SET statement_timeout = '\(timeouts.statement)s'") }
        if !url.contains("lock_timeout") { settings.append("SET lock_timeout = '\(timeouts.lock)s'") }
        let session = Session(connection: connection, store: displayName, statements: statements, answerTimeout: answerTimeout)
        do {
            for setting in settings { try session.execute(setting, []) }
        } catch {
            throw .unreachable(store: displayName, reason: "\(error)")
        }
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
        let session = Session(connection: connection, store: displayName, statements: statements, answerTimeout: answerTimeout)
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

    /// libpq waits for a connection as long as the system does (minutes) unless told otherwise.
    static func withConnectTimeout(_ url: String, seconds: Int) -> String {
        guard !url.contains("connect_timeout=") else { return url }
        return url + (url.contains("?") ? "&" : "?") + "connect_timeout=\(seconds)"
    }

    /// The statements prepared on this connection so far, by their SQL. A reconnect forgets them.
    private final class PreparedStatements {
        var names: [String: String] = [:]
    }

    private struct Session: SQLSession {
        let connection: OpaquePointer
        let store: String
        let statements: PreparedStatements
        let answerTimeout: TimeInterval

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

        /// Only plain queries are prepared; schema changes and transaction control run as they are.
        static func preparable(_ sql: String) -> Bool {
            let head = sql.prefix(8).uppercased()
            return head.hasPrefix("SELECT") || head.hasPrefix("INSERT") || head.hasPrefix("UPDATE") || head.hasPrefix("DELETE")
        }

        /// Sends through libpq's asynchronous calls and waits for the answer with a time limit.
        private func run(_ sql: String, _ arguments: [String?]) throws -> OpaquePointer {
            try SQLText.refuseNUL(in: arguments, store: store)
            if PQstatus(connection) != CONNECTION_OK {
                statements.names = [:]
                PQreset(connection)
            }
            let cStrings: [UnsafeMutablePointer<CChar>?] = arguments.map { $0.map { strdup($0) } ?? nil }
            defer { cStrings.forEach { free($0) } }
            let values: [UnsafePointer<CChar>?] = cStrings.map { $0.map { UnsafePointer($0) } }
            let count = Int32(arguments.count)
            let sent: Int32
            if Self.preparable(sql) {
                let name = try prepared(sql, parameters: count)
                sent = PQsendQueryPrepared(connection, name, count, values, nil, nil, 0)
            } else {
                sent = PQsendQueryParams(connection, Self.numbered(sql), count, nil, values, nil, nil, 0)
            }
            guard sent == 1 else { throw StoreError.unreachable(store: store, reason: lastError()) }
            guard let result = try answer() else { throw StoreError.unreachable(store: store, reason: "no answer from the server") }
            return try checked(result)
        }

        /// The name of `sql` prepared on this connection, preparing it the first time.
        private func prepared(_ sql: String, parameters: Int32) throws -> String {
            if let name = statements.names[sql] { return name }
            let name = "okr_\(statements.names.count + 1)"
            guard PQsendPrepare(connection, name, Self.numbered(sql), parameters, nil) == 1 else {
                throw StoreError.unreachable(store: store, reason: lastError())
            }
            guard let result = try answer() else { throw StoreError.unreachable(store: store, reason: "no answer from the server") }
            PQclear(try checked(result))
            statements.names[sql] = name
            return name
        }

        /// Waits for the whole answer to what was sent, at most `answerTimeout`; the last result
        /// is the statement's (earlier ones are cleared).
        private func answer() throws -> OpaquePointer? {
            let deadline = Date().addingTimeInterval(answerTimeout)
            var last: OpaquePointer?
            while true {
                while PQisBusy(connection) == 1 {
                    let remaining = deadline.timeIntervalSinceNow
                    guard remaining > 0 else {
                        if let last { PQclear(last) }
                        // The connection is mid-answer: the next use starts a fresh one.
                        PQreset(connection)
                        statements.names = [:]
                        throw StoreError.unreachable(store: store, reason: "no answer from the server within \(Int(answerTimeout)) s")
                    }
                    var descriptor = pollfd(fd: PQsocket(connection), events: Int16(POLLIN), revents: 0)
                    let ready = poll(&descriptor, 1, Int32(min(remaining, 1) * 1000) + 1)
                    if ready < 0, errno != EINTR { throw StoreError.unreachable(store: store, reason: String(cString: strerror(errno))) }
                    guard PQconsumeInput(connection) == 1 else {
                        if let last { PQclear(last) }
                        throw StoreError.unreachable(store: store, reason: lastError())
                    }
                }
                guard let result = PQgetResult(connection) else { return last }
                if let last { PQclear(last) }
                last = result
            }
        }

        private func lastError() -> String {
            let message = String(cString: PQerrorMessage(connection)).trimmingCharacters(in: .whitespacesAndNewlines)
            return message.split(separator: "\n").first.map(String.init) ?? message
        }

        private func checked(_ result: OpaquePointer) throws -> OpaquePointer {
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
