import DangolCore
import SQLKit

/// The append-only audit log (updates and deletes are refused by triggers).
public struct AuditRepository: Sendable {
    public init() {}

    /// Appends entries in one statement.
    public func append(_ entries: [AuditEntry], on db: any SQLDatabase) async throws {
        for chunk in entries.chunked(into: 500) {
            let rows: [SQLQueryString] = chunk.map { entry in
                """
                (\(bind: entry.at.rawValue), \(bind: entry.actorID), \(bind: entry.actorRole), \(bind: entry.action), \
                \(bind: entry.customerID?.rawValue), \(bind: entry.detail), \(bind: entry.sourceIP), \(bind: entry.requestID))
                """
            }
            try await db.raw("""
                INSERT INTO audit_log (at, actor_id, actor_role, action, customer_id, detail, source_ip, request_id)
                VALUES \(rows.joined(", "))
                """).run()
        }
    }

    /// Entries, newest first, optionally for one customer and/or one action.
    public func list(customerID: CustomerID? = nil, action: String? = nil, limit: Int = 100, on db: any SQLDatabase) async throws -> [AuditEntry] {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let customerID { conditions.append("customer_id = \(bind: customerID.rawValue)") }
        if let action { conditions.append("action = \(bind: action)") }
        return try await db.raw("""
            SELECT id, at, actor_id, actor_role, action, customer_id, detail, source_ip, request_id FROM audit_log
            WHERE \(conditions.joined(" AND ")) ORDER BY id DESC LIMIT \(literal: limit)
            """).all().map { row in
            AuditEntry(
                id: try row.decode(column: "id", as: Int64.self),
                at: Timestamp(rawValue: try row.decode(column: "at", as: Int64.self)),
                actorID: try row.decode(column: "actor_id", as: String?.self),
                actorRole: try row.decode(column: "actor_role", as: String?.self),
                action: try row.decode(column: "action", as: String.self),
                customerID: try row.decode(column: "customer_id", as: String?.self).map(CustomerID.init(rawValue:)),
                detail: try row.decode(column: "detail", as: String?.self),
                sourceIP: try row.decode(column: "source_ip", as: String?.self),
                requestID: try row.decode(column: "request_id", as: String?.self)
            )
        }
    }
}
