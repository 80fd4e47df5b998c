/// One customer's RFM scores and segment.
///
/// Scores are quintiles by mid-rank: `min(5, 1 + ⌊5 × (midRank + ½) / n⌋)` with 0-based ascending ranks, ties
/// sharing the mean of their positions. A value shared by everyone scores 3.
public struct RFMScore: Sendable, Hashable, Codable {
    /// The customer.
    public let customerID: String
    /// Recency score 1–5 (5 = most recent).
    public let recency: Int
    /// Frequency score 1–5 (5 = most purchases).
    public let frequency: Int
    /// Monetary score 1–5 (5 = highest spend).
    public let monetary: Int
    /// The segment by ``RFMSegment``'s table.
    public let segment: RFMSegment

    /// Creates a score; the segment follows from the three scores and whether the customer bought once only.
    public init(customerID: String, recency: Int, frequency: Int, monetary: Int, onePurchaseOnly: Bool? = nil) {
        self.customerID = customerID
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
        segment = RFMSegment(recency: recency, frequency: frequency, monetary: monetary, onePurchaseOnly: onePurchaseOnly)
    }

    /// The three digits as usually printed, e.g. "545".
    public var code: String { "\(recency)\(frequency)\(monetary)" }
}
