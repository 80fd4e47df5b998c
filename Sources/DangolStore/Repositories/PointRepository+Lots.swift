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
    /// all the aggregate holds. A general JSON decoder spent more time here than the database did, and so did this
    /// scanner while it stepped through a `Substring.UTF8View` (a quarter of a 360° view's time, 2026-12-06): it now
    /// walks the bytes by index.
    static func integerRows(_ text: String) -> [[Int64?]]? {
        var text = text
        return text.withUTF8 { bytes -> [[Int64?]]? in
            var scanner = IntegerRowScanner(bytes: bytes)
            return scanner.rows()
        }
    }
}

/// The scanner behind ``PointRepository/integerRows(_:)``: one pass over UTF-8 bytes, no allocation but the rows.
private struct IntegerRowScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func rows() -> [[Int64?]]? {
        var rows: [[Int64?]] = []
        guard expect(0x5B) else { return nil }
        if expect(0x5D) { return atEnd() ? rows : nil }
        repeat {
            guard expect(0x5B) else { return nil }
            var row: [Int64?] = []
            row.reserveCapacity(5)
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
        return atEnd() ? rows : nil
    }

    private mutating func skipSpace() {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            position += 1
        }
    }

    private mutating func expect(_ byte: UInt8) -> Bool {
        skipSpace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func atEnd() -> Bool {
        skipSpace()
        return position == bytes.count
    }

    /// A number, `.some(nil)` for `null`, nil for anything else.
    private mutating func value() -> Int64?? {
        skipSpace()
        if bytes.count - position >= 4, bytes[position] == 0x6E, bytes[position + 1] == 0x75, bytes[position + 2] == 0x6C,
           bytes[position + 3] == 0x6C {
            position += 4
            return .some(nil)
        }
        var negative = false
        if position < bytes.count, bytes[position] == 0x2D {
            negative = true
            position += 1
        }
        var number: Int64 = 0
        var digits = 0
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
            let (times, overflow1) = number.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(bytes[position] - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            number = sum
            digits += 1
            position += 1
        }
        return digits > 0 ? .some(negative ? -number : number) : nil
    }
}
