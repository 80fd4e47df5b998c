import DangolCore

/// An import started from the console, and how far it got.
public struct ImportRunRecord: Sendable, Hashable, Codable {
    /// Where a run stands.
    public enum Status: String, Sendable, Hashable, Codable {
        case running, done, failed
    }

    public var id: String
    /// What is imported (`transactions`).
    public var kind: String
    /// The uploaded file's name as the browser sent it.
    public var fileName: String
    /// The source system the rows are recorded under (external ids are unique per source).
    public var source: String
    public var status: Status
    public var rowsRead: Int64
    public var bytesRead: Int64
    public var totalBytes: Int64
    public var created: Int64
    public var unchanged: Int64
    public var identified: Int64
    public var rejected: Int64
    /// Why a failed run stopped.
    public var message: String?
    /// The rejected rows with their line and reason (CSV on the server's disk).
    public var rejectPath: String?
    public var startedBy: String
    public var startedAt: Timestamp
    public var updatedAt: Timestamp
    public var finishedAt: Timestamp?

    public init(id: String, kind: String, fileName: String, source: String, status: Status = .running, rowsRead: Int64 = 0, bytesRead: Int64 = 0,
                totalBytes: Int64, created: Int64 = 0, unchanged: Int64 = 0, identified: Int64 = 0, rejected: Int64 = 0, message: String? = nil,
                rejectPath: String? = nil, startedBy: String, startedAt: Timestamp, updatedAt: Timestamp, finishedAt: Timestamp? = nil) {
        self.id = id
        self.kind = kind
        self.fileName = fileName
        self.source = source
        self.status = status
        self.rowsRead = rowsRead
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.created = created
        self.unchanged = unchanged
        self.identified = identified
        self.rejected = rejected
        self.message = message
        self.rejectPath = rejectPath
        self.startedBy = startedBy
        self.startedAt = startedAt
        self.updatedAt = updatedAt
        self.finishedAt = finishedAt
    }
}
