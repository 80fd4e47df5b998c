import DangolCore
import SQLKit

extension DomainEventRepository {
    /// Appends many domain events, one statement per 5,000 (see `BulkRows`); for imports.
    public func appendMany(_ events: [Event], on db: any SQLDatabase) async throws {
        for chunk in events.chunked(into: 5_000) {
            var rows = BulkRows(capacity: chunk.count * 100)
            for event in chunk {
                rows.row { $0.text(event.type); $0.text(event.customerID?.rawValue); $0.text(event.payload); $0.int(event.at.rawValue) }
            }
            try await db.bulkInsert(into: "domain_events", columns: [.text("type"), .text("customer_id"), .text("payload"), .bigint("at")],
                                    rows: rows)
        }
    }
}
