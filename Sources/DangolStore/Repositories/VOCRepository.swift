import DangolCore
import SQLKit

/// VOC cases and their status history.
public struct VOCRepository: Sendable {
    public init() {}

    public func insert(_ record: VOCCaseRecord, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO voc_cases (id, customer_id, kind, category, severity, channel, subject, description, status, owner_id, opened_at,
            due_at, updated_at) VALUES (\(bind: record.id), \(bind: record.customerID.rawValue), \(bind: record.kind.rawValue),
            \(bind: record.category), \(bind: record.severity.rawValue), \(bind: record.channel), \(bind: record.subject),
            \(bind: record.description), \(bind: record.status.rawValue), \(bind: record.ownerID), \(bind: record.openedAt.rawValue),
            \(bind: record.dueAt.rawValue), \(bind: record.updatedAt.rawValue))
            """).run()
    }

    /// Saves the mutable fields of a case.
    public func update(_ record: VOCCaseRecord, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE voc_cases SET status = \(bind: record.status.rawValue), owner_id = \(bind: record.ownerID),
            resolved_at = \(bind: record.resolvedAt?.rawValue), resolution = \(bind: record.resolution),
            escalated_at = \(bind: record.escalatedAt?.rawValue), escalated_to = \(bind: record.escalatedTo),
            due_at = \(bind: record.dueAt.rawValue), updated_at = \(bind: record.updatedAt.rawValue) WHERE id = \(bind: record.id)
            """).run()
    }

    public func appendEvent(caseID: String, customerID: CustomerID, from: VOCCase.Status?, to: VOCCase.Status, by userID: String?,
                            note: String?, at: Timestamp, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO voc_events (case_id, customer_id, from_status, to_status, by_user_id, note, at) VALUES (\(bind: caseID),
            \(bind: customerID.rawValue), \(bind: from?.rawValue), \(bind: to.rawValue), \(bind: userID), \(bind: note), \(bind: at.rawValue))
            """).run()
    }

    public func find(_ id: String, on db: any SQLDatabase) async throws -> VOCCaseRecord? {
        try await load(where: "id = \(bind: id)", on: db).first
    }

    /// Cases by status (the board), oldest deadline first.
    public func list(status: VOCCase.Status?, customerID: CustomerID?, limit: Int, on db: any SQLDatabase) async throws -> [VOCCaseRecord] {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let status { conditions.append("status = \(bind: status.rawValue)") }
        if let customerID { conditions.append("customer_id = \(bind: customerID.rawValue)") }
        return try await load(where: conditions.joined(" AND "), limit: limit, on: db)
    }

    /// Open cases past their deadline that have not been escalated yet.
    public func overdue(at now: Timestamp, on db: any SQLDatabase) async throws -> [VOCCaseRecord] {
        try await load(where: """
            status IN ('received', 'assigned', 'in_progress', 'reopened') AND due_at < \(bind: now.rawValue) AND escalated_at IS NULL
            """, limit: 10_000, on: db)
    }

    private func load(where condition: SQLQueryString, limit: Int = 1, on db: any SQLDatabase) async throws -> [VOCCaseRecord] {
        try await db.raw("""
            SELECT id, customer_id, kind, category, severity, channel, subject, description, status, owner_id, opened_at, due_at, resolved_at,
            resolution, escalated_at, escalated_to, updated_at FROM voc_cases WHERE \(condition) ORDER BY due_at, id LIMIT \(literal: limit)
            """).all().compactMap { row in
            guard let kind = VOCCase.Kind(rawValue: try row.decode(column: "kind", as: String.self)),
                  let severity = VOCCase.Severity(rawValue: try row.decode(column: "severity", as: String.self)),
                  let status = VOCCase.Status(rawValue: try row.decode(column: "status", as: String.self)) else { return nil }
            return VOCCaseRecord(
                id: try row.decode(column: "id", as: String.self), customerID: CustomerID(try row.decode(column: "customer_id", as: String.self)),
                kind: kind, category: try row.decode(column: "category", as: String?.self), severity: severity,
                channel: try row.decode(column: "channel", as: String.self), subject: try row.decode(column: "subject", as: String.self),
                description: try row.decode(column: "description", as: String?.self), status: status,
                ownerID: try row.decode(column: "owner_id", as: String?.self),
                openedAt: Timestamp(rawValue: try row.decode(column: "opened_at", as: Int64.self)),
                dueAt: Timestamp(rawValue: try row.decode(column: "due_at", as: Int64.self)),
                resolvedAt: try row.decode(column: "resolved_at", as: Int64?.self).map(Timestamp.init(rawValue:)),
                resolution: try row.decode(column: "resolution", as: String?.self),
                escalatedAt: try row.decode(column: "escalated_at", as: Int64?.self).map(Timestamp.init(rawValue:)),
                escalatedTo: try row.decode(column: "escalated_to", as: String?.self),
                updatedAt: Timestamp(rawValue: try row.decode(column: "updated_at", as: Int64.self)))
        }
    }
}
