import DangolCore
import SQLKit

/// The membership-point ledger (`point_ledger`): append-only entries; balances are derived by the caller.
public struct PointRepository: Sendable {
    public init() {}

    /// The ledger of a customer, including the entries of customers merged into it, in ledger order.
    public func entries(of customerID: CustomerID, on db: any SQLDatabase) async throws -> [PointEntry] {
        try await db.raw("""
            \(HistoryRepository.family(of: [customerID]))
            SELECT p.id, p.kind, p.points, p.at, p.expires_at, p.reason, p.reference FROM family
            \(unsafeRaw: HistoryRepository.familyJoin(db)) point_ledger p ON p.customer_id = family.id ORDER BY p.id
            """).all().compactMap { row in
            guard let kind = PointEntry.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else { return nil }
            return PointEntry(sequence: try row.decode(column: "id", as: Int64.self), kind: kind,
                              points: try row.decode(column: "points", as: Int64.self),
                              at: Timestamp(rawValue: try row.decode(column: "at", as: Int64.self)),
                              expiresAt: try row.decode(column: "expires_at", as: Int64?.self).map(Timestamp.init(rawValue:)),
                              reason: try row.decode(column: "reason", as: String?.self),
                              reference: try row.decode(column: "reference", as: String?.self))
        }
    }

    /// Appends one entry; returns its sequence number.
    public func append(_ entry: PointEntry, customerID: CustomerID, recordedBy: String, idempotencyKey: String?,
                       on db: any SQLDatabase) async throws -> Int64 {
        let row = try await db.raw("""
            INSERT INTO point_ledger (customer_id, kind, points, at, expires_at, reason, reference, recorded_by, idempotency_key)
            VALUES (\(bind: customerID.rawValue), \(bind: entry.kind.rawValue), \(bind: entry.points), \(bind: entry.at.rawValue),
            \(bind: entry.expiresAt?.rawValue), \(bind: entry.reason), \(bind: entry.reference), \(bind: recordedBy), \(bind: idempotencyKey))
            RETURNING id
            """).first()
        return try row?.decode(column: "id", as: Int64.self) ?? 0
    }

    /// The entry recorded earlier under this idempotency key, if any.
    public func entry(customerID: CustomerID, idempotencyKey: String, on db: any SQLDatabase) async throws -> Int64? {
        try await db.raw("""
            SELECT id FROM point_ledger WHERE customer_id = \(bind: customerID.rawValue) AND idempotency_key = \(bind: idempotencyKey)
            """).first()?.decode(column: "id", as: Int64.self)
    }

    /// Holds the customer's ledger for this transaction, so that two redemptions cannot both see the same balance.
    /// PostgreSQL: a row lock on the customer; SQLite: a write transaction already excludes every other writer.
    public func lock(_ customerID: CustomerID, on db: any SQLDatabase) async throws {
        guard db.dialect.name != "sqlite" else { return }
        try await db.raw("SELECT id FROM customers WHERE id = \(bind: customerID.rawValue) FOR UPDATE").run()
    }

    /// Customers holding a positive entry whose expiry has passed (some may have spent or expired those points
    /// already; the caller checks each ledger).
    public func customersWithExpiredLots(at now: Timestamp, on db: any SQLDatabase) async throws -> [CustomerID] {
        try await db.raw("""
            SELECT DISTINCT customer_id FROM point_ledger WHERE points > 0 AND expires_at IS NOT NULL AND expires_at <= \(bind: now.rawValue)
            ORDER BY customer_id
            """).all().map { CustomerID(try $0.decode(column: "customer_id", as: String.self)) }
    }

    /// The sum of every ledger entry: the points outstanding across all customers.
    public func outstanding(on db: any SQLDatabase) async throws -> Int64 {
        try await db.raw("SELECT CAST(COALESCE(SUM(points), 0) AS BIGINT) AS total FROM point_ledger").first()?.decode(column: "total", as: Int64.self) ?? 0
    }

    /// Customers holding a positive entry that expires at or before `time` (candidates for an expiry forecast).
    public func customersWithLotsExpiring(by time: Timestamp, on db: any SQLDatabase) async throws -> [CustomerID] {
        try await db.raw("""
            SELECT DISTINCT customer_id FROM point_ledger WHERE points > 0 AND expires_at IS NOT NULL AND expires_at <= \(bind: time.rawValue)
            """).all().map { CustomerID(try $0.decode(column: "customer_id", as: String.self)) }
    }
}
