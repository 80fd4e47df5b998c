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
                guard let purpose = ConsentPurpose(rawValue: try row.decode(column: "purpose", as: String.self)) else { continue }
                let event = ConsentEvent(
                    sequence: try row.decode(column: "id", as: Int64.self), purpose: purpose,
                    recipient: try row.decode(column: "recipient", as: String?.self),
                    granted: try row.decode(column: "granted", as: Bool.self),
                    channel: try row.decode(column: "channel", as: String.self),
                    source: try row.decode(column: "source", as: String.self),
                    textVersion: try row.decode(column: "text_version", as: String?.self),
                    evidence: try row.decode(column: "evidence", as: String?.self),
                    recordedBy: try row.decode(column: "recorded_by", as: String?.self),
                    at: Timestamp(rawValue: try row.decode(column: "at", as: Int64.self))
                )
                result[CustomerID(try row.decode(column: "customer_id", as: String.self)), default: []].append(event)
            }
        }
        return result
    }
}
