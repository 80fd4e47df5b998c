import Logging
import SQLKit
import Foundation

/// Applies `Schema.migrations` in order, each in its own transaction, recording them in `schema_migrations`.
/// Safe to run from several processes at once: PostgreSQL serialises on an advisory lock, SQLite on its write lock.
public struct Migrator: Sendable {
    public let database: Database
    public let logger: Logger

    public init(database: Database, logger: Logger) {
        self.database = database
        self.logger = logger
    }

    /// Applies every pending migration; returns the names applied now (empty when up to date).
    @discardableResult
    public func migrate(_ migrations: [Migration] = Schema.migrations) async throws -> [String] {
        let engine = database.engine
        try await database.transaction { db in
            try await db.raw("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)").run()
        }
        var applied: [String] = []
        for migration in migrations {
            let didApply = try await database.transaction { db -> Bool in
                if engine == .postgres {
                    try await db.raw("SELECT pg_advisory_xact_lock(7291)").run()
                }
                let existing = try await db.raw("SELECT name FROM schema_migrations WHERE name = \(bind: migration.name)").all()
                guard existing.isEmpty else { return false }
                for statement in migration.statements(engine) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw("INSERT INTO schema_migrations (name, applied_at) VALUES (\(bind: migration.name), \(bind: Int64(Date().timeIntervalSince1970 * 1000)))").run()
                return true
            }
            if didApply {
                logger.info("applied migration", metadata: ["migration": .string(migration.name)])
                applied.append(migration.name)
            }
        }
        return applied
    }

    /// The names of applied migrations, in order.
    public func appliedMigrations() async throws -> [String] {
        try await database.read { db in
            try await db.raw("SELECT name FROM schema_migrations ORDER BY name").all().map { try $0.decode(column: "name", as: String.self) }
        }
    }
}
