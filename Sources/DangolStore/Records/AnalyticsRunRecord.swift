import DangolCore

/// One row of `analytics_runs`: a refresh, its status, and its business-level results (`report`, JSON written and
/// read by DangolApp).
public struct AnalyticsRunRecord: Sendable, Hashable, Codable {
    public var id: String
    public var startedAt: Timestamp
    public var finishedAt: Timestamp?
    /// `running`, `succeeded` or `failed`.
    public var status: String
    /// What started it: `cli`, `schedule`, `api`, `bench`.
    public var trigger: String
    /// Customers scored.
    public var customers: Int
    /// Σ CLV (margin) over the customers scored; nil without a model.
    public var equityTotal: Double?
    /// The run's report as JSON.
    public var report: String?
    /// Why a failed run failed (no customer data).
    public var error: String?

    public init(id: String, startedAt: Timestamp, finishedAt: Timestamp? = nil, status: String, trigger: String,
                customers: Int = 0, equityTotal: Double? = nil, report: String? = nil, error: String? = nil) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.trigger = trigger
        self.customers = customers
        self.equityTotal = equityTotal
        self.report = report
        self.error = error
    }
}
