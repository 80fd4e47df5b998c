/// The membership programme an organisation runs (멤버십 프로그램): how points are earned, spent and expire, the
/// tiers and their multipliers, and what a point is worth for the liability report. Stored as one setting and changed
/// by admins; ``standard`` until then.
public struct LoyaltyProgram: Sendable, Hashable, Codable {
    public var points: PointsProgram
    public var tiers: TierProgram
    /// What one point is worth in minor units of `currency`, for the points liability (포인트 충당부채).
    public var pointValueMinor: Int64
    /// The currency tier thresholds and point values are in.
    public var currency: String

    public init(points: PointsProgram, tiers: TierProgram, pointValueMinor: Int64 = 1, currency: String = "KRW") {
        self.points = points
        self.tiers = tiers
        self.pointValueMinor = pointValueMinor
        self.currency = currency
    }

    /// The standard points and tier programmes, a point worth one won.
    public static let standard = LoyaltyProgram(points: .standard, tiers: .standard)

    /// What is wrong with the programme, as field errors (empty when it can be used).
    public func problems() -> [FieldError] {
        var errors: [FieldError] = []
        func add(_ field: String, _ code: String, _ message: String) { errors.append(FieldError(field: field, code: code, message: message)) }
        let rateRange = 0...10_000
        if !rateRange.contains(points.defaultRateBasisPoints) { add("points/defaultRateBasisPoints", "range", "A rate is 0–10,000 basis points (0–100 %).") }
        for (channel, rate) in points.rateBasisPoints.sorted(by: { $0.key < $1.key }) where !rateRange.contains(rate) || channel.isEmpty || channel.count > 40 {
            add("points/rateBasisPoints/\(channel)", "range", "A channel has a name of 1–40 characters and a rate of 0–10,000 basis points.")
        }
        for (category, rate) in points.categoryRateBasisPoints.sorted(by: { $0.key < $1.key })
        where !rateRange.contains(rate) || (try? ProductCategory(parsing: category)) == nil || category.count > 300 {
            add("points/categoryRateBasisPoints/\(category)", "range",
                "A category is a path of 1–5 named levels (식품 > 음료 > 커피) with a rate of 0–10,000 basis points.")
        }
        let categoryPaths = points.categoryRateBasisPoints.keys.map(ProductCategory.canonicalPath)
        if Set(categoryPaths).count != categoryPaths.count {
            add("points/categoryRateBasisPoints", "duplicate", "Each category has one rate (식품>음료 and 식품 > 음료 are the same category).")
        }
        if !(1...120).contains(points.lifetimeMonths) { add("points/lifetimeMonths", "range", "Points live 1–120 months.") }
        if !(0...10_000_000).contains(points.minimumRedemption) { add("points/minimumRedemption", "range", "The minimum redemption is 0–10,000,000 points.") }
        if tiers.tiers.isEmpty || tiers.tiers.count > 10 { add("tiers/tiers", "count", "A programme has 1–10 tiers.") }
        if let lowest = tiers.tiers.first, lowest.minimumSpendMinor != 0 { add("tiers/tiers/0/minimumSpendMinor", "range", "The lowest tier starts at 0.") }
        if Set(tiers.tiers.map(\.code)).count != tiers.tiers.count { add("tiers/tiers", "duplicate", "Each tier code is used once.") }
        if Set(tiers.tiers.map(\.minimumSpendMinor)).count != tiers.tiers.count { add("tiers/tiers", "duplicate", "Each tier has its own threshold.") }
        for (index, tier) in tiers.tiers.enumerated() {
            let codeIsValid = !tier.code.isEmpty && tier.code.count <= 30 && tier.code.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D }
            if !codeIsValid { add("tiers/tiers/\(index)/code", "invalid", "A tier code has 1–30 characters a–z, 0–9, _ or -.") }
            if tier.nameKorean.trimmingWhitespace().isEmpty || tier.nameEnglish.trimmingWhitespace().isEmpty || tier.nameKorean.count > 40 || tier.nameEnglish.count > 40 {
                add("tiers/tiers/\(index)/name", "required", "A tier has a Korean and an English name of 1–40 characters.")
            }
            if !(0.1...10).contains(tier.pointMultiplier) { add("tiers/tiers/\(index)/pointMultiplier", "range", "A multiplier is 0.1–10.") }
            if tier.minimumSpendMinor < 0 { add("tiers/tiers/\(index)/minimumSpendMinor", "range", "A threshold is not negative.") }
        }
        if !(30...730).contains(tiers.windowDays) { add("tiers/windowDays", "range", "Tiers look back 30–730 days.") }
        if !(0...1_000_000).contains(pointValueMinor) { add("pointValueMinor", "range", "A point is worth 0–1,000,000 minor units.") }
        if currency.count != 3 || !currency.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }) { add("currency", "invalid", "The currency is an ISO 4217 code like KRW.") }
        return errors
    }
}
