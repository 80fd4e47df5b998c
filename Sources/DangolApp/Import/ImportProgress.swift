/// How far an import has got, reported after every batch (and once at the end).
public struct ImportProgress: Sendable, Hashable {
    /// Data rows read so far (the header not counted), rejected ones included.
    public var rowsRead: Int
    /// New customers created so far.
    public var created: Int
    /// Rows attached to an existing customer so far.
    public var matched: Int
    /// Rows already imported before (their source record exists) so far.
    public var unchanged: Int
    /// Rows written to the reject file so far.
    public var rejected: Int
    /// Bytes of the input read so far.
    public var bytesRead: Int64
    /// The input's size in bytes (0 when unknown, e.g. a pipe).
    public var totalBytes: Int64
    /// Seconds since the import started.
    public var elapsedSeconds: Double

    /// Creates a progress report.
    public init(rowsRead: Int, created: Int, matched: Int, unchanged: Int, rejected: Int, bytesRead: Int64, totalBytes: Int64,
                elapsedSeconds: Double) {
        self.rowsRead = rowsRead
        self.created = created
        self.matched = matched
        self.unchanged = unchanged
        self.rejected = rejected
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.elapsedSeconds = elapsedSeconds
    }

    /// Rows per second so far.
    public var rowsPerSecond: Double { elapsedSeconds > 0 ? Double(rowsRead) / elapsedSeconds : 0 }

    /// The share of the input read, 0…1, or nil when the size is unknown.
    public var fractionDone: Double? {
        totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : nil
    }

    /// Seconds left at the current pace, or nil when the size is unknown or nothing has been read yet.
    public var estimatedSecondsRemaining: Double? {
        guard let fraction = fractionDone, fraction > 0, elapsedSeconds > 0 else { return nil }
        return elapsedSeconds * (1 - fraction) / fraction
    }
}
