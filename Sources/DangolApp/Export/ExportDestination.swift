/// Where an export is written.
public enum ExportDestination: Sendable, Hashable, CustomStringConvertible {
    /// A file, created or truncated, readable by its owner only (mode 0600): exports hold customer data.
    case file(String)
    /// The process's standard output.
    case standardOutput

    public var description: String {
        switch self {
        case .file(let path): path
        case .standardOutput: "stdout"
        }
    }
}
