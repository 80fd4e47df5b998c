/// Named RFM segments, assigned by the first matching row of this table (R = recency score, F = frequency score,
/// FM = ⌈(F + M) / 2⌉, the frequency–monetary score rounded half up):
///
/// | order | segment | rule |
/// |---|---|---|
/// | 1 | champions | R ≥ 4 and FM ≥ 4 |
/// | 2 | new customers | R ≥ 4 and a single purchase so far (F = 1 when the count is not given) |
/// | 3 | potential loyalists | R ≥ 4 (FM 2–3) |
/// | 4 | loyal | R = 3 and FM ≥ 3 |
/// | 5 | can't lose them | R = 1 and FM ≥ 4 |
/// | 6 | at risk | R ≤ 2 and FM ≥ 3 |
/// | 7 | hibernating | R 2–3 (FM ≤ 2) |
/// | 8 | lost | the rest: R = 1 and FM ≤ 2 |
public enum RFMSegment: String, Sendable, Hashable, Codable, CaseIterable {
    /// 최우수 고객: bought recently, often, and spent the most.
    case champions
    /// 충성 고객: buy regularly and spend well, a little less recently than champions.
    case loyal
    /// 잠재 충성 고객: recent customers with average frequency and spend.
    case potentialLoyalists = "potential_loyalists"
    /// 신규 고객: bought recently, once.
    case new
    /// 이탈 위험 고객: used to buy often and spend well, not lately.
    case atRisk = "at_risk"
    /// 놓치면 안 될 고객: among the best by frequency and spend, but the longest gone.
    case cantLose = "cant_lose"
    /// 휴면 고객: low frequency and spend, a while ago.
    case hibernating
    /// 이탈 고객: lowest scores everywhere.
    case lost

    /// The segment of scores R, F, M (each 1–5) by the table above. `onePurchaseOnly` says whether the customer has
    /// bought once only: a frequency score cannot, because tied one-time buyers share a mid-rank score above 1 when
    /// they are many.
    public init(recency r: Int, frequency f: Int, monetary m: Int, onePurchaseOnly: Bool? = nil) {
        let fm = (f + m + 1) / 2
        let once = onePurchaseOnly ?? (f == 1)
        switch (r, fm) {
        case (4..., 4...): self = .champions
        case (4..., _) where once: self = .new
        case (4..., _): self = .potentialLoyalists
        case (3, 3...): self = .loyal
        case (1, 4...): self = .cantLose
        case (...2, 3...): self = .atRisk
        case (2...3, _): self = .hibernating
        default: self = .lost
        }
    }
}
