/// What a user of Dangol may do.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// Everything, including users, tokens and unmasked exports (each unmasked read audited).
    case admin
    /// Manages a team's customers; sees personal data masked.
    case manager
    /// Works their own customers: sees the personal data of customers they own unmasked (audited), others masked.
    case agent
    /// Reads for analysis; always masked; cannot change customers.
    case analyst

    /// Whether this role may create or change customer records.
    public var canWriteCustomers: Bool { self != .analyst }
}
