/// The outcome of an export. Counts only.
public struct ExportSummary: Sendable, Hashable {
    /// Customers written.
    public var rows: Int
    /// Rows written with clear personal data (audited).
    public var unmaskedRows: Int
    /// Where the file went: a path or `stdout`.
    public var destination: String
    /// Wall-clock seconds.
    public var elapsedSeconds: Double

    /// Creates a summary.
    public init(rows: Int, unmaskedRows: Int, destination: String, elapsedSeconds: Double) {
        self.rows = rows
        self.unmaskedRows = unmaskedRows
        self.destination = destination
        self.elapsedSeconds = elapsedSeconds
    }
}
