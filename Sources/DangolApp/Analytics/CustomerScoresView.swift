import DangolCore
import DangolStore
import Foundation

/// A customer's scores as the API and the 360° view show them: dates in ISO 8601 (business time zone), spans in
/// days, money in minor units of `currency`; model values null when the last refresh had no model.
public struct CustomerScoresView: Codable, Sendable, Hashable {
    public var computedAt: Timestamp
    public var modelVersion: String
    public var currency: String
    public var observationEnd: String
    public var firstPurchase: String
    public var lastPurchase: String
    /// Repeat purchase days (x).
    public var frequency: Int
    public var recencyDays: Int
    /// Days since the first purchase (T).
    public var ageDays: Int
    public var monetary: Double
    public var revenueMinor: Int64
    public var marginMinor: Int64
    public var historicalValue: Double
    public var horizonDays: Int
    public var probabilityAlive: Double?
    public var expectedPurchases: Double?
    public var expectedSpend: Double?
    public var clvRevenue: Double?
    public var clv: Double?
    public var rfm: RFM
    public var valueQuadrant: String?
    public var churnBand: String
    public var churnFactors: [ChurnFactorView]

    /// RFM scores 1–5 and the segment.
    public struct RFM: Codable, Sendable, Hashable {
        public var recency: Int
        public var frequency: Int
        public var monetary: Int
        public var segment: String
    }

    public init(_ record: CustomerScoreRecord) {
        computedAt = record.computedAt
        modelVersion = record.modelVersion
        currency = record.currency
        observationEnd = CivilDate(daysSinceEpoch: record.observationEndDay).iso8601
        firstPurchase = CivilDate(daysSinceEpoch: record.firstPurchaseDay).iso8601
        lastPurchase = CivilDate(daysSinceEpoch: record.lastPurchaseDay).iso8601
        frequency = record.frequency
        recencyDays = record.recencyDays
        ageDays = record.ageDays
        monetary = record.monetary
        revenueMinor = record.revenueMinor
        marginMinor = record.marginMinor
        historicalValue = record.historicalValue
        horizonDays = record.horizonDays
        probabilityAlive = record.probabilityAlive
        expectedPurchases = record.expectedPurchases
        expectedSpend = record.expectedSpend
        clvRevenue = record.clvRevenue
        clv = record.clv
        rfm = RFM(recency: record.rfmRecency, frequency: record.rfmFrequency, monetary: record.rfmMonetary, segment: record.rfmSegment)
        valueQuadrant = record.valueQuadrant
        churnBand = record.churnBand
        churnFactors = (try? JSONDecoder().decode([ChurnFactorView].self, from: Data(record.churnFactors.utf8))) ?? []
    }
}
