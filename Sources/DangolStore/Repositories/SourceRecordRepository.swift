import DangolCore
import SQLKit

/// Lineage: which external record (source system + external id) became which customer. Makes imports idempotent
/// and gives identity resolution its evidence.
public struct SourceRecordRepository: Sendable {
    public init() {}

    /// The customers already linked to these external ids of `source`.
    public func customers(source: String, externalIDs: [String], on db: any SQLDatabase) async throws -> [String: CustomerID] {
        var result: [String: CustomerID] = [:]
        for chunk in Array(Set(externalIDs)).chunked(into: 500) {
            let ids: [any Encodable & Sendable] = Array(chunk)
            let rows = try await db.raw("""
                SELECT external_id, customer_id FROM source_records WHERE source = \(bind: source) AND external_id IN (\(binds: ids))
                """).all()
            for row in rows {
                result[try row.decode(column: "external_id", as: String.self)] = CustomerID(try row.decode(column: "customer_id", as: String.self))
            }
        }
        return result
    }

    /// Links external records to customers.
    public func insert(source: String, links: [(externalID: String, customerID: CustomerID)], at: Timestamp, on db: any SQLDatabase) async throws {
        for chunk in links.chunked(into: 500) {
            let rows: [SQLQueryString] = chunk.map {
                "(\(bind: source), \(bind: $0.externalID), \(bind: $0.customerID.rawValue), \(bind: at.rawValue), \(bind: at.rawValue))"
            }
            try await db.raw("""
                INSERT INTO source_records (source, external_id, customer_id, first_seen, last_seen) VALUES \(rows.joined(", "))
                """).run()
        }
    }
}

extension SourceRecordRepository {
    /// Every link of one source, external id → customer (for evaluations and reconciliations; one query).
    public func links(source: String, on db: any SQLDatabase) async throws -> [String: CustomerID] {
        var result: [String: CustomerID] = [:]
        for row in try await db.raw("SELECT external_id, customer_id FROM source_records WHERE source = \(bind: source)").all() {
            result[try row.decode(column: "external_id", as: String.self)] = CustomerID(try row.decode(column: "customer_id", as: String.self))
        }
        return result
    }
}
