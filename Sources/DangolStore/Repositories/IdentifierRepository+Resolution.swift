import DangolCore
import SQLKit

extension IdentifierRepository {
    /// Candidate customers for resolving an incoming record (blocking in the store): live customers sharing one of
    /// the weak identifier values (name + birth date, web domain, name + address…) or a phone ending in one of the
    /// tails. At most `limit` per key, so a very common value cannot flood the comparison.
    public func candidateCustomers(weakKeys: [IdentifierKey], phoneTails: [String], limit: Int,
                                   on db: any SQLDatabase) async throws -> [CustomerID] {
        var found: [CustomerID] = []
        var seen: Set<CustomerID> = []
        func add(_ rows: [any SQLRow]) throws {
            for row in rows {
                let id = CustomerID(try row.decode(column: "customer_id", as: String.self))
                if seen.insert(id).inserted { found.append(id) }
            }
        }
        for key in Set(weakKeys) where !key.type.isStrong {
            try add(try await db.raw("""
                SELECT DISTINCT customer_id FROM identifiers WHERE type = \(bind: key.type.rawValue) AND match_key = \(bind: key.matchKey)
                AND \(unsafeRaw: Self.strength(false)) LIMIT \(literal: limit)
                """).all())
        }
        for tail in Set(phoneTails) {
            try add(try await db.raw("""
                SELECT DISTINCT customer_id FROM identifiers WHERE tail = \(bind: tail) AND live LIMIT \(literal: limit)
                """).all())
        }
        return found
    }

    /// Serialises resolutions of records that share an identifier value until the transaction ends, so that two
    /// requests for the same new person cannot both decide "no one matches" and create two customers.
    /// PostgreSQL: transaction-scoped advisory locks, taken in a fixed order (no deadlock between two resolutions).
    /// SQLite: nothing to do — a write transaction already excludes every other writer.
    public func lockForResolution(_ keys: [IdentifierKey], on db: any SQLDatabase) async throws {
        guard db.dialect.name != "sqlite" else { return }
        for text in Set(keys.map { $0.type.rawValue + ":" + $0.matchKey }).sorted() {
            try await db.raw("SELECT pg_advisory_xact_lock(hashtextextended(\(bind: text), 0))").run()
        }
    }
}
