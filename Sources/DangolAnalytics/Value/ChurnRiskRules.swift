/// The thresholds of ``ChurnRisk`` bands, and the assessment itself.
public struct ChurnRiskRules: Sendable, Hashable, Codable {
    /// P(alive) below this is high risk.
    public var highRiskBelowProbabilityAlive = 0.3
    /// P(alive) below this is medium risk.
    public var mediumRiskBelowProbabilityAlive = 0.6
    /// Days since last purchase at or above this multiple of the usual interval is high risk.
    public var highRiskOverdueRatio = 3.0
    /// … at or above this multiple, medium risk.
    public var mediumRiskOverdueRatio = 1.5

    /// The default rules.
    public init() {}

    /// The risk of a customer with `summary` and BG/NBD `probabilityAlive`; `typicalIntervalDays` is the base's usual
    /// interval for one-time buyers (nil: no rhythm signal for them).
    public func assess(
        _ summary: CustomerSummary, probabilityAlive: Double, typicalIntervalDays: Double? = nil
    ) throws(AnalyticsError) -> ChurnRisk {
        guard probabilityAlive.isFinite, (0...1).contains(probabilityAlive) else {
            throw .invalidInput("P(alive) must lie in [0, 1]")
        }
        var signals: [(band: ChurnRisk.Band, factor: ChurnRisk.Factor)] = []
        let aliveBand: ChurnRisk.Band = probabilityAlive < highRiskBelowProbabilityAlive ? .high
            : probabilityAlive < mediumRiskBelowProbabilityAlive ? .medium : .low
        if aliveBand > .low { signals.append((aliveBand, .lowProbabilityAlive(probability: probabilityAlive))) }
        let days = summary.daysSinceLastPurchase
        if summary.repeatPurchaseDays > 0 {
            let interval = Double(summary.recencyDays) / Double(summary.repeatPurchaseDays)
            let ratio = Double(days) / interval
            let band = rhythmBand(ratio)
            if band > .low {
                signals.append((band, .overdue(daysSinceLastPurchase: days, usualIntervalDays: interval, ratio: ratio)))
            }
        } else if let typical = typicalIntervalDays, typical.isFinite, typical > 0 {
            let ratio = Double(days) / typical
            let band = rhythmBand(ratio)
            if band > .low {
                signals.append((band, .noSecondPurchase(daysSinceFirstPurchase: days, typicalIntervalDays: typical,
                                                        ratio: ratio)))
            }
        }
        let ordered = signals.enumerated().sorted { ($0.element.band, -$0.offset) > ($1.element.band, -$1.offset) }
        return ChurnRisk(band: ordered.first?.element.band ?? .low, factors: ordered.map(\.element.factor))
    }

    /// The median of repeat buyers' mean intervals between purchase days (nil without repeat buyers).
    public static func typicalInterval(of summaries: [CustomerSummary]) -> Double? {
        let intervals = summaries.filter { $0.repeatPurchaseDays > 0 }
            .map { Double($0.recencyDays) / Double($0.repeatPurchaseDays) }
        guard !intervals.isEmpty else { return nil }
        return ValueMatrix.quantile(0.5, of: intervals)
    }

    private func rhythmBand(_ ratio: Double) -> ChurnRisk.Band {
        ratio >= highRiskOverdueRatio ? .high : ratio >= mediumRiskOverdueRatio ? .medium : .low
    }
}
