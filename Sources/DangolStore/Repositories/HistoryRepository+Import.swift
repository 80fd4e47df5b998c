import DangolCore
import SQLKit

extension HistoryRepository {
    /// Appends many consent events, one statement per 5,000 (see `BulkRows`); for imports.
    public func appendConsentsMany(_ events: [(CustomerID, ConsentEvent)], on db: any SQLDatabase) async throws {
        for chunk in events.chunked(into: 5_000) {
            var rows = BulkRows(capacity: chunk.count * 120)
            for (customerID, event) in chunk {
                rows.row {
                    $0.text(customerID.rawValue); $0.text(event.purpose.rawValue); $0.text(event.recipient); $0.bool(event.granted)
                    $0.text(event.channel); $0.text(event.source); $0.text(event.textVersion); $0.text(event.evidence)
                    $0.text(event.recordedBy); $0.int(event.at.rawValue)
                }
            }
            try await db.bulkInsert(into: "consent_events", columns: [
                .text("customer_id"), .text("purpose"), .text("recipient"), .boolean("granted"), .text("channel"), .text("source"),
                .text("text_version"), .text("evidence"), .text("recorded_by"), .bigint("at"),
            ], rows: rows)
        }
    }

    /// Appends many lifecycle transitions, one statement per 5,000 (see `BulkRows`); for imports.
    public func appendLifecycleMany(_ events: [(CustomerID, LifecycleEvent)], on db: any SQLDatabase) async throws {
        for chunk in events.chunked(into: 5_000) {
            var rows = BulkRows(capacity: chunk.count * 90)
            for (customerID, event) in chunk {
                rows.row {
                    $0.text(customerID.rawValue); $0.text(event.from?.rawValue); $0.text(event.to.rawValue); $0.int(event.at.rawValue)
                    $0.text(event.byUserID); $0.text(event.reason)
                }
            }
            try await db.bulkInsert(into: "lifecycle_events", columns: [
                .text("customer_id"), .text("from_stage"), .text("to_stage"), .bigint("at"), .text("by_user_id"), .text("reason"),
            ], rows: rows)
        }
    }
}
