extension Schema {
    /// Import runs started from the console: what was uploaded, by whom, how far it got and how it ended — kept in
    /// the database so that any server process can show the progress page.
    static let importRuns = Migration("0009_import_runs") { _ in
        [
            """
            CREATE TABLE import_runs (
                id TEXT PRIMARY KEY, kind TEXT NOT NULL, file_name TEXT NOT NULL, source TEXT NOT NULL, status TEXT NOT NULL,
                rows_read BIGINT NOT NULL, bytes_read BIGINT NOT NULL, total_bytes BIGINT NOT NULL, created BIGINT NOT NULL,
                unchanged BIGINT NOT NULL, identified BIGINT NOT NULL, rejected BIGINT NOT NULL, message TEXT, reject_path TEXT,
                started_by TEXT NOT NULL, started_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, finished_at BIGINT)
            """,
            "CREATE INDEX import_runs_started ON import_runs (started_at)",
        ]
    }
}
