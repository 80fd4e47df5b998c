import DangolCore

/// One row of `analytics_runs`: a refresh, its status, and its business-level results (`report`, JSON written and
/// read by DangolApp).
public struct AnalyticsRunRecord: Sendable, Hashable, Codable {
    /// The run's id (UUIDv7).
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
    /// The successful run this one's equity change is measured against; nil for the first run or without models.
    public var previousRunID: String?
    /// How equity moved since ``previousRunID``; nil when either run had no equity.
    public var equityChange: EquityChange?

    /// The change of customer equity since the previous successful run, split three ways:
    /// `equity − previous equity = acquisition + growth − loss`.
    public struct EquityChange: Sendable, Hashable, Codable {
        /// CLV of customers scored now but not in the previous run.
        public var acquisition: Double
        /// Σ (CLV now − CLV then) over customers scored in both runs (may be negative).
        public var growth: Double
        /// The previous CLV of customers no longer scored (deleted, merged, refunded in full).
        public var loss: Double
        public var acquiredCustomers: Int
        public var retainedCustomers: Int
        public var lostCustomers: Int

        /// Creates a change from its parts.
        public init(acquisition: Double, growth: Double, loss: Double, acquiredCustomers: Int, retainedCustomers: Int,
                    lostCustomers: Int) {
            self.acquisition = acquisition
            self.growth = growth
            self.loss = loss
            self.acquiredCustomers = acquiredCustomers
            self.retainedCustomers = retainedCustomers
            self.lostCustomers = lostCustomers
        }
    }

    public init(id: String, startedAt: Timestamp, finishedAt: Timestamp? = nil, status: String, trigger: String,
                customers: Int = 0, equityTotal: Double? = nil, report: String? = nil, error: String? = nil,
                previousRunID: String? = nil, equityChange: EquityChange? = nil) {
        self.id = id
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.trigger = trigger
        self.customers = customers
        self.equityTotal = equityTotal
        self.report = report
        self.error = error
        self.previousRunID = previousRunID
        self.equityChange = equityChange
    }
}
