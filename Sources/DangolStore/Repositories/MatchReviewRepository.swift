import DangolCore
import SQLKit

/// The review queue of candidate pairs (`match_reviews`).
public struct MatchReviewRepository: Sendable {
    public init() {}

    /// Proposes pairs; a pair already proposed — pending, confirmed or rejected — is left as it is, so a rejected
    /// pair is never proposed again. Returns how many were new.
    @discardableResult
    public func propose(_ reviews: [MatchReviewRecord], on db: any SQLDatabase) async throws -> Int {
        var added = 0
        for review in reviews {
            let (left, right) = review.leftID < review.rightID ? (review.leftID, review.rightID) : (review.rightID, review.leftID)
            let exists = try await db.raw("""
                SELECT id FROM match_reviews WHERE left_id = \(bind: left.rawValue) AND right_id = \(bind: right.rawValue)
                """).first()
            guard exists == nil else { continue }
            try await db.raw("""
                INSERT INTO match_reviews (id, left_id, right_id, probability, weight, explanation, origin, status, created_at)
                VALUES (\(bind: review.id), \(bind: left.rawValue), \(bind: right.rawValue), \(bind: review.probability),
                \(bind: review.weight), \(bind: review.explanation), \(bind: review.origin), \(bind: review.status.rawValue),
                \(bind: review.createdAt.rawValue))
                ON CONFLICT (left_id, right_id) DO NOTHING
                """).run()
            added += 1
        }
        return added
    }

    public func find(_ id: String, on db: any SQLDatabase) async throws -> MatchReviewRecord? {
        try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM match_reviews WHERE id = \(bind: id)").first().flatMap(Self.decode)
    }

    /// Reviews with a status, most probable first. Pending reviews whose customers were since deleted or merged are
    /// left out: there is nothing left to decide.
    public func list(status: MatchReviewRecord.Status, limit: Int, offset: Int = 0, on db: any SQLDatabase) async throws -> [MatchReviewRecord] {
        let live: SQLQueryString = status == .pending ? """
            AND EXISTS (SELECT 1 FROM customers c WHERE c.id = r.left_id AND c.deleted_at IS NULL AND c.merged_into IS NULL)
            AND EXISTS (SELECT 1 FROM customers c WHERE c.id = r.right_id AND c.deleted_at IS NULL AND c.merged_into IS NULL)
            """ : ""
        return try await db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM match_reviews r WHERE status = \(bind: status.rawValue) \(live)
            ORDER BY probability DESC, id LIMIT \(literal: limit) OFFSET \(literal: offset)
            """).all().compactMap(Self.decode)
    }

    /// Records a decision.
    public func decide(_ id: String, status: MatchReviewRecord.Status, by userID: String, at: Timestamp, mergeID: String?,
                       on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE match_reviews SET status = \(bind: status.rawValue), decided_by = \(bind: userID), decided_at = \(bind: at.rawValue),
            merge_id = \(bind: mergeID) WHERE id = \(bind: id)
            """).run()
    }

    /// Whether a pair was rejected by a steward.
    public func isRejected(_ a: CustomerID, _ b: CustomerID, on db: any SQLDatabase) async throws -> Bool {
        let (left, right) = a < b ? (a, b) : (b, a)
        return try await db.raw("""
            SELECT id FROM match_reviews WHERE left_id = \(bind: left.rawValue) AND right_id = \(bind: right.rawValue) AND status = 'rejected'
            """).first() != nil
    }

    private static let columns = """
        id, left_id, right_id, probability, weight, explanation, origin, status, created_at, decided_by, decided_at, merge_id
        """

    private static func decode(_ row: any SQLRow) throws -> MatchReviewRecord? {
        guard let status = MatchReviewRecord.Status(rawValue: try row.decode(column: "status", as: String.self)) else { return nil }
        return MatchReviewRecord(
            id: try row.decode(column: "id", as: String.self),
            leftID: CustomerID(try row.decode(column: "left_id", as: String.self)),
            rightID: CustomerID(try row.decode(column: "right_id", as: String.self)),
            probability: try row.decode(column: "probability", as: Double.self),
            weight: try row.decode(column: "weight", as: Double.self),
            explanation: try row.decode(column: "explanation", as: String.self),
            origin: try row.decode(column: "origin", as: String.self), status: status,
            createdAt: Timestamp(rawValue: try row.decode(column: "created_at", as: Int64.self)),
            decidedBy: try row.decode(column: "decided_by", as: String?.self),
            decidedAt: try row.decode(column: "decided_at", as: Int64?.self).map(Timestamp.init(rawValue:)),
            mergeID: try row.decode(column: "merge_id", as: String?.self))
    }
}
