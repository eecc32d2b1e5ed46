import Foundation
import OKRCore
import XCTest
@testable import OKRStore

/// The same contract against PostgreSQL. `.ci/run` starts a throwaway server and sets
/// OKR_TEST_POSTGRES_URL; without it these tests skip locally and fail under CI.
final class PostgresStoreTests: StoreContractTests {
    private var schema = ""

    static var serverURL: String? {
        let url = ProcessInfo.processInfo.environment["OKR_TEST_POSTGRES_URL"]
        return url?.isEmpty == false ? url : nil
    }

    override func setUpWithError() throws {
        guard let url = Self.serverURL else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("OKR_TEST_POSTGRES_URL is not set under CI") }
            throw XCTSkip("set OKR_TEST_POSTGRES_URL to run the store tests against PostgreSQL")
        }
        // Each test gets its own schema, so tests start empty and never see each other.
        schema = "okr_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try PostgresDatabase(url: url).write { try $0.execute("CREATE SCHEMA \(schema)", []) }
    }

    override func tearDownWithError() throws {
        guard let url = Self.serverURL, !schema.isEmpty else { return }
        try PostgresDatabase(url: url).write { try $0.execute("DROP SCHEMA \(schema) CASCADE", []) }
    }

    private var url: String {
        let base = Self.serverURL ?? ""
        return base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
    }

    override func makeStore() throws -> SetStore? { try SetStore.open(url) }

    override func makeSecondConnection() throws -> SetStore? { try SetStore.open(url) }

    override func makeDatabase() throws -> (any SQLDatabase)? { try PostgresDatabase(url: url) }

    /// A server that only allows reading: the sets can be read, and saving is a clear
    /// "read-only" error, not a generic failure.
    func testAReadOnlyServerCanBeReadButNotWritten() throws {
        let writable = try SetStore.open(url)
        let info = try writable.save(Self.sample, findings: [], author: "dana", base: nil)
        let readOnly = try SetStore.open(url + "%20-cdefault_transaction_read_only%3Don")
        XCTAssertEqual(try readOnly.load(info.name).set, Self.sample)
        XCTAssertThrowsError(try readOnly.save(Self.sample, findings: [], author: "sam", base: 1)) { error in
            guard case .readOnly = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("is read-only"), "\(error)")
        }
    }

    /// Text goes to the server as parameters: quotes, non-ASCII and emoji arrive unchanged.
    func testTextSurvivesTheRoundTripExactly() throws {
        let store = try SetStore.open(url)
        var set = OKRSet(title: "Équipe d'Ops — O'Brien's \"quoted\" set 🚀", timeframe: .quarter(1, of: 2027))
        set.objectives = [Objective(title: "Größere Zufriedenheit; DROP TABLE okr_set; --", keyResults: [KeyResult(text: "Senke Wartezeit von 40 auf 10 Minuten")])]
        let info = try store.save(set, findings: [], author: "zoë", base: nil)
        XCTAssertEqual(try store.load(info.name).set, set)
        XCTAssertEqual(try store.list().count, 1)
    }
}

/// Needs no server: a refused connection must read as one.
final class PostgresConnectionTests: XCTestCase {
    func testAnUnreachableServerIsAClearError() {
        XCTAssertThrowsError(try SetStore.open("postgres://okr:secret@127.0.0.1:1/okr?connect_timeout=2")) { error in
            guard case .unreachable(let store, _) = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(store, "postgres://okr@127.0.0.1:1/okr?connect_timeout=2", "the password is never shown")
        }
    }
}
