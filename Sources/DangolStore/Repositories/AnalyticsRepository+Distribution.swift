import DangolCore
import SQLKit

extension AnalyticsRepository {
    /// How many customers' margin CLV falls in each band `[bounds[i], bounds[i+1])` (the last band open-ended; below
    /// the first bound counts in band 0), counted in SQL. Customers without a CLV (models not fitted) are left out.
    public func clvDistribution(bounds: [Double], on db: any SQLDatabase) async throws -> [Int] {
        guard !bounds.isEmpty else { return [] }
        var cases = "CASE"
        for (index, bound) in bounds.enumerated().dropFirst().reversed() {
            cases += " WHEN clv >= \(bound) THEN \(index)"
        }
        cases += " ELSE 0 END"
        var counts = [Int](repeating: 0, count: bounds.count)
        for row in try await db.raw("""
            SELECT \(unsafeRaw: cases) AS band, COUNT(*) AS n FROM customer_scores WHERE clv IS NOT NULL GROUP BY 1
            """).all() {
            let band = try row.decode(column: "band", as: Int.self)
            if counts.indices.contains(band) { counts[band] = try row.decode(column: "n", as: Int.self) }
        }
        return counts
    }
}
