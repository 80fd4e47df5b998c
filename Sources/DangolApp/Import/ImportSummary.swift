/// The outcome of an import. Counts only: never row data.
public struct ImportSummary: Sendable, Hashable {
    /// Data rows read (the header not counted), rejected ones included.
    public var rowsRead: Int
    /// New customers created.
    public var created: Int
    /// Rows whose strong identifiers led to one existing customer, which got the row's missing identifiers.
    public var matched: Int
    /// Rows imported before under the same source (their source record exists), left alone.
    public var unchanged: Int
    /// Rows written to the reject file.
    public var rejected: Int
    /// Review queue entries opened: new customers the match model found likely, but not certainly, the same as an
    /// existing one.
    public var reviews: Int = 0
    /// Rows whose mobile phone belonged to another person with a different name and birth date (a household's shared
    /// phone): the number was kept as the row's `other_phone`.
    public var sharedPhones: Int = 0
    /// The reject file, or nil when no row was rejected.
    public var rejectFile: String?
    /// Headers that fill no field and were ignored.
    public var ignoredColumns: [String]
    /// The encoding the input was read with (`utf-8` or `cp949`).
    public var encoding: String
    /// Wall-clock seconds the import took.
    public var elapsedSeconds: Double

    /// Creates a summary.
    public init(rowsRead: Int, created: Int, matched: Int, unchanged: Int, rejected: Int, rejectFile: String?,
                ignoredColumns: [String], encoding: String, elapsedSeconds: Double) {
        self.rowsRead = rowsRead
        self.created = created
        self.matched = matched
        self.unchanged = unchanged
        self.rejected = rejected
        self.rejectFile = rejectFile
        self.ignoredColumns = ignoredColumns
        self.encoding = encoding
        self.elapsedSeconds = elapsedSeconds
    }

    /// Rows per second over the whole import.
    public var rowsPerSecond: Double { elapsedSeconds > 0 ? Double(rowsRead) / elapsedSeconds : 0 }
}
