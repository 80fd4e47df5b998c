import DangolCore
import SQLKit

/// Sales transactions and their lines: idempotent insertion (per source and external id), lookup, attaching an
/// anonymous sale, the daily revenue split by identification, and the moves a merge makes.
public struct TransactionRepository: Sendable {
    public init() {}

    /// Inserts transactions with their lines; one already recorded under the same source and external id is skipped
    /// (with its lines). Returns the ids actually inserted.
    @discardableResult
    public func insert(_ transactions: [TransactionRecord], on db: any SQLDatabase) async throws -> Set<String> {
        var rows = TransactionRows(capacity: transactions.count)
        for transaction in transactions { rows.append(transaction) }
        return try await insert(rows, on: db)
    }

    /// Inserts sales encoded ahead of time, skipping those whose (source, external id) is already recorded (and
    /// their lines); returns the ids of those inserted.
    @discardableResult
    public func insert(_ rows: TransactionRows, on db: any SQLDatabase) async throws -> Set<String> {
        Set(try await insertReportingSales(rows, on: db).map { rows.ids[$0] })
    }

    /// Like `insert(_:on:)`, returning the indices (into `rows`, ascending) of the sales inserted: what an import of
    /// millions of sales needs, without a string or set entry per sale.
    public func insertReportingSales(_ rows: TransactionRows, on db: any SQLDatabase) async throws -> [Int] {
        guard rows.count > 0 else { return [] }
        let new = try await db.bulkInsertNewRows(into: "transactions", columns: Self.columns, rows: rows.transactions,
                                                 conflict: ["source", "external_id"], key: "id")
        if new.count == rows.count {
            try await db.bulkInsert(into: "transaction_lines", columns: Self.lineColumns, rows: rows.lines)
        } else {
            var keep = [Bool](repeating: false, count: rows.count)
            for index in new { keep[index] = true }
            try await db.bulkInsert(into: "transaction_lines", columns: Self.lineColumns, rows: rows.filter { keep[$0] }.lines)
        }
        return new
    }

    /// The transaction recorded under a source and external id, with its lines.
    public func find(source: String, externalID: String, on db: any SQLDatabase) async throws -> TransactionRecord? {
        try await load(where: "source = \(bind: source) AND external_id = \(bind: externalID)", on: db).first
    }

    /// One transaction by id, with its lines.
    public func find(id: String, on db: any SQLDatabase) async throws -> TransactionRecord? {
        try await load(where: "id = \(bind: id)", on: db).first
    }

    /// Gives an anonymous transaction to a customer; false when it is not anonymous (any more).
    public func attach(id: String, to customerID: CustomerID, via: String?, at: Timestamp, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw("""
            UPDATE transactions SET customer_id = \(bind: customerID.rawValue), resolved_via = \(bind: via), attached_at = \(bind: at.rawValue)
            WHERE id = \(bind: id) AND customer_id IS NULL RETURNING id
            """).all().count == 1
    }

    private func load(where condition: SQLQueryString, on db: any SQLDatabase) async throws -> [TransactionRecord] {
        let rows = try await db.raw("""
            SELECT id, source, external_id, customer_id, kind, channel, store, occurred_at, amount_minor, cost_minor, currency,
            refund_of, resolved_via, created_at, attached_at FROM transactions WHERE \(condition) ORDER BY occurred_at, id
            """).all()
        var result: [TransactionRecord] = []
        for row in rows {
            guard let kind = TransactionRecord.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
            let id = try row.decode(column: "id", as: String.self)
            let lines = try await db.raw("""
                SELECT sku, quantity, unit_price_minor, amount_minor, cost_minor FROM transaction_lines WHERE transaction_id = \(bind: id)
                ORDER BY line_no
                """).all().map { line in
                TransactionLine(sku: try line.decode(column: "sku", as: String?.self), quantity: try line.decode(column: "quantity", as: Int64.self),
                                unitPriceMinor: try line.decode(column: "unit_price_minor", as: Int64.self),
                                amountMinor: try line.decode(column: "amount_minor", as: Int64.self),
                                costMinor: try line.decode(column: "cost_minor", as: Int64?.self))
            }
            result.append(TransactionRecord(
                id: id, source: try row.decode(column: "source", as: String.self),
                externalID: try row.decode(column: "external_id", as: String.self),
                customerID: try row.decode(column: "customer_id", as: String?.self).map { CustomerID($0) }, kind: kind,
                channel: try row.decode(column: "channel", as: String.self), store: try row.decode(column: "store", as: String?.self),
                occurredAt: Timestamp(rawValue: try row.decode(column: "occurred_at", as: Int64.self)),
                amountMinor: try row.decode(column: "amount_minor", as: Int64.self),
                costMinor: try row.decode(column: "cost_minor", as: Int64?.self), currency: try row.decode(column: "currency", as: String.self),
                refundOf: try row.decode(column: "refund_of", as: String?.self), resolvedVia: try row.decode(column: "resolved_via", as: String?.self),
                createdAt: Timestamp(rawValue: try row.decode(column: "created_at", as: Int64.self)),
                attachedAt: try row.decode(column: "attached_at", as: Int64?.self).map(Timestamp.init(rawValue:)), lines: lines))
        }
        return result
    }

    static let lineColumns: [BulkColumn] = [
        .text("transaction_id"), .bigint("line_no"), .text("sku"), .bigint("quantity"), .bigint("unit_price_minor"),
        .bigint("amount_minor"), .bigint("cost_minor"),
    ]

    static let columns: [BulkColumn] = [
        .text("id"), .text("source"), .text("external_id"), .text("customer_id"), .text("kind"), .text("channel"), .text("store"),
        .bigint("occurred_at"), .bigint("amount_minor"), .bigint("cost_minor"), .text("currency"), .text("refund_of"),
        .text("resolved_via"), .bigint("created_at"), .bigint("attached_at"),
    ]

    /// Revenue per business day, channel and currency in `[from, to)`, split by whether the buyer is known. The day
    /// is computed in SQL with a fixed UTC offset (the business time zone's; Asia/Seoul has no daylight saving), so
    /// the aggregation stays in the database whatever the number of sales. (PostgreSQL sums BIGINT as NUMERIC, hence
    /// the casts.)
    public func dailyRevenue(from: Timestamp, to: Timestamp, utcOffsetSeconds: Int, on db: any SQLDatabase) async throws -> [DailyRevenue] {
        let offset = Int64(utcOffsetSeconds) * 1_000
        return try await db.raw("""
            SELECT (occurred_at + \(bind: offset)) / 86400000 AS day, channel, currency, COUNT(*) AS n,
            CAST(SUM(CASE WHEN customer_id IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT) AS identified_n,
            CAST(SUM(amount_minor) AS BIGINT) AS revenue,
            CAST(SUM(CASE WHEN customer_id IS NOT NULL THEN amount_minor ELSE 0 END) AS BIGINT) AS identified_revenue
            FROM transactions WHERE occurred_at >= \(bind: from.rawValue) AND occurred_at < \(bind: to.rawValue)
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """).all().map { row in
            DailyRevenue(day: Int(try row.decode(column: "day", as: Int64.self)), channel: try row.decode(column: "channel", as: String.self),
                         currency: try row.decode(column: "currency", as: String.self),
                         transactions: Int(try row.decode(column: "n", as: Int64.self)),
                         identifiedTransactions: Int(try row.decode(column: "identified_n", as: Int64.self)),
                         revenueMinor: try row.decode(column: "revenue", as: Int64.self),
                         identifiedRevenueMinor: try row.decode(column: "identified_revenue", as: Int64.self))
        }
    }

    /// Ids of a customer's transactions.
    public func ids(of customerID: CustomerID, on db: any SQLDatabase) async throws -> [(id: String, resolvedVia: String?, createdAt: Timestamp)] {
        try await db.raw("""
            SELECT id, resolved_via, created_at FROM transactions WHERE customer_id = \(bind: customerID.rawValue) ORDER BY id
            """).all().map { row in
            (try row.decode(column: "id", as: String.self), try row.decode(column: "resolved_via", as: String?.self),
             Timestamp(rawValue: try row.decode(column: "created_at", as: Int64.self)))
        }
    }

    /// Moves transactions to another customer; only those currently held by `from` move.
    public func move(_ ids: [String], from: CustomerID, to: CustomerID, on db: any SQLDatabase) async throws {
        for chunk in ids.chunked(into: 500) {
            let binds: [any Encodable & Sendable] = Array(chunk)
            try await db.raw("""
                UPDATE transactions SET customer_id = \(bind: to.rawValue) WHERE customer_id = \(bind: from.rawValue) AND id IN (\(binds: binds))
                """).run()
        }
    }
}
