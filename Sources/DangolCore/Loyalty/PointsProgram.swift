/// How purchases earn points: a rate per channel (in basis points of the amount: 100 = 1 %), or per product category
/// for the lines of a category that has its own rate, multiplied by the customer's tier multiplier and rounded to whole
/// points; refunds take back the same way (unless `reverseOnRefund` is off). Points live `lifetimeMonths` calendar
/// months, the oldest spent and expired first; a redemption takes at least `minimumRedemption` points.
///
/// ```swift
/// PointsProgram.standard.points(forAmount: 15_000, channel: "store", multiplier: 1.2)  // 180
/// ```
public struct PointsProgram: Sendable, Hashable, Codable {
    /// How fractional points are rounded.
    public enum Rounding: String, Sendable, Hashable, Codable, CaseIterable {
        case down, nearest, up
    }

    /// Basis points of the amount earned per channel; channels not listed earn `defaultRateBasisPoints`.
    public var rateBasisPoints: [String: Int]
    public var defaultRateBasisPoints: Int
    /// Basis points per product category; a line of a listed category — or of a category below a listed one
    /// (`식품 > 음료 > 커피` under `식품 > 음료`) — earns the rate of the closest listed one, whatever the channel.
    public var categoryRateBasisPoints: [String: Int]
    public var rounding: Rounding
    public var lifetimeMonths: Int
    /// The fewest points one redemption may take (0: any).
    public var minimumRedemption: Int64
    /// Whether a refund takes back the points its purchase earned.
    public var reverseOnRefund: Bool

    public init(rateBasisPoints: [String: Int], defaultRateBasisPoints: Int, lifetimeMonths: Int, categoryRateBasisPoints: [String: Int] = [:],
                rounding: Rounding = .down, minimumRedemption: Int64 = 0, reverseOnRefund: Bool = true) {
        self.rateBasisPoints = rateBasisPoints
        self.defaultRateBasisPoints = defaultRateBasisPoints
        self.lifetimeMonths = lifetimeMonths
        self.categoryRateBasisPoints = categoryRateBasisPoints
        self.rounding = rounding
        self.minimumRedemption = minimumRedemption
        self.reverseOnRefund = reverseOnRefund
    }

    /// Missing fields take the standard program's values, so a stored program from before a field existed still reads.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let standard = PointsProgram.standard
        rateBasisPoints = try container.decodeIfPresent([String: Int].self, forKey: .rateBasisPoints) ?? standard.rateBasisPoints
        defaultRateBasisPoints = try container.decodeIfPresent(Int.self, forKey: .defaultRateBasisPoints) ?? standard.defaultRateBasisPoints
        categoryRateBasisPoints = try container.decodeIfPresent([String: Int].self, forKey: .categoryRateBasisPoints) ?? [:]
        rounding = try container.decodeIfPresent(Rounding.self, forKey: .rounding) ?? standard.rounding
        lifetimeMonths = try container.decodeIfPresent(Int.self, forKey: .lifetimeMonths) ?? standard.lifetimeMonths
        minimumRedemption = try container.decodeIfPresent(Int64.self, forKey: .minimumRedemption) ?? standard.minimumRedemption
        reverseOnRefund = try container.decodeIfPresent(Bool.self, forKey: .reverseOnRefund) ?? standard.reverseOnRefund
    }

    /// 1 % everywhere, 2 % in the app, rounded down; points live 24 months; refunds take them back.
    public static let standard = PointsProgram(rateBasisPoints: ["app": 200], defaultRateBasisPoints: 100, lifetimeMonths: 24)

    /// Whole points for an amount (minor units, sign ignored) through a channel at a tier multiplier.
    public func points(forAmount amount: Int64, channel: String, multiplier: Double) -> Int64 {
        points(forLines: [(amount, nil)], channel: channel, multiplier: multiplier)
    }

    /// The rate of `category` or of its closest ancestor with a rate; nil when none has one. Paths are compared in
    /// their written form (``ProductCategory/path``), so a rate set on `식품>음료` applies to `식품 > 음료 > 커피`.
    public func categoryRate(_ category: String) -> Int? {
        guard !categoryRateBasisPoints.isEmpty else { return nil }
        if let rate = categoryRateBasisPoints[category] { return rate }
        guard let parsed = try? ProductCategory(parsing: category) else { return nil }
        var rates: [String: Int] = [:]
        for (key, rate) in categoryRateBasisPoints { rates[ProductCategory.canonicalPath(key)] = rate }
        return parsed.lineage.lazy.compactMap { rates[$0.path] }.first
    }

    /// Whole points for a sale's lines (amount in minor units, sign ignored, and the product's category if known):
    /// each line at its category's rate, or the channel's. The sum is multiplied and rounded once, so splitting a sale
    /// into lines never loses points to rounding.
    public func points(forLines lines: [(amount: Int64, category: String?)], channel: String, multiplier: Double) -> Int64 {
        let channelRate = UInt64(max(0, rateBasisPoints[channel] ?? defaultRateBasisPoints))
        var basisPointUnits: UInt64 = 0
        for line in lines {
            let rate = line.category.flatMap(categoryRate).map { UInt64(max(0, $0)) } ?? channelRate
            let product = line.amount.magnitude.multipliedReportingOverflow(by: rate)
            let sum = basisPointUnits.addingReportingOverflow(product.partialValue)
            guard !product.overflow, !sum.overflow else { return 0 }
            basisPointUnits = sum.partialValue
        }
        let points = Double(basisPointUnits) / 10_000 * multiplier
        let rounded = switch rounding {
        case .down: points.rounded(.down)
        case .nearest: points.rounded(.toNearestOrAwayFromZero)
        case .up: points.rounded(.up)
        }
        return rounded < Double(Int64.max) ? Int64(rounded) : 0
    }
}
