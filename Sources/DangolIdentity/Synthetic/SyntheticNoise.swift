/// How much a synthetic record differs from the entity it describes. Every rate is a base rate times ``level``
/// (capped at 1): level 0 copies every entity exactly into each record, 1 is the default used by the F1 and
/// precision floors, 2 doubles every kind of error.
///
/// Base rates per record: name typo (one jamo in Hangul, one letter in Latin script) 6 %, spacing variant (김 민준)
/// 8 %, English nickname 30 % of English names, birth date missing 20 %, day/month swapped 3 %, one digit off 3 %,
/// phone missing 20 %, changed phone 8 %, e-mail missing 35 % (when the person has one), e-mail typo 2 %, address
/// missing 35 %, address spelling variant 30 %, address detail dropped 15 %, company-name suffix variant 70 %, company
/// name typo 3 %.
public struct SyntheticNoise: Sendable, Hashable, Codable {
    /// The multiplier of every base rate.
    public var level: Double

    /// Noise at `level` (0 = none, 1 = default, 2 = high).
    public init(level: Double) {
        self.level = max(0, level)
    }

    /// The default noise the quality floors are asserted at.
    public static let `default` = SyntheticNoise(level: 1)

    func rate(_ base: Double) -> Double { min(1, base * level) }

    var nameTypo: Double { rate(0.06) }
    var nameSpacing: Double { rate(0.08) }
    var nickname: Double { rate(0.30) }
    var birthDateMissing: Double { rate(0.20) }
    var birthDateSwapped: Double { rate(0.03) }
    var birthDateDigit: Double { rate(0.03) }
    var phoneMissing: Double { rate(0.20) }
    var phoneChanged: Double { rate(0.08) }
    var emailMissing: Double { rate(0.35) }
    var emailTypo: Double { rate(0.02) }
    var addressMissing: Double { rate(0.35) }
    var addressVariant: Double { rate(0.30) }
    var addressDetailDropped: Double { rate(0.15) }
    var companySuffixVariant: Double { rate(0.70) }
    var companyTypo: Double { rate(0.03) }
}
