import DangolCore
import SQLKit

extension HistoryRepository {
    /// The consent histories of many customers (for exports and list pages), oldest first per customer.
    public func consents(ofCustomers ids: [CustomerID], on db: any SQLDatabase) async throws -> [CustomerID: [ConsentEvent]] {
        var result: [CustomerID: [ConsentEvent]] = [:]
        for chunk in ids.chunked(into: 500) {
            let binds: [any Encodable & Sendable] = chunk.map(\.rawValue)
            let rows = try await db.raw("""
                SELECT id, customer_id, purpose, recipient, granted, channel, source, text_version, evidence, recorded_by, at
                FROM consent_events WHERE customer_id IN (\(binds: binds)) ORDER BY at, id
                """).all()
            for row in rows {
                guard let event = try Self.decodeConsent(row) else { continue }
                result[CustomerID(try row.decode(column: "customer_id", as: String.self)), default: []].append(event)
            }
        }
        return result
    }
}
