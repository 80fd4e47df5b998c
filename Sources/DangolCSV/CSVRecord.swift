/// One record of a CSV file: its fields, and the physical line it starts on.
///
/// Lines are counted from 1 the way a text editor counts them: blank lines count, and a quoted field that spans
/// lines moves the next record down, so a reject report can say "line 1234: missing email".
public struct CSVRecord: Sendable, Hashable {
    /// The 1-based physical line where the record starts.
    public let line: Int
    /// The field values, unquoted and unescaped. A record always has at least one field.
    public let fields: [String]

    /// Creates a record; readers make these, tests compare against them.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
