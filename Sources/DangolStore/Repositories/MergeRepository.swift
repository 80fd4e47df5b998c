import DangolCore
import SQLKit

/// Merges and unmerges: the `merges` lineage table and the moves of rows between two customers. The decisions
/// (what moves, what the golden record is) are made by the caller; this type only says them in SQL.
public struct MergeRepository: Sendable {
    public init() {}

    public func insert(_ merge: MergeRecord, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO merges (id, survivor_id, absorbed_id, rule, probability, decisions, snapshot, merged_by, merged_at)
            VALUES (\(bind: merge.id), \(bind: merge.survivorID.rawValue), \(bind: merge.absorbedID.rawValue), \(bind: merge.rule),
            \(bind: merge.probability), \(bind: merge.decisions), \(bind: merge.snapshot), \(bind: merge.mergedBy),
            \(bind: merge.mergedAt.rawValue))
            """).run()
    }

    public func find(_ id: String, on db: any SQLDatabase) async throws -> MergeRecord? {
        try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM merges WHERE id = \(bind: id)").first().map(Self.decode)
    }

    /// Merges in which the customer survived or was absorbed, newest first.
    public func list(customerID: CustomerID, on db: any SQLDatabase) async throws -> [MergeRecord] {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM merges WHERE survivor_id = \(bind: customerID.rawValue)
            OR absorbed_id = \(bind: customerID.rawValue) ORDER BY merged_at DESC, id DESC
            """).all().map(Self.decode)
    }

    public func markUnmerged(_ id: String, by userID: String, at: Timestamp, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE merges SET unmerged_by = \(bind: userID), unmerged_at = \(bind: at.rawValue) WHERE id = \(bind: id)
            """).run()
    }

    /// Sets or clears `merged_into` and the update time of a customer.
    public func setMergedInto(_ customerID: CustomerID, survivor: CustomerID?, updatedAt: Timestamp, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE customers SET merged_into = \(bind: survivor?.rawValue), updated_at = \(bind: updatedAt.rawValue)
            WHERE id = \(bind: customerID.rawValue)
            """).run()
    }

    /// The customer this one was merged into, if any.
    public func mergedInto(_ customerID: CustomerID, on db: any SQLDatabase) async throws -> CustomerID? {
        try await db.raw("SELECT merged_into FROM customers WHERE id = \(bind: customerID.rawValue)").first()
            .flatMap { try $0.decode(column: "merged_into", as: String?.self) }.map { CustomerID($0) }
    }

    /// Gives identifiers to another customer; only rows currently held by `from` move.
    public func moveIdentifiers(_ ids: [String], from: CustomerID, to: CustomerID, on db: any SQLDatabase) async throws {
        for chunk in ids.chunked(into: 500) {
            let binds: [any Encodable & Sendable] = Array(chunk)
            try await db.raw("""
                UPDATE identifiers SET customer_id = \(bind: to.rawValue) WHERE customer_id = \(bind: from.rawValue) AND id IN (\(binds: binds))
                """).run()
        }
    }

    /// Sets the live flag of identifiers.
    public func setLive(identifierIDs ids: [String], live: Bool, on db: any SQLDatabase) async throws {
        for chunk in ids.chunked(into: 500) {
            let binds: [any Encodable & Sendable] = Array(chunk)
            try await db.raw("UPDATE identifiers SET live = \(bind: live) WHERE id IN (\(binds: binds))").run()
        }
    }

    /// The external records linked to a customer.
    public func sourceRecords(of customerID: CustomerID, on db: any SQLDatabase) async throws -> [SourceRecordLink] {
        try await db.raw("""
            SELECT source, external_id, customer_id, resolved_via, first_seen FROM source_records
            WHERE customer_id = \(bind: customerID.rawValue) ORDER BY source, external_id
            """).all().map { row in
            SourceRecordLink(source: try row.decode(column: "source", as: String.self),
                             externalID: try row.decode(column: "external_id", as: String.self),
                             customerID: CustomerID(try row.decode(column: "customer_id", as: String.self)),
                             resolvedVia: try row.decode(column: "resolved_via", as: String?.self),
                             firstSeen: Timestamp(rawValue: try row.decode(column: "first_seen", as: Int64.self)))
        }
    }

    /// Re-links external records to another customer; only links currently held by `from` move.
    public func moveSourceRecords(_ links: [SourceRecordLink], from: CustomerID, to: CustomerID, on db: any SQLDatabase) async throws {
        for link in links {
            try await db.raw("""
                UPDATE source_records SET customer_id = \(bind: to.rawValue) WHERE source = \(bind: link.source)
                AND external_id = \(bind: link.externalID) AND customer_id = \(bind: from.rawValue)
                """).run()
        }
    }

    /// Moves the person or organisation side of relationships from one customer to another.
    public func moveRelationships(_ ids: [String], from: CustomerID, to: CustomerID, on db: any SQLDatabase) async throws {
        for chunk in ids.chunked(into: 500) {
            let binds: [any Encodable & Sendable] = Array(chunk)
            for column in ["person_id", "organisation_id"] {
                try await db.raw("""
                    UPDATE relationships SET \(unsafeRaw: column) = \(bind: to.rawValue)
                    WHERE \(unsafeRaw: column) = \(bind: from.rawValue) AND id IN (\(binds: binds))
                    """).run()
            }
        }
    }

    /// The source of a customer's oldest external record, or nil when it came through the API or console.
    public func firstSource(of customerID: CustomerID, on db: any SQLDatabase) async throws -> String? {
        try await db.raw("""
            SELECT source FROM source_records WHERE customer_id = \(bind: customerID.rawValue) ORDER BY first_seen, source LIMIT 1
            """).first().map { try $0.decode(column: "source", as: String.self) }
    }

    private static let columns = """
        id, survivor_id, absorbed_id, rule, probability, decisions, snapshot, merged_by, merged_at, unmerged_by, unmerged_at
        """

    private static func decode(_ row: any SQLRow) throws -> MergeRecord {
        MergeRecord(
            id: try row.decode(column: "id", as: String.self),
            survivorID: CustomerID(try row.decode(column: "survivor_id", as: String.self)),
            absorbedID: CustomerID(try row.decode(column: "absorbed_id", as: String.self)),
            rule: try row.decode(column: "rule", as: String.self),
            probability: try row.decode(column: "probability", as: Double?.self),
            decisions: try row.decode(column: "decisions", as: String.self),
            snapshot: try row.decode(column: "snapshot", as: String.self),
            mergedBy: try row.decode(column: "merged_by", as: String.self),
            mergedAt: Timestamp(rawValue: try row.decode(column: "merged_at", as: Int64.self)),
            unmergedBy: try row.decode(column: "unmerged_by", as: String?.self),
            unmergedAt: try row.decode(column: "unmerged_at", as: Int64?.self).map(Timestamp.init(rawValue:)))
    }
}
