import DangolStore

/// How to export customers.
public struct ExportOptions: Sendable {
    /// Clear personal data for every row. Admins only; audited as `export.unmasked` with the row count.
    public var unmasked: Bool
    /// Which customers: every live customer by default.
    public var filter: CustomerFilter
    /// Customers read per page (memory stays at one page). 1…5,000.
    public var pageSize: Int
    /// Start with a UTF-8 byte order mark so that Korean Excel shows Hangul correctly.
    public var byteOrderMark: Bool

    /// Creates options; every argument has the default described on its property.
    public init(unmasked: Bool = false, filter: CustomerFilter = CustomerFilter(), pageSize: Int = 1_000, byteOrderMark: Bool = true) {
        self.unmasked = unmasked
        self.filter = filter
        self.pageSize = pageSize
        self.byteOrderMark = byteOrderMark
    }
}
