/// How purchases earn points: a rate per channel (in basis points of the amount: 100 = 1 %), multiplied by the
/// customer's tier multiplier, rounded down to whole points; refunds take back the same way. Points live
/// `lifetimeMonths` calendar months.
///
/// ```swift
/// PointsProgram.standard.points(forAmount: 15_000, channel: "store", multiplier: 1.2)  // 180
/// ```
public struct PointsProgram: Sendable, Hashable, Codable {
    /// Basis points of the amount earned per channel; channels not listed earn `defaultRateBasisPoints`.
    public var rateBasisPoints: [String: Int]
    public var defaultRateBasisPoints: Int
    public var lifetimeMonths: Int

    public init(rateBasisPoints: [String: Int], defaultRateBasisPoints: Int, lifetimeMonths: Int) {
        self.rateBasisPoints = rateBasisPoints
        self.defaultRateBasisPoints = defaultRateBasisPoints
        self.lifetimeMonths = lifetimeMonths
    }

    /// 1 % everywhere, 2 % in the app; points live 24 months.
    public static let standard = PointsProgram(rateBasisPoints: ["app": 200], defaultRateBasisPoints: 100, lifetimeMonths: 24)

    /// Whole points for an amount (minor units, sign ignored) through a channel at a tier multiplier.
    public func points(forAmount amount: Int64, channel: String, multiplier: Double) -> Int64 {
        let rate = Int64(rateBasisPoints[channel] ?? defaultRateBasisPoints)
        let base = amount.magnitude.multipliedReportingOverflow(by: UInt64(rate))
        guard !base.overflow else { return 0 }
        // Integer first (exact), then the multiplier, rounded down.
        let points = Double(base.partialValue / 10_000) * multiplier
        return Int64(points.rounded(.down))
    }
}
