import DangolCore
import SQLKit

extension SourceRecordRepository {
    /// Links many external records to customers, one statement per 5,000 (see `BulkRows`); for imports.
    /// `resolvedVia` maps an external id to the identifier its record was matched by, for records attached to an
    /// existing customer.
    public func insertMany(source: String, links: [(externalID: String, customerID: CustomerID)], at: Timestamp,
                           resolvedVia: [String: String] = [:], on db: any SQLDatabase) async throws {
        for chunk in links.chunked(into: 5_000) {
            var rows = BulkRows(capacity: chunk.count * 110)
            for link in chunk {
                rows.row {
                    $0.text(source); $0.text(link.externalID); $0.text(link.customerID.rawValue); $0.int(at.rawValue); $0.int(at.rawValue)
                    $0.text(resolvedVia[link.externalID])
                }
            }
            try await db.bulkInsert(into: "source_records", columns: [
                .text("source"), .text("external_id"), .text("customer_id"), .bigint("first_seen"), .bigint("last_seen"), .text("resolved_via"),
            ], rows: rows)
        }
    }
}
