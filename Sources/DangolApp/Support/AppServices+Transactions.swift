import DangolCore
import DangolStore
import SQLKit
import Logging

extension AppServices {
    /// Runs a unit of work in one transaction. Domain errors pass through; any storage error becomes
    /// `DangolError.unavailable` (logged by kind only, never with data) and the transaction is rolled back.
    public func transaction<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws(DangolError) -> T {
        try await mappingStorageErrors { try await database.transaction(body) }
    }

    /// Runs a bulk load in one transaction (``Database/bulkLoadTransaction(_:)``: the caller guarantees the rows'
    /// references), with the same error mapping.
    public func bulkLoadTransaction<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws(DangolError) -> T {
        try await mappingStorageErrors { try await database.bulkLoadTransaction(body) }
    }

    /// Runs reads without a transaction, with the same error mapping.
    public func read<T: Sendable>(_ body: (any SQLDatabase) async throws -> T) async throws(DangolError) -> T {
        try await mappingStorageErrors { try await database.read(body) }
    }

    /// Domain errors pass through; any other error is logged by kind only and becomes `DangolError.unavailable`.
    private func mappingStorageErrors<T: Sendable>(_ work: () async throws -> T) async throws(DangolError) -> T {
        do {
            return try await work()
        } catch let error as DangolError {
            throw error
        } catch {
            logger.error("storage failure", metadata: ["error": .string(DatabaseError.describeSafely(error))])
            throw DangolError.storageUnavailable()
        }
    }
}
