/// Decides whether a viewer sees a customer's personal data unmasked. One rule for the API, the console and exports:
/// - an agent sees unmasked data only for customers they own;
/// - an admin sees unmasked data only when they explicitly ask for it (`reveal`), e.g. `export --unmasked`;
/// - managers and analysts always see masked values.
/// Every unmasked read must be written to the audit log by the caller.
public enum PersonalDataPolicy {
    /// Whether `viewer` may see `customerOwnerID`'s customer unmasked.
    public static func showsUnmasked(role: Role, viewerUserID: String, customerOwnerID: String?, reveal: Bool) -> Bool {
        switch role {
        case .agent: customerOwnerID != nil && customerOwnerID == viewerUserID
        case .admin: reveal
        case .manager, .analyst: false
        }
    }
}
