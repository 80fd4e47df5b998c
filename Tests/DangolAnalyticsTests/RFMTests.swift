@testable import DangolAnalytics
import Testing

@Suite("RFM scores and segments")
struct RFMTests {
    @Test("Ten distinct values score two customers per quintile")
    func quintiles() {
        #expect(QuintileScore.scores((1...10).map(Double.init)) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        #expect(QuintileScore.scores([50, 10, 40, 20, 30]) == [5, 1, 4, 2, 3])
    }

    @Test("Ties share the mid-rank score whatever the input order; all-equal and lone customers score 3")
    func ties() {
        #expect(QuintileScore.scores([1, 1, 1, 2, 3]) == [2, 2, 2, 4, 5])
        #expect(QuintileScore.scores([3, 1, 2, 1, 1]) == [5, 2, 4, 2, 2])
        #expect(QuintileScore.scores([7, 7, 7, 7]) == [3, 3, 3, 3])
        #expect(QuintileScore.scores([42]) == [3])
        #expect(QuintileScore.scores([]) == [])
    }

    @Test("Segments follow the documented table, first matching row wins", arguments: [
        (5, 5, 5, RFMSegment.champions), (4, 4, 4, .champions), (5, 1, 1, .new), (4, 1, 5, .new),
        (5, 2, 3, .potentialLoyalists), (4, 3, 2, .potentialLoyalists), (3, 4, 4, .loyal), (3, 3, 3, .loyal),
        (1, 5, 5, .cantLose), (1, 4, 4, .cantLose), (2, 4, 4, .atRisk), (1, 3, 3, .atRisk), (2, 5, 5, .atRisk),
        (3, 1, 2, .hibernating), (2, 2, 2, .hibernating), (1, 1, 1, .lost), (1, 2, 2, .lost),
    ])
    func segments(r: Int, f: Int, m: Int, segment: RFMSegment) {
        #expect(RFMSegment(recency: r, frequency: f, monetary: m) == segment)
    }

    @Test("A recent one-time buyer is new even when ties lift the frequency score above 1")
    func newDespiteTies() {
        #expect(RFMSegment(recency: 5, frequency: 2, monetary: 2, onePurchaseOnly: true) == .new)
        #expect(RFMSegment(recency: 5, frequency: 2, monetary: 2, onePurchaseOnly: false) == .potentialLoyalists)
        #expect(RFMSegment(recency: 5, frequency: 5, monetary: 5, onePurchaseOnly: true) == .champions)
    }

    @Test("Every score combination has a segment, and all eight segments occur")
    func coverage() {
        var seen = Set<RFMSegment>()
        for r in 1...5 { for f in 1...5 { for m in 1...5 { seen.insert(RFMSegment(recency: r, frequency: f, monetary: m)) } } }
        #expect(seen == Set(RFMSegment.allCases))
    }

    @Test("Scoring five customers: recent, frequent, big spenders score high")
    func scoring() throws {
        let inputs = [
            RFMScorer.Input(customerID: "a", daysSinceLastPurchase: 3, purchaseCount: 12, monetary: 900_000),
            RFMScorer.Input(customerID: "b", daysSinceLastPurchase: 400, purchaseCount: 1, monetary: 10_000),
            RFMScorer.Input(customerID: "c", daysSinceLastPurchase: 30, purchaseCount: 4, monetary: 120_000),
            RFMScorer.Input(customerID: "d", daysSinceLastPurchase: 200, purchaseCount: 9, monetary: 500_000),
            RFMScorer.Input(customerID: "e", daysSinceLastPurchase: 10, purchaseCount: 1, monetary: 30_000),
        ]
        let scores = try RFMScorer().scores(of: inputs)
        // b and e tie on one purchase: mid-rank 0.5 of 5 → frequency score 2; e is still new (one purchase).
        #expect(scores.map(\.code) == ["555", "121", "333", "244", "422"])
        #expect(scores.map(\.segment) == [.champions, .lost, .loyal, .atRisk, .new])
    }

    @Test("Negative days or counts are refused")
    func invalid() {
        #expect(throws: AnalyticsError.self) {
            try RFMScorer().scores(of: [.init(customerID: "a", daysSinceLastPurchase: -1, purchaseCount: 1, monetary: 1)])
        }
    }
}
