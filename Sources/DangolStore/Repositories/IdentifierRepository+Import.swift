import DangolCore
import SQLKit

extension IdentifierRepository {
    /// Marks many identifiers as seen again in one statement per 500 ids (an import met them once more).
    public func touch(identifierIDs: [String], at: Timestamp, on db: any SQLDatabase) async throws {
        for chunk in identifierIDs.chunked(into: 500) {
            let ids: [any Encodable & Sendable] = Array(chunk)
            try await db.raw("UPDATE identifiers SET last_seen = \(bind: at.rawValue) WHERE id IN (\(binds: ids))").run()
        }
    }
}
