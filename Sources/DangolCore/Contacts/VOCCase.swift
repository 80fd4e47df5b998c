/// The voice of the customer (고객의 소리, VOC): a complaint, compliment, inquiry or suggestion, worked through a status
/// flow under a service-level agreement per severity.
public enum VOCCase {
    /// What the customer said.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case complaint, compliment, inquiry, suggestion
    }

    /// How urgent it is; decides the deadline.
    public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
        case low, medium, high, critical
    }

    /// Where a case stands: received → assigned → in progress → resolved → closed, or reopened.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case received, assigned
        case inProgress = "in_progress"
        case resolved, closed, reopened

        /// The statuses a case may move to from this one.
        public var next: Set<Status> {
            switch self {
            case .received: [.assigned, .inProgress, .resolved]
            case .assigned: [.inProgress, .resolved]
            case .inProgress: [.assigned, .resolved]
            case .resolved: [.closed, .reopened]
            case .closed: [.reopened]
            case .reopened: [.assigned, .inProgress, .resolved]
            }
        }

        /// Whether the case still needs work (its deadline applies).
        public var isOpen: Bool { self != .resolved && self != .closed }
    }

    /// Hours to resolve a case, per severity; configurable per organisation.
    public struct ServiceLevel: Sendable, Hashable, Codable {
        public var hours: [Severity: Int]

        public init(hours: [Severity: Int]) { self.hours = hours }

        /// Critical 4 hours, high 1 day, medium 3 days, low 7 days.
        public static let standard = ServiceLevel(hours: [.critical: 4, .high: 24, .medium: 72, .low: 168])

        /// When a case of this severity opened at `openedAt` is due.
        public func dueAt(openedAt: Timestamp, severity: Severity) -> Timestamp {
            Timestamp(rawValue: openedAt.rawValue + Int64(hours[severity] ?? 72) * 3_600_000)
        }
    }
}

extension VOCCase.Severity: CodingKeyRepresentable {}
