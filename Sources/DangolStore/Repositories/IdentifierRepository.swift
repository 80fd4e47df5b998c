import DangolCore
import SQLKit

/// Identifiers of customers: insertion, lookup by match key, and the holder of a strong identifier.
public struct IdentifierRepository: Sendable {
    public init() {}

    static let columns = """
        id, customer_id, type, raw, normalized, match_key, masked, tail, source, verified, strong, live, first_seen, last_seen,
        resolved_via
        """

    /// Inserts identifiers in multi-row statements. A strong identifier held by another live customer violates
    /// `identifiers_strong_unique`; callers check with `holders` first to name the holder.
    public func insert(_ records: [IdentifierRecord], on db: any SQLDatabase) async throws {
        try await insertMany(records, on: db)
    }

    /// The live customers holding any of the given (type, match key) pairs, keyed by pair.
    public func holders(of keys: [IdentifierKey], on db: any SQLDatabase) async throws -> [IdentifierKey: CustomerID] {
        guard !keys.isEmpty else { return [:] }
        var result: [IdentifierKey: CustomerID] = [:]
        for (strong, group) in Self.splitByStrength(Array(Set(keys))) {
            for chunk in group.chunked(into: 400) {
                let pairs: [SQLQueryString] = chunk.map { "(type = \(bind: $0.type.rawValue) AND match_key = \(bind: $0.matchKey))" }
                let rows = try await db.raw("""
                    SELECT type, match_key, customer_id FROM identifiers WHERE \(unsafeRaw: Self.strength(strong)) \
                    AND (\(pairs.joined(" OR ")))
                    """).all()
                for row in rows {
                    guard let type = IdentifierType(rawValue: try row.decode(column: "type", as: String.self)) else { continue }
                    let key = IdentifierKey(type: type, matchKey: try row.decode(column: "match_key", as: String.self))
                    let holder = CustomerID(try row.decode(column: "customer_id", as: String.self))
                    // Weak identifiers may be shared; keep the earliest customer for a stable answer.
                    if let existing = result[key], existing < holder { continue }
                    result[key] = holder
                }
            }
        }
        return result
    }

    /// The live-identifier condition for one strength, written so that the planner can use the partial index of
    /// that strength: `identifiers_strong_unique` (`WHERE strong AND live`) or `identifiers_weak_lookup`
    /// (`WHERE NOT strong`). A bound parameter would hide the strength from the planner, hence literal SQL.
    static func strength(_ strong: Bool, alias: String = "") -> String {
        strong ? "\(alias)strong AND \(alias)live" : "NOT \(alias)strong AND \(alias)live"
    }

    /// Keys grouped by the strength of their type (strong first), for queries that state it.
    static func splitByStrength(_ keys: [IdentifierKey]) -> [(strong: Bool, keys: [IdentifierKey])] {
        let strong = keys.filter(\.type.isStrong)
        let weak = keys.filter { !$0.type.isStrong }
        return [(true, strong), (false, weak)].filter { !$0.keys.isEmpty }
    }

    /// Live customers carrying an identifier with this type and match key (at most one for strong types).
    public func customers(type: IdentifierType, matchKey: String, on db: any SQLDatabase) async throws -> [CustomerID] {
        try await db.raw("""
            SELECT DISTINCT customer_id FROM identifiers WHERE type = \(bind: type.rawValue) AND match_key = \(bind: matchKey)
            AND \(unsafeRaw: Self.strength(type.isStrong))
            ORDER BY customer_id
            """).all().map { CustomerID(try $0.decode(column: "customer_id", as: String.self)) }
    }

    /// All identifiers of one customer, oldest first.
    public func list(customerID: CustomerID, on db: any SQLDatabase) async throws -> [IdentifierRecord] {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM identifiers WHERE customer_id = \(bind: customerID.rawValue) ORDER BY first_seen, id
            """).all().compactMap(Self.decode)
    }

    /// Identifiers of many customers (for list pages and exports), grouped by customer.
    public func list(customerIDs: [CustomerID], on db: any SQLDatabase) async throws -> [CustomerID: [IdentifierRecord]] {
        var result: [CustomerID: [IdentifierRecord]] = [:]
        for chunk in customerIDs.chunked(into: 500) {
            let ids: [any Encodable & Sendable] = chunk.map(\.rawValue)
            let rows = try await db.raw("""
                SELECT \(unsafeRaw: Self.columns) FROM identifiers WHERE customer_id IN (\(binds: ids)) ORDER BY first_seen, id
                """).all()
            for record in rows.compactMap(Self.decode) { result[record.customerID, default: []].append(record) }
        }
        return result
    }

    /// Marks identifiers as seen again (an import or a lookup met them).
    public func touch(customerID: CustomerID, keys: [IdentifierKey], at: Timestamp, on db: any SQLDatabase) async throws {
        for key in keys {
            try await db.raw("""
                UPDATE identifiers SET last_seen = \(bind: at.rawValue) WHERE customer_id = \(bind: customerID.rawValue)
                AND type = \(bind: key.type.rawValue) AND match_key = \(bind: key.matchKey)
                """).run()
        }
    }

    /// Removes one identifier of a customer; returns whether it existed.
    public func delete(id: String, customerID: CustomerID, on db: any SQLDatabase) async throws -> IdentifierRecord? {
        guard let record = try await db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM identifiers WHERE id = \(bind: id) AND customer_id = \(bind: customerID.rawValue)
            """).first().flatMap(Self.decode) else { return nil }
        try await db.raw("DELETE FROM identifiers WHERE id = \(bind: id)").run()
        return record
    }

    /// Sets the verified flag.
    public func setVerified(id: String, customerID: CustomerID, verified: Bool, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE identifiers SET verified = \(bind: verified) WHERE id = \(bind: id) AND customer_id = \(bind: customerID.rawValue)
            """).run()
    }

    static func decode(_ row: any SQLRow) -> IdentifierRecord? {
        guard let typeName = try? row.decode(column: "type", as: String.self), let type = IdentifierType(rawValue: typeName),
              let id = try? row.decode(column: "id", as: String.self),
              let customerID = try? row.decode(column: "customer_id", as: String.self),
              let normalized = try? row.decode(column: "normalized", as: String.self),
              let matchKey = try? row.decode(column: "match_key", as: String.self),
              let masked = try? row.decode(column: "masked", as: String.self),
              let source = try? row.decode(column: "source", as: String.self),
              let verified = try? row.decode(column: "verified", as: Bool.self),
              let strong = try? row.decode(column: "strong", as: Bool.self),
              let live = try? row.decode(column: "live", as: Bool.self),
              let firstSeen = try? row.decode(column: "first_seen", as: Int64.self),
              let lastSeen = try? row.decode(column: "last_seen", as: Int64.self)
        else { return nil }
        return IdentifierRecord(
            id: id, customerID: CustomerID(customerID), type: type, raw: try? row.decode(column: "raw", as: String?.self),
            normalized: normalized, matchKey: matchKey, masked: masked, tail: try? row.decode(column: "tail", as: String?.self),
            source: source, verified: verified, isStrong: strong, isLive: live,
            firstSeen: Timestamp(rawValue: firstSeen), lastSeen: Timestamp(rawValue: lastSeen),
            resolvedVia: (try? row.decode(column: "resolved_via", as: String?.self)) ?? nil
        )
    }
}

/// The identity of an identifier value: its type and match key.
public struct IdentifierKey: Sendable, Hashable {
    public var type: IdentifierType
    public var matchKey: String
    public init(type: IdentifierType, matchKey: String) {
        self.type = type
        self.matchKey = matchKey
    }
}
