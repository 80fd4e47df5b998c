// DangolTestSupport — helpers shared by the test targets: run a test on SQLite and on PostgreSQL, fixed clocks,
// ready-made services and users.

import DangolApp
import DangolCore
import DangolStore
import Foundation
import Logging
import SQLKit

/// An engine a storage test runs on. `all` is SQLite always, plus PostgreSQL when `DANGOL_TEST_POSTGRES` names a
/// server (`postgres://postgres@127.0.0.1:54329/postgres`). With `DANGOL_REQUIRE_POSTGRES=1` (set by CI) a missing
/// PostgreSQL is a failure, not a skip.
public enum TestEngine: String, Sendable, CustomStringConvertible, CaseIterable {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// The engines available to this test run.
    public static var all: [TestEngine] {
        let environment = ProcessInfo.processInfo.environment
        if environment["DANGOL_TEST_POSTGRES"] != nil || environment["DANGOL_REQUIRE_POSTGRES"] == "1" {
            return [.sqlite, .postgres]
        }
        return [.sqlite]
    }

    /// Opens a fresh, empty, migrated database on this engine, runs `body`, then removes the database.
    public func withDatabase<T: Sendable>(_ body: (Database) async throws -> T) async throws -> T {
        let logger = Logger(label: "dangol.test")
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dangol-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let database = try await Database.open(url: directory.appendingPathComponent("test.sqlite").path, logger: logger)
            do {
                try await Migrator(database: database, logger: logger).migrate()
                let result = try await body(database)
                await database.close()
                return result
            } catch {
                await database.close()
                throw error
            }
        case .postgres:
            guard let adminURL = ProcessInfo.processInfo.environment["DANGOL_TEST_POSTGRES"] else {
                throw TestSupportError("DANGOL_REQUIRE_POSTGRES is set but DANGOL_TEST_POSTGRES is not.")
            }
            let name = "dangol_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            let admin = try await Database.open(url: adminURL, logger: logger)
            try await admin.read { db in try await db.raw("CREATE DATABASE \(unsafeRaw: String(name))").run() }
            var components = URLComponents(string: adminURL)!
            components.path = "/" + name
            let database = try await Database.open(url: components.string!, logger: logger)
            func cleanUp() async {
                await database.close()
                try? await admin.read { db in try await db.raw("DROP DATABASE IF EXISTS \(unsafeRaw: String(name)) WITH (FORCE)").run() }
                await admin.close()
            }
            do {
                try await Migrator(database: database, logger: logger).migrate()
                let result = try await body(database)
                await cleanUp()
                return result
            } catch {
                await cleanUp()
                throw error
            }
        }
    }

    /// Opens a fresh database and wraps it in `AppServices` with a fixed test key and the given clock.
    public func withServices<T: Sendable>(clock: any DangolClock = TestClock(), _ body: (AppServices) async throws -> T) async throws -> T {
        try await withDatabase { database in
            let vault = try PersonalDataVault(dataKey: Array(repeating: 7, count: 32))
            return try await body(AppServices(database: database, clock: clock, vault: vault, logger: Logger(label: "dangol.test")))
        }
    }
}

/// A failure in test setup.
public struct TestSupportError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
