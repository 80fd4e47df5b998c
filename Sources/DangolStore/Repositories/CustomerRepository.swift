import DangolCore
import SQLKit
import Foundation

/// Customers, their tags and custom attributes.
public struct CustomerRepository: Sendable {
    public init() {}

    /// Inserts customers with their tags and attributes (one bulk statement per table and 5,000 rows).
    public func insert(_ customers: [Customer], on db: any SQLDatabase) async throws {
        try await insertMany(customers, on: db)
    }

    /// Replaces the profile fields, tags and attributes of an existing customer.
    public func update(_ customer: Customer, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE customers SET display_name = \(bind: customer.displayName), name_key = \(bind: NameNormalizer.matchKey(customer.displayName)),
            lifecycle_stage = \(bind: customer.lifecycleStage.rawValue), owner_id = \(bind: customer.ownerID),
            updated_at = \(bind: customer.updatedAt.rawValue), deleted_at = \(bind: customer.deletedAt?.rawValue),
            deletion_reason = \(bind: customer.deletionReason) WHERE id = \(bind: customer.id.rawValue)
            """).run()
        try await db.raw("DELETE FROM customer_tags WHERE customer_id = \(bind: customer.id.rawValue)").run()
        try await db.raw("DELETE FROM customer_attributes WHERE customer_id = \(bind: customer.id.rawValue)").run()
        if !customer.tags.isEmpty {
            let values: [SQLQueryString] = customer.tags.map { "(\(bind: customer.id.rawValue), \(bind: $0))" }
            try await db.raw("INSERT INTO customer_tags (customer_id, tag) VALUES \(values.joined(", "))").run()
        }
        if !customer.attributes.isEmpty {
            let values: [SQLQueryString] = customer.attributes.map {
                "(\(bind: customer.id.rawValue), \(bind: $0.key), \(bind: $0.value.storageText))"
            }
            try await db.raw("INSERT INTO customer_attributes (customer_id, key, value) VALUES \(values.joined(", "))").run()
        }
    }

    /// One customer with tags and attributes (typed by their definitions), or nil.
    public func find(_ id: CustomerID, on db: any SQLDatabase) async throws -> Customer? {
        try await load(where: "c.id = \(bind: id.rawValue)", on: db).first
    }

    /// The live (not deleted, not merged) customers with these ids, in id order within each 500 ids; other ids are
    /// skipped.
    public func findLive(_ ids: [CustomerID], on db: any SQLDatabase) async throws -> [Customer] {
        var found: [Customer] = []
        for chunk in ids.chunked(into: 500) {
            let values: [any Encodable & Sendable] = chunk.map(\.rawValue)
            found += try await load(where: "c.id IN (\(binds: values)) AND c.deleted_at IS NULL AND c.merged_into IS NULL", on: db)
        }
        return found
    }

    /// A page of customers matching `filter`, ordered by id (creation time), strictly after `cursor`.
    public func list(_ filter: CustomerFilter, after cursor: CustomerID?, limit: Int, on db: any SQLDatabase) async throws -> [Customer] {
        var conditions: [SQLQueryString] = []
        if !filter.includeDeleted { conditions.append("c.deleted_at IS NULL") }
        conditions.append("c.merged_into IS NULL")
        if let stage = filter.stage { conditions.append("c.lifecycle_stage = \(bind: stage.rawValue)") }
        if let kind = filter.kind { conditions.append("c.kind = \(bind: kind.rawValue)") }
        if let owner = filter.ownerID { conditions.append("c.owner_id = \(bind: owner)") }
        if let cursor { conditions.append("c.id > \(bind: cursor.rawValue)") }
        if let tag = filter.tag {
            conditions.append("EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag = \(bind: tag))")
        }
        if let attribute = filter.attribute {
            conditions.append("""
                EXISTS (SELECT 1 FROM customer_attributes a WHERE a.customer_id = c.id AND a.key = \(bind: attribute.key) \
                AND a.value = \(bind: attribute.value))
                """)
        }
        if let fragment = filter.nameFragment {
            conditions.append("c.name_key LIKE \(bind: "%" + Self.escapeLike(NameNormalizer.matchKey(fragment)) + "%") ESCAPE '\\'")
        }
        if let tail = filter.phoneTail {
            conditions.append("""
                c.id IN (SELECT i.customer_id FROM identifiers i WHERE i.tail = \(bind: tail) AND i.live)
                """)
        }
        if let prefix = filter.emailPrefix {
            let key = prefix.lowercased()
            conditions.append("""
                c.id IN (SELECT i.customer_id FROM identifiers i WHERE i.type = 'email' AND i.match_key >= \(bind: key) \
                AND i.match_key < \(bind: key + "\u{10FFFF}") AND i.strong AND i.live)
                """)
        }
        if filter.hasScoreConditions {
            var scored: [SQLQueryString] = []
            if let segment = filter.rfmSegment { scored.append("s.rfm_segment = \(bind: segment)") }
            if let quadrant = filter.valueQuadrant { scored.append("s.value_quadrant = \(bind: quadrant)") }
            if let band = filter.churnBand { scored.append("s.churn_band = \(bind: band)") }
            if let clv = filter.minimumCLV { scored.append("s.clv >= \(bind: clv)") }
            conditions.append("c.id IN (SELECT s.customer_id FROM customer_scores s WHERE \(scored.joined(" AND ")))")
        }
        return try await load(where: conditions.joined(" AND "), limit: limit, on: db)
    }

    /// Soft-deletes a customer and frees their strong identifiers.
    public func softDelete(_ id: CustomerID, reason: String, at: Timestamp, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE customers SET deleted_at = \(bind: at.rawValue), deletion_reason = \(bind: reason), updated_at = \(bind: at.rawValue)
            WHERE id = \(bind: id.rawValue)
            """).run()
        try await db.raw("UPDATE identifiers SET live = FALSE WHERE customer_id = \(bind: id.rawValue)").run()
    }

    /// The number of live customers.
    public func countLive(on db: any SQLDatabase) async throws -> Int {
        let row = try await db.raw("SELECT COUNT(*) AS n FROM customers WHERE deleted_at IS NULL AND merged_into IS NULL").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    private func load(where condition: SQLQueryString, limit: Int? = nil, on db: any SQLDatabase) async throws -> [Customer] {
        let limitClause: SQLQueryString = limit.map { "LIMIT \(literal: $0)" } ?? ""
        let rows = try await db.raw("""
            SELECT c.id, c.kind, c.display_name, c.lifecycle_stage, c.owner_id, c.created_at, c.updated_at, c.deleted_at,
            c.deletion_reason FROM customers c WHERE \(condition) ORDER BY c.id \(limitClause)
            """).all()
        var customers: [Customer] = []
        customers.reserveCapacity(rows.count)
        for row in rows {
            guard let kind = CustomerKind(rawValue: try row.decode(column: "kind", as: String.self)),
                  let stage = LifecycleStage(rawValue: try row.decode(column: "lifecycle_stage", as: String.self))
            else { continue }
            customers.append(Customer(
                id: CustomerID(try row.decode(column: "id", as: String.self)), kind: kind,
                displayName: try row.decode(column: "display_name", as: String.self), lifecycleStage: stage,
                ownerID: try row.decode(column: "owner_id", as: String?.self),
                createdAt: Timestamp(rawValue: try row.decode(column: "created_at", as: Int64.self)),
                updatedAt: Timestamp(rawValue: try row.decode(column: "updated_at", as: Int64.self)),
                deletedAt: try row.decode(column: "deleted_at", as: Int64?.self).map(Timestamp.init(rawValue:)),
                deletionReason: try row.decode(column: "deletion_reason", as: String?.self)
            ))
        }
        guard !customers.isEmpty else { return [] }
        let ids: [any Encodable & Sendable] = customers.map(\.id.rawValue)
        var index: [CustomerID: Int] = [:]
        for (position, customer) in customers.enumerated() { index[customer.id] = position }
        for row in try await db.raw("SELECT customer_id, tag FROM customer_tags WHERE customer_id IN (\(binds: ids)) ORDER BY tag").all() {
            if let position = index[CustomerID(try row.decode(column: "customer_id", as: String.self))] {
                customers[position].tags.append(try row.decode(column: "tag", as: String.self))
            }
        }
        let attributeRows = try await db.raw("""
            SELECT a.customer_id, a.key, a.value, d.type FROM customer_attributes a JOIN attribute_definitions d ON d.key = a.key
            WHERE a.customer_id IN (\(binds: ids))
            """).all()
        for row in attributeRows {
            guard let position = index[CustomerID(try row.decode(column: "customer_id", as: String.self))],
                  let type = AttributeType(rawValue: try row.decode(column: "type", as: String.self)),
                  let value = AttributeValue(parsing: try row.decode(column: "value", as: String.self), as: type)
            else { continue }
            customers[position].attributes[try row.decode(column: "key", as: String.self)] = value
        }
        return customers
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}
