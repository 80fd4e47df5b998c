import DangolCore
import SQLKit

extension VOCRepository {
    /// A case's history, oldest first.
    public func events(of caseID: String, on db: any SQLDatabase) async throws -> [VOCEventRecord] {
        try await db.raw("""
            SELECT from_status, to_status, by_user_id, note, at FROM voc_events WHERE case_id = \(bind: caseID) ORDER BY at, id
            """).all().compactMap { row in
            guard let to = VOCCase.Status(rawValue: try row.decode(column: "to_status", as: String.self)) else { return nil }
            return VOCEventRecord(from: try row.decode(column: "from_status", as: String?.self).flatMap(VOCCase.Status.init(rawValue:)), to: to,
                                  byUserID: try row.decode(column: "by_user_id", as: String?.self),
                                  note: try row.decode(column: "note", as: String?.self),
                                  at: Timestamp(rawValue: try row.decode(column: "at", as: Int64.self)))
        }
    }
}
