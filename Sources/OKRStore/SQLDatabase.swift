import Foundation

/// The little SQL the store needs, so one store implementation runs on SQLite and PostgreSQL.
/// Statements use `?` placeholders and take their values as parameters, never spliced in.
public protocol SQLSession {
    /// Runs a statement and returns how many rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [String?]) throws -> Int
    /// Runs a query; every value comes back as text (or nil for NULL).
    func query(_ sql: String, _ arguments: [String?]) throws -> [[String?]]
}

public protocol SQLDatabase: Sendable {
    /// A printable name for messages (a path, or a URL without its password).
    var displayName: String { get }
    /// A statement that makes concurrent migrations wait for each other, where the
    /// transaction alone does not (PostgreSQL's catalog races on CREATE TABLE IF NOT EXISTS).
    var migrationLock: String? { get }
    /// Runs `body` in one transaction that holds the write lock from its start, so that two
    /// writers never both read the same "latest version".
    @discardableResult
    func write<T>(_ body: (any SQLSession) throws -> T) throws -> T
    @discardableResult
    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T
}

/// A failure below the store, classified so the store can say what it means.
enum SQLFailure: Error {
    case uniqueViolation(String)
    case locked
    case readOnly
    case other(String)
}

/// Checks on the text that goes to a store, shared by both backends.
enum SQLText {
    /// NUL ends a C string: SQLite would keep only what comes before it, and libpq would send
    /// only that. A text with one is refused whole, never stored cut short.
    static func refuseNUL(in arguments: [String?], store: String) throws(StoreError) {
        for case let text? in arguments where containsNUL(text) {
            let before = text.prefix { $0 != "\u{0}" }
            throw .nulInText(store: store, text: String(before.prefix(40)) + (before.count > 40 ? "…" : ""))
        }
    }

    /// memchr over the UTF-8 bytes: every text of every save goes through here.
    private static func containsNUL(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }
    }
}
