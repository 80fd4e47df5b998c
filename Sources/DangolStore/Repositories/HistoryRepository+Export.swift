import DangolCore
import SQLKit

extension HistoryRepository {
    /// The consent histories of many customers (for exports and list pages), oldest first per customer, each
    /// including the events of the customers merged into it.
    public func consents(ofCustomers ids: [CustomerID], on db: any SQLDatabase) async throws -> [CustomerID: [ConsentEvent]] {
        var result: [CustomerID: [ConsentEvent]] = [:]
        for chunk in ids.chunked(into: 500) {
            let rows = try await db.raw("""
                \(Self.family(of: Array(chunk)))
                SELECT e.id, family.root, e.purpose, e.recipient, e.granted, e.channel, e.source, e.text_version, e.evidence,
                e.recorded_by, e.at FROM family \(unsafeRaw: HistoryRepository.familyJoin(db)) consent_events e ON e.customer_id = family.id ORDER BY e.at, e.id
                """).all()
            for row in rows {
                guard let event = try Self.decodeConsent(row) else { continue }
                result[CustomerID(try row.decode(column: "root", as: String.self)), default: []].append(event)
            }
        }
        return result
    }
}
