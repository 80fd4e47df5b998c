/// The change in customer equity between two snapshots, decomposed:
/// `after − before = acquisition + retainedGrowth − retentionLoss`.
///
/// - acquisition: the equity of customers present only in the later snapshot (new customers);
/// - retained growth: Σ (later − earlier) over customers in both (may be negative);
/// - retention loss: the earlier equity of customers absent from the later snapshot (lost customers).
/// A churned customer kept in the later snapshot with a lower CLV counts in retained growth; leave churned customers
/// out of the later snapshot to count them as retention loss.
public struct CustomerEquityChange: Sendable, Hashable, Codable {
    /// Equity of the earlier snapshot.
    public let before: Double
    /// Equity of the later snapshot.
    public let after: Double
    /// Equity of new customers.
    public let acquisition: Double
    /// Change in equity of customers in both snapshots.
    public let retainedGrowth: Double
    /// Earlier equity of customers no longer present.
    public let retentionLoss: Double
    /// New, retained and lost customer counts.
    public let acquiredCount: Int, retainedCount: Int, lostCount: Int

    /// A decomposition computed elsewhere (the analytics refresh sums it in SQL over a million customers rather than
    /// building two dictionaries).
    public init(before: Double, after: Double, acquisition: Double, retainedGrowth: Double, retentionLoss: Double,
                acquiredCount: Int, retainedCount: Int, lostCount: Int) {
        self.before = before
        self.after = after
        self.acquisition = acquisition
        self.retainedGrowth = retainedGrowth
        self.retentionLoss = retentionLoss
        self.acquiredCount = acquiredCount
        self.retainedCount = retainedCount
        self.lostCount = lostCount
    }

    /// Decomposes the move from `earlier` to `later`.
    public init(from earlier: CustomerEquity, to later: CustomerEquity) {
        before = earlier.total
        after = later.total
        var acquired: [Double] = [], growth: [Double] = [], lost: [Double] = []
        for (id, value) in later.values {
            if let previous = earlier.values[id] { growth.append(value - previous) } else { acquired.append(value) }
        }
        for (id, value) in earlier.values where later.values[id] == nil { lost.append(value) }
        acquisition = CustomerEquity.sum(acquired)
        retainedGrowth = CustomerEquity.sum(growth)
        retentionLoss = CustomerEquity.sum(lost)
        acquiredCount = acquired.count
        retainedCount = growth.count
        lostCount = lost.count
    }
}
