extension Schema {
    /// Next best product and the decomposition of customer equity.
    ///
    /// `product_associations` holds the small model each analytics refresh computes from customer baskets (each
    /// customer's set of products): for a product X, the few products Y its buyers take most often (lift above 1),
    /// with the counts behind support, confidence and lift. Rows belong to the run that wrote them; readers use the
    /// latest successful run's, and a successful run deletes the others.
    ///
    /// `analytics_runs` stores how equity moved against `previous_run_id` (the refresh splits it in SQL, comparing its
    /// staging table with `customer_scores` before the swap): acquisition (new customers), growth (customers in both
    /// runs) and loss (customers no longer scored).
    static let associationsAndEquityChange = Migration("0010_associations_and_equity_change") { engine in
        [
            """
            CREATE TABLE product_associations (
                run_id TEXT NOT NULL, antecedent TEXT NOT NULL, consequent TEXT NOT NULL, pair_count BIGINT NOT NULL,
                antecedent_count BIGINT NOT NULL, consequent_count BIGINT NOT NULL, basket_count BIGINT NOT NULL,
                support \(engine.doubleType) NOT NULL, confidence \(engine.doubleType) NOT NULL, lift \(engine.doubleType) NOT NULL,
                PRIMARY KEY (run_id, antecedent, consequent))
            """,
            "ALTER TABLE analytics_runs ADD COLUMN previous_run_id TEXT",
            "ALTER TABLE analytics_runs ADD COLUMN equity_acquisition \(engine.doubleType)",
            "ALTER TABLE analytics_runs ADD COLUMN equity_growth \(engine.doubleType)",
            "ALTER TABLE analytics_runs ADD COLUMN equity_loss \(engine.doubleType)",
            "ALTER TABLE analytics_runs ADD COLUMN acquired_customers BIGINT",
            "ALTER TABLE analytics_runs ADD COLUMN retained_customers BIGINT",
            "ALTER TABLE analytics_runs ADD COLUMN lost_customers BIGINT",
        ]
    }
}
