import DangolAnalytics
import DangolApp
import DangolCore
import DangolCSV
import Foundation
import Testing

@Suite("Standalone analysis of a CSV transaction log")
struct StandaloneAnalysisTests {
    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dangol-analyze-\(UUID().uuidString)-\(name)").path
    }

    static func rows(of path: String) throws -> [[String]] {
        try CSVFileReader(path: path).compactMap { try? $0.get().fields }
    }

    /// The CDNOW vectors of the analytics tests (made by scripts/analytics/make-vectors.py from lifetimes).
    static func vector(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DangolAnalyticsTests/Vectors/\(name)").path
    }

    @Test("A small log: bad rows rejected with line and reason, one row per customer, refunds netted")
    func smallFile() throws {
        let input = Self.temporaryPath("tx.csv"), output = Self.temporaryPath("scores.csv")
        defer { for path in [input, output, output + ".parameters.json"] { try? FileManager.default.removeItem(atPath: path) } }
        try """
            customer_id,date,amount,cost
            c1,2026-01-05,10000,6000
            c1,2026-13-01,5000,
            c1,2026-01-05,2000,
            c2,20260110,7000,3000
            c1,2026-02-05,8000,4000
            c2,2026-02-01,12.5,
            c1,2026-03-01,-1000,
            ,2026-03-01,100,
            c3,2026-03-10,3000,x

            """.write(toFile: input, atomically: true, encoding: .utf8)
        let outcome = try StandaloneAnalysis().run(input: input, output: output,
                                                   observationEnd: CivilDate(year: 2026, month: 3, day: 31))
        #expect(outcome.rowsRead == 9)
        #expect(outcome.rejections.map(\.line) == [3, 7, 9, 10])
        #expect(outcome.rejections[0].reason.contains("date"))
        #expect(outcome.rejections[1].reason.contains("amount"))
        #expect(outcome.customers == 2)
        let rows = try Self.rows(of: output)
        #expect(rows.first == StandaloneAnalysis.header)
        #expect(rows.count == 3)
        let c1 = try #require(rows.first { $0.first == "c1" })
        let column = Dictionary(uniqueKeysWithValues: zip(StandaloneAnalysis.header, c1))
        #expect(column["frequency"] == "1")            // 01-05 and 02-05; the 03-01 refund is not a purchase day
        #expect(column["recency_days"] == "31")
        #expect(column["age_days"] == "85")
        #expect(column["monetary"] == "8000.000000")
        #expect(column["revenue"] == "19000")           // 12,000 + 8,000 − 1,000
        #expect(column["margin"] == "9000")             // (12,000 − 6,000) + (8,000 − 4,000) − 1,000
        #expect(column["p_alive"] == "")                // two customers: no model, documented fallback
        #expect(outcome.report?.fallbacks.first?.hasPrefix("bgnbd: fit.too_few_customers") == true)
    }

    @Test("On the CDNOW sample the standalone path gives lifetimes' summaries and the same BG/NBD and Gamma–Gamma fits")
    func cdnowParity() throws {
        let output = Self.temporaryPath("cdnow-scores.csv")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let outcome = try StandaloneAnalysis().run(input: Self.vector("cdnow_transactions.csv"), output: output,
                                                   observationEnd: CivilDate(year: 1998, month: 6, day: 30))
        #expect(outcome.rejections.isEmpty)
        let reference = try Self.rows(of: Self.vector("cdnow_transactions_summary.csv")).dropFirst()
        let ours = try Self.rows(of: output).dropFirst()
        #expect(ours.count == reference.count)
        let byID = Dictionary(uniqueKeysWithValues: ours.map { ($0[0], $0) })
        var frequency: [Int] = [], recency: [Double] = [], age: [Double] = [], monetary: [Double] = []
        for row in reference {
            let mine = try #require(byID[row[0]])
            #expect(mine[1] == row[1] && mine[2] == row[2] && mine[3] == row[3], "customer \(row[0])")
            #expect(abs(Double(mine[4])! - Double(row[4])!) <= 1e-6 * max(1, Double(row[4])!))
            frequency.append(Int(row[1])!)
            recency.append(Double(row[2])!)
            age.append(Double(row[3])!)
            monetary.append(Double(row[4])!)
        }
        let direct = try BGNBDFitter().fit(PurchaseHistories(frequency: frequency, recency: recency, age: age, unit: .days)).model
        let fitted = try #require(outcome.report?.bgnbd?.model)
        for (mine, theirs) in [(fitted.r, direct.r), (fitted.alpha, direct.alpha), (fitted.a, direct.a), (fitted.b, direct.b)] {
            #expect(abs(mine - theirs) <= 1e-6 * theirs)
        }
        let spend = try GammaGammaFitter().fit(frequency: frequency, monetaryValue: monetary).model
        let fittedSpend = try #require(outcome.report?.gammaGamma?.model)
        #expect(abs(fittedSpend.p - spend.p) <= 1e-6 * spend.p && abs(fittedSpend.q - spend.q) <= 1e-6 * spend.q)
    }
}
