import DangolCore
import Foundation
import SQLKit

extension PointRepository {
    /// The ledger of a customer family as ``PointLots`` needs it — sequence, kind, points, time, expiry; no reasons or
    /// references — for balances and redemption checks.
    ///
    /// A customer with years of purchases has thousands of entries, and decoding them column by column through the
    /// driver cost more than the rest of the 360° view together; here the database folds them into one JSON array of
    /// numbers (kinds as codes) that is decoded in one go.
    public func lotEntries(of customerID: CustomerID, on db: any SQLDatabase) async throws -> [PointEntry] {
        let kinds = PointEntry.Kind.allCases
        let kindCode = "CASE p.kind " + kinds.enumerated().map { "WHEN '\($0.element.rawValue)' THEN \($0.offset)" }.joined(separator: " ") + " END"
        let aggregate = db.dialect.name == "sqlite"
            ? "json_group_array(json_array(p.id, \(kindCode), p.points, p.at, p.expires_at))"
            : "CAST(COALESCE(json_agg(json_build_array(p.id, \(kindCode), p.points, p.at, p.expires_at)), '[]') AS TEXT)"
        let row = try await db.raw("""
            \(HistoryRepository.family(of: [customerID]))
            SELECT \(unsafeRaw: aggregate) AS entries FROM family
            \(unsafeRaw: HistoryRepository.familyJoin(db)) point_ledger p ON p.customer_id = family.id
            """).first()
        guard let text = try row?.decode(column: "entries", as: String?.self) else { return [] }
        let values = try JSONDecoder().decode([[Int64?]].self, from: Data(text.utf8))
        return values.compactMap { value in
            guard value.count == 5, let sequence = value[0], let code = value[1], kinds.indices.contains(Int(code)), let points = value[2],
                  let at = value[3] else { return nil }
            return PointEntry(sequence: sequence, kind: kinds[Int(code)], points: points, at: Timestamp(rawValue: at),
                              expiresAt: value[4].map(Timestamp.init(rawValue:)))
        }
    }
}
