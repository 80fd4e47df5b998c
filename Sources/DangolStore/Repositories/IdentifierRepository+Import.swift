import DangolCore
import SQLKit

extension IdentifierRepository {
    /// Inserts many identifiers with one statement per 5,000 (see `BulkRows`); for imports. Same rules as `insert`:
    /// a strong identifier held by another live customer violates `identifiers_strong_unique`.
    public func insertMany(_ records: [IdentifierRecord], on db: any SQLDatabase) async throws {
        for chunk in records.chunked(into: 5_000) {
            var rows = BulkRows(capacity: chunk.count * 220)
            for record in chunk {
                rows.row {
                    $0.text(record.id); $0.text(record.customerID.rawValue); $0.text(record.type.rawValue); $0.text(record.raw)
                    $0.text(record.normalized); $0.text(record.matchKey); $0.text(record.masked); $0.text(record.tail)
                    $0.text(record.source); $0.bool(record.verified); $0.bool(record.isStrong); $0.bool(record.isLive)
                    $0.int(record.firstSeen.rawValue); $0.int(record.lastSeen.rawValue); $0.text(record.resolvedVia)
                }
            }
            try await db.bulkInsert(into: "identifiers", columns: Self.bulkColumns, rows: rows)
        }
    }

    /// `holders(of:)` for many keys in one statement per 5,000 keys: the keys travel as one JSON parameter and are
    /// joined against the partial index of their strength, instead of a long `OR` of pairs.
    public func holders(ofMany keys: [IdentifierKey], on db: any SQLDatabase) async throws -> [IdentifierKey: CustomerID] {
        try await holdingIdentifiers(ofMany: keys, on: db).mapValues(\.customerID)
    }

    /// Like `holders(ofMany:)`, with the id of the holding identifier row (recorded as `resolved_via` on what an
    /// incoming record adds to the customer it was matched to).
    public func holdingIdentifiers(ofMany keys: [IdentifierKey], on db: any SQLDatabase) async throws -> [IdentifierKey: IdentifierHolder] {
        var result: [IdentifierKey: IdentifierHolder] = [:]
        for (strong, group) in Self.splitByStrength(Array(Set(keys))) {
            for chunk in group.chunked(into: 5_000) {
                var pairs = BulkRows(capacity: chunk.count * 48)
                for key in chunk { pairs.row { $0.text(key.type.rawValue); $0.text(key.matchKey) } }
                let live = Self.strength(strong, alias: "i.")
                let query: SQLQueryString
                if db.dialect.name == "sqlite" {
                    // CROSS JOIN keeps the keys as the outer loop, so each one is an index lookup.
                    query = """
                        SELECT i.id, i.type, i.match_key, i.customer_id FROM jsonb_each(\(bind: pairs.json)) AS k CROSS JOIN identifiers AS i
                        WHERE i.type = k.value->>0 AND i.match_key = k.value->>1 AND \(unsafeRaw: live)
                        """
                } else {
                    query = """
                        SELECT i.id, i.type, i.match_key, i.customer_id FROM jsonb_array_elements(\(bind: pairs.json)::jsonb) AS k
                        JOIN identifiers AS i ON i.type = k.value->>0 AND i.match_key = k.value->>1 WHERE \(unsafeRaw: live)
                        """
                }
                for row in try await db.raw(query).all() {
                    guard let type = IdentifierType(rawValue: try row.decode(column: "type", as: String.self)) else { continue }
                    let key = IdentifierKey(type: type, matchKey: try row.decode(column: "match_key", as: String.self))
                    let holder = CustomerID(try row.decode(column: "customer_id", as: String.self))
                    // Weak identifiers may be shared; keep the earliest customer for a stable answer.
                    if let existing = result[key], existing.customerID < holder { continue }
                    result[key] = IdentifierHolder(customerID: holder, identifierID: try row.decode(column: "id", as: String.self))
                }
            }
        }
        return result
    }

    /// Marks many identifiers as seen again in one statement per 500 ids (an import met them once more).
    public func touch(identifierIDs: [String], at: Timestamp, on db: any SQLDatabase) async throws {
        for chunk in identifierIDs.chunked(into: 500) {
            let ids: [any Encodable & Sendable] = Array(chunk)
            try await db.raw("UPDATE identifiers SET last_seen = \(bind: at.rawValue) WHERE id IN (\(binds: ids))").run()
        }
    }

    static let bulkColumns: [BulkColumn] = [
        .text("id"), .text("customer_id"), .text("type"), .text("raw"), .text("normalized"), .text("match_key"), .text("masked"),
        .text("tail"), .text("source"), .boolean("verified"), .boolean("strong"), .boolean("live"), .bigint("first_seen"),
        .bigint("last_seen"), .text("resolved_via"),
    ]
}

/// The live customer holding an identifier value, and the identifier row that holds it.
public struct IdentifierHolder: Sendable, Hashable {
    public var customerID: CustomerID
    public var identifierID: String

    public init(customerID: CustomerID, identifierID: String) {
        self.customerID = customerID
        self.identifierID = identifierID
    }
}
