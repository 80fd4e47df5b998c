import DangolCore
import PostgresNIO
import SQLiteNIO

/// A failure of the database itself (cannot open, cannot connect). Messages never contain credentials or data.
public struct DatabaseError: Error, Sendable, CustomStringConvertible {
    public let message: String
    /// The driver's error, described without its bind values.
    public let underlyingDescription: String?

    public init(_ message: String, underlying: (any Error)? = nil) {
        self.message = message
        self.underlyingDescription = underlying.map { DatabaseError.describe($0) }
    }

    public var description: String {
        underlyingDescription.map { "\(message) (\($0))" } ?? message
    }

    /// A driver error described without bind values or row data.
    static func describe(_ error: any Error) -> String {
        if let postgres = error as? PSQLError {
            let state = postgres.serverInfo?[.sqlState] ?? "-"
            let message = postgres.serverInfo?[.message] ?? "\(postgres.code)"
            return "PostgreSQL \(state): \(message)"
        }
        if let sqlite = error as? SQLiteError {
            return "SQLite \(sqlite.reason): \(sqlite.message)"
        }
        if let sqlite = error as? SQLiteStatementError { return sqlite.description }
        return String(describing: type(of: error))
    }

    /// Whether a driver error is a unique-constraint violation (SQLite UNIQUE, PostgreSQL 23505).
    public static func isUniqueViolation(_ error: any Error) -> Bool {
        if let postgres = error as? PSQLError { return postgres.serverInfo?[.sqlState] == "23505" }
        if let sqlite = error as? SQLiteError {
            return sqlite.reason == .constraintUniqueFailed || sqlite.reason == .constraintPrimaryKeyFailed
        }
        if let sqlite = error as? SQLiteStatementError { return sqlite.isUniqueViolation }
        return false
    }

    /// The constraint or index named in a unique violation, when the driver tells it.
    public static func violatedConstraint(_ error: any Error) -> String? {
        if let postgres = error as? PSQLError { return postgres.serverInfo?[.constraintName] }
        if let sqlite = error as? SQLiteError { return sqlite.message }
        if let sqlite = error as? SQLiteStatementError { return sqlite.message }
        return nil
    }
}

extension DangolError {
    /// Storage failed; the unit of work was rolled back.
    public static func storageUnavailable() -> DangolError {
        DangolError(.unavailable, "The database could not complete the request; nothing was changed.")
    }
}

extension DatabaseError {
    /// Describes a driver error for logs: the engine's error code and message, never bind values.
    public static func describeSafely(_ error: any Error) -> String { describe(error) }
}
