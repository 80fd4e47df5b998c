import DangolCore
import SQLKit

extension CustomerRepository {
    /// Inserts many customers with their tags and attributes, one statement per 5,000 rows of each table
    /// (see `BulkRows`); for imports.
    public func insertMany(_ customers: [Customer], on db: any SQLDatabase) async throws {
        for chunk in customers.chunked(into: 5_000) {
            var rows = BulkRows(capacity: chunk.count * 200)
            var tags = BulkRows()
            var attributes = BulkRows()
            for customer in chunk {
                rows.row {
                    $0.text(customer.id.rawValue); $0.text(customer.kind.rawValue); $0.text(customer.displayName)
                    $0.text(NameNormalizer.matchKey(customer.displayName)); $0.text(customer.lifecycleStage.rawValue)
                    $0.text(customer.ownerID); $0.int(customer.createdAt.rawValue); $0.int(customer.updatedAt.rawValue)
                    $0.int(customer.deletedAt?.rawValue); $0.text(customer.deletionReason)
                }
                for tag in customer.tags { tags.row { $0.text(customer.id.rawValue); $0.text(tag) } }
                for (key, value) in customer.attributes {
                    attributes.row { $0.text(customer.id.rawValue); $0.text(key); $0.text(value.storageText) }
                }
            }
            try await db.bulkInsert(into: "customers", columns: [
                .text("id"), .text("kind"), .text("display_name"), .text("name_key"), .text("lifecycle_stage"), .text("owner_id"),
                .bigint("created_at"), .bigint("updated_at"), .bigint("deleted_at"), .text("deletion_reason"),
            ], rows: rows)
            try await db.bulkInsert(into: "customer_tags", columns: [.text("customer_id"), .text("tag")], rows: tags)
            try await db.bulkInsert(into: "customer_attributes", columns: [.text("customer_id"), .text("key"), .text("value")],
                                    rows: attributes)
        }
    }

    /// The kind of each of these customers that is live (neither deleted nor merged); others are left out.
    /// Used by imports to check that a row may attach to the customer its identifiers point at.
    public func liveKinds(of ids: [CustomerID], on db: any SQLDatabase) async throws -> [CustomerID: CustomerKind] {
        var result: [CustomerID: CustomerKind] = [:]
        for chunk in Array(Set(ids)).chunked(into: 500) {
            let binds: [any Encodable & Sendable] = chunk.map(\.rawValue)
            let rows = try await db.raw("""
                SELECT id, kind FROM customers WHERE id IN (\(binds: binds)) AND deleted_at IS NULL AND merged_into IS NULL
                """).all()
            for row in rows {
                guard let kind = CustomerKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
                result[CustomerID(try row.decode(column: "id", as: String.self))] = kind
            }
        }
        return result
    }
}

extension CustomerRepository {
    /// Kind and display name of each of these customers that is live (neither deleted nor merged); others are left
    /// out. Used to score import rows against existing customers.
    public func liveProfiles(of ids: [CustomerID], on db: any SQLDatabase) async throws -> [CustomerID: (kind: CustomerKind, name: String)] {
        var result: [CustomerID: (kind: CustomerKind, name: String)] = [:]
        for chunk in Array(Set(ids)).chunked(into: 500) {
            let binds: [any Encodable & Sendable] = chunk.map(\.rawValue)
            let rows = try await db.raw("""
                SELECT id, kind, display_name FROM customers WHERE id IN (\(binds: binds)) AND deleted_at IS NULL AND merged_into IS NULL
                """).all()
            for row in rows {
                guard let kind = CustomerKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
                result[CustomerID(try row.decode(column: "id", as: String.self))] = (kind, try row.decode(column: "display_name", as: String.self))
            }
        }
        return result
    }
}
