/// The ordered migration history, the same for both engines. Append new steps at the end; never edit a shipped one.
/// Timestamps are BIGINT milliseconds since the Unix epoch (UTC); ids are UUIDv7 text; booleans are BOOLEAN
/// (stored as 0/1 by SQLite); JSON is TEXT. Money is integer minor units.
public enum Schema {
    public static let migrations: [Migration] = [
        Migration("0001_customer_master") { engine in
            var statements: [String] = []
            if engine == .postgres {
                statements.append("""
                    CREATE OR REPLACE FUNCTION dangol_append_only() RETURNS trigger AS $$
                    BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql
                    """)
            }
            statements += [
                """
                CREATE TABLE users (
                    id TEXT PRIMARY KEY, username TEXT NOT NULL, display_name TEXT NOT NULL, role TEXT NOT NULL,
                    password_hash TEXT NOT NULL, manager_id TEXT, created_at BIGINT NOT NULL, disabled_at BIGINT)
                """,
                "CREATE UNIQUE INDEX users_username ON users (username)",
                """
                CREATE TABLE api_tokens (
                    id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id), name TEXT NOT NULL,
                    token_hash TEXT NOT NULL, scopes TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT,
                    revoked_at BIGINT, last_used_at BIGINT)
                """,
                "CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash)",
                """
                CREATE TABLE sessions (
                    token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users (id), csrf_token TEXT NOT NULL,
                    created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)
                """,
                """
                CREATE TABLE customers (
                    id TEXT PRIMARY KEY, kind TEXT NOT NULL, display_name TEXT NOT NULL, name_key TEXT NOT NULL,
                    lifecycle_stage TEXT NOT NULL, owner_id TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL,
                    deleted_at BIGINT, deletion_reason TEXT, merged_into TEXT)
                """,
                "CREATE INDEX customers_stage ON customers (lifecycle_stage, id)",
                "CREATE INDEX customers_owner ON customers (owner_id, id)",
                // No index on name_key: name search is a substring match (LIKE '%…%'), which no B-tree index serves.
                """
                CREATE TABLE customer_tags (
                    customer_id TEXT NOT NULL REFERENCES customers (id), tag TEXT NOT NULL,
                    PRIMARY KEY (customer_id, tag))
                """,
                "CREATE INDEX customer_tags_tag ON customer_tags (tag, customer_id)",
                """
                CREATE TABLE attribute_definitions (
                    key TEXT PRIMARY KEY, label TEXT NOT NULL, type TEXT NOT NULL, created_at BIGINT NOT NULL)
                """,
                """
                CREATE TABLE customer_attributes (
                    customer_id TEXT NOT NULL REFERENCES customers (id), key TEXT NOT NULL REFERENCES attribute_definitions (key),
                    value TEXT NOT NULL, PRIMARY KEY (customer_id, key))
                """,
                "CREATE INDEX customer_attributes_value ON customer_attributes (key, value, customer_id)",
                """
                CREATE TABLE identifiers (
                    id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers (id), type TEXT NOT NULL,
                    raw TEXT, normalized TEXT NOT NULL, match_key TEXT NOT NULL, masked TEXT NOT NULL, tail TEXT,
                    source TEXT NOT NULL, verified BOOLEAN NOT NULL, strong BOOLEAN NOT NULL, live BOOLEAN NOT NULL,
                    first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL)
                """,
                // At most one live customer holds a strong identifier; the check in code names the holder, this
                // index closes the race between two writers.
                "CREATE UNIQUE INDEX identifiers_strong_unique ON identifiers (type, match_key) WHERE strong AND live",
                "CREATE UNIQUE INDEX identifiers_per_customer ON identifiers (customer_id, type, match_key)",
                "CREATE INDEX identifiers_lookup ON identifiers (type, match_key)",
                "CREATE INDEX identifiers_tail ON identifiers (tail, customer_id) WHERE tail IS NOT NULL",
                """
                CREATE TABLE lifecycle_events (
                    id \(engine.autoIncrementPrimaryKey), customer_id TEXT NOT NULL REFERENCES customers (id),
                    from_stage TEXT, to_stage TEXT NOT NULL, at BIGINT NOT NULL, by_user_id TEXT, reason TEXT)
                """,
                "CREATE INDEX lifecycle_events_customer ON lifecycle_events (customer_id, id)",
                """
                CREATE TABLE consent_events (
                    id \(engine.autoIncrementPrimaryKey), customer_id TEXT NOT NULL REFERENCES customers (id),
                    purpose TEXT NOT NULL, recipient TEXT, granted BOOLEAN NOT NULL, channel TEXT NOT NULL,
                    source TEXT NOT NULL, text_version TEXT, evidence TEXT, recorded_by TEXT, at BIGINT NOT NULL)
                """,
                "CREATE INDEX consent_events_customer ON consent_events (customer_id, id)",
                """
                CREATE TABLE relationships (
                    id TEXT PRIMARY KEY, person_id TEXT NOT NULL REFERENCES customers (id),
                    organisation_id TEXT NOT NULL REFERENCES customers (id), kind TEXT NOT NULL, title TEXT,
                    created_at BIGINT NOT NULL, ended_at BIGINT)
                """,
                "CREATE UNIQUE INDEX relationships_pair ON relationships (person_id, organisation_id, kind)",
                "CREATE INDEX relationships_organisation ON relationships (organisation_id)",
                """
                CREATE TABLE source_records (
                    source TEXT NOT NULL, external_id TEXT NOT NULL, customer_id TEXT NOT NULL REFERENCES customers (id),
                    first_seen BIGINT NOT NULL, last_seen BIGINT NOT NULL, PRIMARY KEY (source, external_id))
                """,
                "CREATE INDEX source_records_customer ON source_records (customer_id)",
                """
                CREATE TABLE settings (
                    key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at BIGINT NOT NULL, updated_by TEXT)
                """,
                """
                CREATE TABLE legal_bases (
                    id \(engine.autoIncrementPrimaryKey), feature TEXT NOT NULL, basis TEXT NOT NULL,
                    recorded_by TEXT NOT NULL, at BIGINT NOT NULL, enabled BOOLEAN NOT NULL)
                """,
                """
                CREATE TABLE audit_log (
                    id \(engine.autoIncrementPrimaryKey), at BIGINT NOT NULL, actor_id TEXT, actor_role TEXT,
                    action TEXT NOT NULL, customer_id TEXT, detail TEXT, source_ip TEXT, request_id TEXT)
                """,
                "CREATE INDEX audit_log_customer ON audit_log (customer_id, id)",
                """
                CREATE TABLE domain_events (
                    id \(engine.autoIncrementPrimaryKey), type TEXT NOT NULL, customer_id TEXT, payload TEXT NOT NULL,
                    at BIGINT NOT NULL)
                """,
                "CREATE INDEX domain_events_customer ON domain_events (customer_id, id)",
            ]
            statements += engine.appendOnlyGuard("audit_log")
            statements += engine.appendOnlyGuard("consent_events")
            statements += engine.appendOnlyGuard("lifecycle_events")
            statements += engine.appendOnlyGuard("legal_bases")
            return statements
        },
        // Strong identifiers are found through `identifiers_strong_unique`; a second index over every identifier
        // doubled the random index writes of an import. Weak ones (name + birth date, name + address, phones kept as
        // "other", …) get their own partial index. Queries state `strong AND live` or `NOT strong` so that each
        // engine's planner can use the partial index (see `IdentifierRepository.strength(of:)`).
        Migration("0002_identifier_lookup_by_strength") { _ in
            [
                "DROP INDEX identifiers_lookup",
                "CREATE INDEX identifiers_weak_lookup ON identifiers (type, match_key) WHERE NOT strong",
            ]
        },
        // Merging customers (identity resolution). A merge keeps what it moved and what it changed in `snapshot`
        // (JSON) so that unmerge restores the state before it. `resolved_via` on identifiers and source records names
        // the identifier an incoming record was matched by: after an unmerge, records that arrived in between follow
        // the identifier they came through.
        Migration("0003_merges") { engine in
            [
                """
                CREATE TABLE merges (
                    id TEXT PRIMARY KEY, survivor_id TEXT NOT NULL REFERENCES customers (id),
                    absorbed_id TEXT NOT NULL REFERENCES customers (id), rule TEXT NOT NULL, probability \(engine.doubleType),
                    decisions TEXT NOT NULL, snapshot TEXT NOT NULL, merged_by TEXT NOT NULL, merged_at BIGINT NOT NULL,
                    unmerged_by TEXT, unmerged_at BIGINT)
                """,
                "CREATE INDEX merges_survivor ON merges (survivor_id, merged_at)",
                "CREATE INDEX merges_absorbed ON merges (absorbed_id, merged_at)",
                // Histories of a survivor include those of the customers merged into it.
                "CREATE INDEX customers_merged_into ON customers (merged_into) WHERE merged_into IS NOT NULL",
                // Pairs a match model found likely but not certain, for a data steward to confirm or reject. A pair
                // (smaller id first) is proposed once: a rejected pair is never proposed again.
                """
                CREATE TABLE match_reviews (
                    id TEXT PRIMARY KEY, left_id TEXT NOT NULL REFERENCES customers (id),
                    right_id TEXT NOT NULL REFERENCES customers (id), probability \(engine.doubleType) NOT NULL,
                    weight \(engine.doubleType) NOT NULL, explanation TEXT NOT NULL, origin TEXT NOT NULL, status TEXT NOT NULL,
                    created_at BIGINT NOT NULL, decided_by TEXT, decided_at BIGINT, merge_id TEXT)
                """,
                "CREATE UNIQUE INDEX match_reviews_pair ON match_reviews (left_id, right_id)",
                "CREATE INDEX match_reviews_status ON match_reviews (status, probability, id)",
                "ALTER TABLE identifiers ADD COLUMN resolved_via TEXT",
                "ALTER TABLE source_records ADD COLUMN resolved_via TEXT",
            ]
        },
        // Sales: products, transactions (purchases and refunds) with their lines. `customer_id` NULL is an anonymous
        // sale — it still counts in revenue, and can be attached later (`attached_at`). `(source, external_id)` makes
        // ingestion idempotent. `resolved_via` as on identifiers. Lines are keyed by their transaction (clustered on
        // SQLite: WITHOUT ROWID), so a transaction's lines sit together.
        Migration("0004_sales") { engine in
            [
                """
                CREATE TABLE products (
                    sku TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT, list_price_minor BIGINT, unit_cost_minor BIGINT,
                    currency TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
                """,
                """
                CREATE TABLE transactions (
                    id TEXT PRIMARY KEY, source TEXT NOT NULL, external_id TEXT NOT NULL, customer_id TEXT REFERENCES customers (id),
                    kind TEXT NOT NULL, channel TEXT NOT NULL, store TEXT, occurred_at BIGINT NOT NULL, amount_minor BIGINT NOT NULL,
                    cost_minor BIGINT, currency TEXT NOT NULL, refund_of TEXT, resolved_via TEXT, created_at BIGINT NOT NULL,
                    attached_at BIGINT)
                """,
                "CREATE UNIQUE INDEX transactions_source_external ON transactions (source, external_id)",
                "CREATE INDEX transactions_customer ON transactions (customer_id, occurred_at) WHERE customer_id IS NOT NULL",
                "CREATE INDEX transactions_time ON transactions (occurred_at)",
                """
                CREATE TABLE transaction_lines (
                    transaction_id TEXT NOT NULL REFERENCES transactions (id), line_no INTEGER NOT NULL, sku TEXT,
                    quantity BIGINT NOT NULL, unit_price_minor BIGINT NOT NULL, amount_minor BIGINT NOT NULL, cost_minor BIGINT,
                    PRIMARY KEY (transaction_id, line_no))\(engine == .sqlite ? " WITHOUT ROWID" : "")
                """,
            ]
        },
        // Membership points: an append-only ledger; the balance is always derived (`PointLots` in Core). An entry
        // may carry the caller's idempotency key, unique per customer, so a retried request never spends twice.
        // Tiers: the current tier on the customer, every change in `tier_events` (append-only).
        Migration("0005_loyalty") { engine in
            var statements = [
                """
                CREATE TABLE point_ledger (
                    id \(engine.autoIncrementPrimaryKey), customer_id TEXT NOT NULL REFERENCES customers (id), kind TEXT NOT NULL,
                    points BIGINT NOT NULL, at BIGINT NOT NULL, expires_at BIGINT, reason TEXT, reference TEXT, recorded_by TEXT,
                    idempotency_key TEXT)
                """,
                "CREATE INDEX point_ledger_customer ON point_ledger (customer_id, id)",
                "CREATE UNIQUE INDEX point_ledger_idempotency ON point_ledger (customer_id, idempotency_key) WHERE idempotency_key IS NOT NULL",
            ]
            statements += engine.appendOnlyGuard("point_ledger")
            statements += [
                "ALTER TABLE customers ADD COLUMN tier TEXT",
                """
                CREATE TABLE tier_events (
                    id \(engine.autoIncrementPrimaryKey), customer_id TEXT NOT NULL REFERENCES customers (id), from_tier TEXT,
                    to_tier TEXT NOT NULL, spend_minor BIGINT NOT NULL, at BIGINT NOT NULL, reason TEXT NOT NULL)
                """,
                "CREATE INDEX tier_events_customer ON tier_events (customer_id, id)",
            ]
            statements += engine.appendOnlyGuard("tier_events")
            return statements
        },
        // Contacts and the voice of the customer: interactions across channels, VOC cases with their deadline and
        // escalation, and every status change of a case (append-only).
        Migration("0006_contacts") { engine in
            var statements = [
                """
                CREATE TABLE interactions (
                    id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers (id), channel TEXT NOT NULL,
                    direction TEXT NOT NULL, touchpoint TEXT, employee_id TEXT, subject TEXT, notes TEXT, outcome TEXT,
                    campaign_id TEXT, case_id TEXT, at BIGINT NOT NULL, created_at BIGINT NOT NULL)
                """,
                "CREATE INDEX interactions_customer ON interactions (customer_id, at)",
                """
                CREATE TABLE voc_cases (
                    id TEXT PRIMARY KEY, customer_id TEXT NOT NULL REFERENCES customers (id), kind TEXT NOT NULL, category TEXT,
                    severity TEXT NOT NULL, channel TEXT NOT NULL, subject TEXT NOT NULL, description TEXT, status TEXT NOT NULL,
                    owner_id TEXT, opened_at BIGINT NOT NULL, due_at BIGINT NOT NULL, resolved_at BIGINT, resolution TEXT,
                    escalated_at BIGINT, escalated_to TEXT, updated_at BIGINT NOT NULL)
                """,
                "CREATE INDEX voc_cases_status ON voc_cases (status, due_at)",
                "CREATE INDEX voc_cases_customer ON voc_cases (customer_id, opened_at)",
                """
                CREATE TABLE voc_events (
                    id \(engine.autoIncrementPrimaryKey), case_id TEXT NOT NULL REFERENCES voc_cases (id), customer_id TEXT NOT NULL,
                    from_status TEXT, to_status TEXT NOT NULL, by_user_id TEXT, note TEXT, at BIGINT NOT NULL)
                """,
                "CREATE INDEX voc_events_case ON voc_events (case_id, id)",
                "CREATE INDEX voc_events_customer ON voc_events (customer_id, id)",
            ]
            statements += engine.appendOnlyGuard("voc_events")
            return statements
        },
        // Webhooks: subscriptions (the signing secret encrypted with the data key), a cursor per subscription over
        // the outbox, and one delivery row per (subscription, event) — at least once, retried with backoff.
        Migration("0007_webhooks") { _ in
            [
                """
                CREATE TABLE webhook_subscriptions (
                    id TEXT PRIMARY KEY, url TEXT NOT NULL, secret_sealed TEXT NOT NULL, event_types TEXT NOT NULL, active BOOLEAN NOT NULL,
                    last_event_id BIGINT NOT NULL, created_by TEXT NOT NULL, created_at BIGINT NOT NULL)
                """,
                """
                CREATE TABLE webhook_deliveries (
                    id TEXT PRIMARY KEY, subscription_id TEXT NOT NULL REFERENCES webhook_subscriptions (id), event_id BIGINT NOT NULL,
                    status TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at BIGINT NOT NULL, last_status INTEGER, last_error TEXT,
                    delivered_at BIGINT, created_at BIGINT NOT NULL)
                """,
                "CREATE UNIQUE INDEX webhook_deliveries_event ON webhook_deliveries (subscription_id, event_id)",
                "CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at)",
            ]
        },
        // Customer analytics: one row of scores per customer with purchases, rewritten by each refresh (`clv` is the
        // margin CLV, `clv_revenue` lifetimes' CLV of spend; model columns are NULL when the models could not be
        // fitted), and one row per refresh run with its business-level results as JSON (fitted parameters,
        // Pareto/Lorenz, value-matrix and RFM counts) and the customer equity, so equity can be followed over time.
        // Days are business days (days since 1970-01-01 in the business time zone); every span is in days; money in
        // minor units of `currency`.
        Migration("0008_customer_scores") { engine in
            [
                """
                CREATE TABLE customer_scores (
                    customer_id TEXT PRIMARY KEY REFERENCES customers (id), run_id TEXT NOT NULL, computed_at BIGINT NOT NULL,
                    model_version TEXT NOT NULL, currency TEXT NOT NULL, observation_end_day INTEGER NOT NULL,
                    first_purchase_day INTEGER NOT NULL, last_purchase_day INTEGER NOT NULL, frequency INTEGER NOT NULL,
                    recency_days INTEGER NOT NULL, age_days INTEGER NOT NULL, monetary \(engine.doubleType) NOT NULL,
                    revenue_minor BIGINT NOT NULL, margin_minor BIGINT NOT NULL, historical_value \(engine.doubleType) NOT NULL,
                    horizon_days INTEGER NOT NULL, p_alive \(engine.doubleType), expected_purchases \(engine.doubleType),
                    expected_spend \(engine.doubleType), clv_revenue \(engine.doubleType), clv \(engine.doubleType),
                    rfm_r INTEGER NOT NULL, rfm_f INTEGER NOT NULL, rfm_m INTEGER NOT NULL, rfm_segment TEXT NOT NULL,
                    value_quadrant TEXT, churn_band TEXT NOT NULL, churn_factors TEXT NOT NULL)
                """,
                "CREATE INDEX customer_scores_segment ON customer_scores (rfm_segment, customer_id)",
                "CREATE INDEX customer_scores_quadrant ON customer_scores (value_quadrant, customer_id)",
                "CREATE INDEX customer_scores_churn ON customer_scores (churn_band, customer_id)",
                "CREATE INDEX customer_scores_clv ON customer_scores (clv)",
                "CREATE INDEX customer_scores_run ON customer_scores (run_id)",
                """
                CREATE TABLE analytics_runs (
                    id TEXT PRIMARY KEY, started_at BIGINT NOT NULL, finished_at BIGINT, status TEXT NOT NULL,
                    trigger TEXT NOT NULL, customers BIGINT NOT NULL, equity_total \(engine.doubleType), report TEXT, error TEXT)
                """,
                "CREATE INDEX analytics_runs_started ON analytics_runs (started_at)",
            ]
        },
        importRuns,
        associationsAndEquityChange,
        categoryPaths,
    ]
}
