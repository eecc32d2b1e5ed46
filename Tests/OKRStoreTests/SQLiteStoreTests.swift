import Foundation
import GRDB
import OKRCore
import XCTest
@testable import OKRStore

final class SQLiteStoreTests: StoreContractTests {
    private var path = ""

    override func setUpWithError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okr-store-\(UUID().uuidString)")
        path = folder.appendingPathComponent("okr.sqlite").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    override func makeStore() throws -> SetStore? { try SetStore.open(path) }

    override func makeSecondConnection() throws -> SetStore? { try SetStore.open(path) }

    override func makeDatabase() throws -> (any SQLDatabase)? {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        return try SQLiteDatabase(path: path)
    }

    func testTheDatabaseIsInWALMode() throws {
        let store = try SetStore.open(path)
        let mode = try store.database.read { try $0.query("PRAGMA journal_mode", []) }
        XCTAssertEqual(mode.first?.first ?? nil, "wal")
    }

    func testAWriterHoldingTheLockMakesOthersReportLocked() throws {
        _ = try SetStore.open(path)
        let holder = try SQLiteDatabase(path: path)
        let waiter = SetStore(database: try SQLiteDatabase(path: path, busyTimeout: 0.2))
        try holder.write { _ in
            XCTAssertThrowsError(try waiter.save(Self.sample, findings: [], author: "x", base: nil)) { error in
                XCTAssertEqual(error as? StoreError, .locked(store: path))
                XCTAssertTrue("\(error)".contains("locked by another process"))
            }
        }
    }

    func testFailuresAreClassifiedForTheUser() {
        XCTAssertEqual(SQLiteDatabase.classify(DatabaseError(resultCode: .SQLITE_READONLY), store: "s"), .readOnly(store: "s"))
        XCTAssertEqual(SQLiteDatabase.classify(DatabaseError(resultCode: .SQLITE_BUSY), store: "s"), .locked(store: "s"))
    }

    func testAFileThatIsNotAStoreIsAClearError() throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(String(repeating: "not a database ", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SetStore.open(path)) { error in
            XCTAssertEqual(error as? StoreError, .unreachable(store: path, reason: "the file is not an okr store"))
        }
    }
}
