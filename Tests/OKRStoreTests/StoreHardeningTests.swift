import Foundation
import GRDB
import OKRCore
import XCTest
@testable import OKRStore

/// Runs `body` on another thread and waits at most `limit` seconds: a store call that hangs
/// fails the test instead of stalling the suite.
private final class Outcome<T>: @unchecked Sendable { var result: Result<T, Error>? }

func withinLimit<T>(_ limit: TimeInterval, _ what: String, _ body: @escaping @Sendable () throws -> T) throws -> T {
    let box = Outcome<T>()
    let done = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        box.result = Result { try body() }
        done.signal()
    }
    guard done.wait(timeout: .now() + limit) == .success, let result = box.result else { throw Hang(what: what) }
    return try result.get()
}

struct Hang: Error, CustomStringConvertible {
    var what: String
    var description: String { "\(what) did not finish within its limit" }
}

/// Case 8: NUL would cut a text short in both backends; it is refused whole, nothing is saved.
extension StoreContractTests {
    func testATextWithNULIsRefusedAndNothingIsSaved() throws {
        guard let store = try makeStore() else { throw XCTSkip("the contract runs in its backend subclasses") }
        var set = Self.sample
        set.objectives[0].keyResults[0].text = "Cut median deploy time\u{0} from 40 to 10 minutes"
        XCTAssertThrowsError(try store.save(set, findings: [], author: "dana", base: nil)) { error in
            guard case .nulInText(_, let text) = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(text, "Cut median deploy time")
            XCTAssertTrue("\(error)".contains("holds a NUL character"), "\(error)")
        }
        XCTAssertEqual(try store.list(), [])
    }
}

/// Case 6 on SQLite: a writer holding the lock delays others by the busy timeout, not minutes,
/// and a read-only or locked store can still be read.
final class SQLiteLockTests: XCTestCase {
    private var folder: URL!
    private var path: String { folder.appendingPathComponent("okr.sqlite").path }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("okr-lock-\(UUID().uuidString)")
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    func testAStoreLockedByAnotherWriterIsReadableAndSavingSaysLockedWithinSeconds() throws {
        let path = path
        // A store with one set, closed again: its WAL file is gone, so opening it must write.
        try SetStore.open(path).save(StoreContractTests.sample, findings: [], author: "dana", base: nil)
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true  // the lock is held across calls, as another program would
        let holder = try DatabaseQueue(path: path, configuration: configuration)
        try holder.inDatabase { try $0.execute(sql: "BEGIN EXCLUSIVE") }
        defer { try? holder.inDatabase { try $0.execute(sql: "COMMIT") } }

        // Before: every open waited the busy timeout and was retried 50 times (about 259 s).
        let outcome = try withinLimit(60, "opening a locked store") { () -> (Int, StoreError?) in
            let store = try SetStore.open(path)
            let listed = try store.list().count
            do throws(StoreError) {
                try store.save(StoreContractTests.sample, findings: [], author: "sam", base: 1)
                return (listed, nil)
            } catch {
                return (listed, error)
            }
        }
        XCTAssertEqual(outcome.0, 1, "the sets can be read while another process writes")
        XCTAssertEqual(outcome.1, .locked(store: path))
        XCTAssertEqual(outcome.1?.description,
                       "the store \(path) is locked by another process that is writing to it; try again when it has finished")
    }
}

/// Case 6 on PostgreSQL: a lock held elsewhere, a slow statement and a server that stops
/// answering each end in a clear error instead of a wait without end.
final class PostgresTimeoutTests: XCTestCase {
    private var schema = ""
    private var url: String {
        let base = PostgresStoreTests.serverURL ?? ""
        return base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
    }

    override func setUpWithError() throws {
        guard let url = PostgresStoreTests.serverURL else { throw XCTSkip("set OKR_TEST_POSTGRES_URL to run the PostgreSQL timeout tests") }
        schema = "okr_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try PostgresDatabase(url: url).write { try $0.execute("CREATE SCHEMA \(schema)", []) }
    }

    override func tearDownWithError() throws {
        guard let url = PostgresStoreTests.serverURL, !schema.isEmpty else { return }
        try PostgresDatabase(url: url).write { try $0.execute("DROP SCHEMA \(schema) CASCADE", []) }
    }

    func testASaveWaitingForAnotherTransactionsLockReportsLocked() throws {
        let url = url
        let holder = try SetStore.open(url)
        let waiter = SetStore(database: try PostgresDatabase(url: url, timeouts: .init(lock: 1)))
        try holder.database.write { session in
            try session.execute("LOCK TABLE okr_set IN ACCESS EXCLUSIVE MODE", [])
            let error = try withinLimit(30, "a save behind a lock") { () -> StoreError? in
                do throws(StoreError) {
                    try waiter.save(StoreContractTests.sample, findings: [], author: "sam", base: nil)
                    return nil
                } catch {
                    return error
                }
            }
            guard case .locked = error else { return XCTFail("\(String(describing: error))") }
        }
    }

    func testAStatementRunningTooLongIsStoppedByTheServer() throws {
        let database = try PostgresDatabase(url: url, timeouts: .init(statement: 1))
        XCTAssertThrowsError(try withinLimit(30, "a slow statement") { try database.read { try $0.query("SELECT pg_sleep(20)", []) } }) { error in
            XCTAssertTrue("\(error)".contains("statement timeout"), "\(error)")
        }
    }

    /// The server's process is stopped (SIGSTOP): the connection is open but nothing answers.
    func testAServerThatStopsAnsweringIsUnreachableNotAHang() throws {
        let database = try PostgresDatabase(url: url, timeouts: .init(statement: 1))
        let pid = try XCTUnwrap(Int32(database.read { try $0.query("SELECT pg_backend_pid()", []) }.first?.first.flatMap { $0 } ?? ""))
        guard kill(pid, SIGSTOP) == 0 else { throw XCTSkip("the server runs elsewhere; cannot stop its process") }
        defer { kill(pid, SIGCONT) }
        XCTAssertThrowsError(try withinLimit(60, "a query to a stopped server") { try database.read { try $0.query("SELECT 1", []) } }) { error in
            guard case .unreachable(_, let reason) = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("no answer from the server within 6 s"), reason)
        }
    }
}
