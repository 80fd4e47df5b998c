/// Membership tiers (회원 등급) decided by rolling 12-month spend: the highest tier whose threshold the spend reaches.
///
/// ```swift
/// TierProgram.standard.tier(forSpend: 1_000_000)?.code  // "gold"
/// ```
public struct TierProgram: Sendable, Hashable, Codable {
    /// One tier.
    public struct Tier: Sendable, Hashable, Codable {
        /// A stable code: `general`, `silver`, `gold`, `vip`.
        public var code: String
        public var nameKorean: String
        public var nameEnglish: String
        /// Net spend over the last 12 months (minor units) from which a customer is in this tier.
        public var minimumSpendMinor: Int64
        /// Earned points are multiplied by this in the tier.
        public var pointMultiplier: Double

        public init(code: String, nameKorean: String, nameEnglish: String, minimumSpendMinor: Int64, pointMultiplier: Double) {
            self.code = code
            self.nameKorean = nameKorean
            self.nameEnglish = nameEnglish
            self.minimumSpendMinor = minimumSpendMinor
            self.pointMultiplier = pointMultiplier
        }
    }

    /// The tiers, lowest first (sorted by threshold on creation).
    public private(set) var tiers: [Tier]
    /// The spend window, in days.
    public var windowDays: Int

    public init(tiers: [Tier], windowDays: Int = 365) {
        self.tiers = tiers.sorted { $0.minimumSpendMinor < $1.minimumSpendMinor }
        self.windowDays = windowDays
    }

    /// Decoded tiers are put in threshold order like the memberwise initialiser does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(tiers: try container.decode([Tier].self, forKey: .tiers),
                  windowDays: try container.decodeIfPresent(Int.self, forKey: .windowDays) ?? 365)
    }

    /// 일반 / 실버 / 골드 / VIP at 0, 300,000, 1,000,000 and 3,000,000 KRW over 12 months.
    public static let standard = TierProgram(tiers: [
        Tier(code: "general", nameKorean: "일반", nameEnglish: "General", minimumSpendMinor: 0, pointMultiplier: 1),
        Tier(code: "silver", nameKorean: "실버", nameEnglish: "Silver", minimumSpendMinor: 300_000, pointMultiplier: 1.2),
        Tier(code: "gold", nameKorean: "골드", nameEnglish: "Gold", minimumSpendMinor: 1_000_000, pointMultiplier: 1.5),
        Tier(code: "vip", nameKorean: "VIP", nameEnglish: "VIP", minimumSpendMinor: 3_000_000, pointMultiplier: 2),
    ])

    /// The tier for a net spend: the highest whose threshold it reaches (nil below the lowest threshold).
    public func tier(forSpend spend: Int64) -> Tier? {
        tiers.last { spend >= $0.minimumSpendMinor }
    }

    /// The tier with this code.
    public func tier(code: String) -> Tier? { tiers.first { $0.code == code } }
}
