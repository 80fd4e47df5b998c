/// Scoring many customers at once: the same formulas as the single-customer methods, over columns.
extension BGNBDModel {
    /// Expected repeat purchases within `horizon` for every customer of `histories`, in order.
    public func expectedPurchases(of histories: PurchaseHistories, within horizon: TimeSpan) throws(AnalyticsError) -> [Double] {
        let t = horizon.value(in: unit)
        guard t.isFinite, t >= 0 else { throw .invalidInput("the horizon must be finite and not negative") }
        let factor = histories.unit.lengthInDays / unit.lengthInDays
        var result = [Double]()
        result.reserveCapacity(histories.count)
        for i in 0..<histories.count {
            result.append(try expectedPurchases(
                frequency: Double(histories.frequency[i]), recency: histories.recency[i] * factor,
                age: histories.age[i] * factor, t: t))
        }
        return result
    }

    /// P(alive) for every customer of `histories`, in order.
    public func probabilityAlive(of histories: PurchaseHistories) -> [Double] {
        (0..<histories.count).map { probabilityAlive(histories[$0]) }
    }
}
