import DangolCore
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
        guard let values = Self.integerRows(text) else { throw DatabaseError("The point ledger aggregate could not be read.") }
        return values.compactMap { value in
            guard value.count == 5, let sequence = value[0], let code = value[1], kinds.indices.contains(Int(code)), let points = value[2],
                  let at = value[3] else { return nil }
            return PointEntry(sequence: sequence, kind: kinds[Int(code)], points: points, at: Timestamp(rawValue: at),
                              expiresAt: value[4].map(Timestamp.init(rawValue:)))
        }
    }

    /// Reads a JSON array of arrays of integers and nulls (`[[1,0,500,1700000000000,null],…]`, white space allowed) —
    /// all the aggregate holds. A general JSON decoder spent more time here than the database did.
    static func integerRows(_ text: String) -> [[Int64?]]? {
        var rows: [[Int64?]] = []
        var utf8 = text.utf8[...]
        func skipSpace() { while let byte = utf8.first, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { utf8.removeFirst() } }
        func expect(_ byte: UInt8) -> Bool {
            skipSpace()
            guard utf8.first == byte else { return false }
            utf8.removeFirst()
            return true
        }
        func value() -> Int64?? {
            skipSpace()
            if utf8.starts(with: "null".utf8) {
                utf8.removeFirst(4)
                return .some(nil)
            }
            var negative = false
            if utf8.first == 0x2D {
                negative = true
                utf8.removeFirst()
            }
            var number: Int64 = 0
            var digits = 0
            while let byte = utf8.first, byte >= 0x30, byte <= 0x39 {
                let (times, overflow1) = number.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times.addingReportingOverflow(Int64(byte - 0x30))
                guard !overflow1, !overflow2 else { return nil }
                number = sum
                digits += 1
                utf8.removeFirst()
            }
            return digits > 0 ? .some(negative ? -number : number) : nil
        }
        guard expect(0x5B) else { return nil }
        if expect(0x5D) { return rows }
        repeat {
            guard expect(0x5B) else { return nil }
            var row: [Int64?] = []
            if !expect(0x5D) {
                repeat {
                    guard let next = value() else { return nil }
                    row.append(next)
                } while expect(0x2C)
                guard expect(0x5D) else { return nil }
            }
            rows.append(row)
        } while expect(0x2C)
        guard expect(0x5D) else { return nil }
        skipSpace()
        return utf8.isEmpty ? rows : nil
    }
}
