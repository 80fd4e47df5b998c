import DangolCore
import DangolIdentity

/// The one exception to "a strong identifier decides": a mobile phone shared in a household. When the only strong
/// identifier linking an incoming record to a customer is a mobile phone and the two names are clearly different
/// (the match model's name comparison says `different`), the record is not attached — attaching would fuse two
/// people. The caller reports it instead (an import rejects the row with the reason, the API answers 409), so that a
/// person can record the number as the second person's `other_phone` or correct it.
enum SharedPhoneGuard {
    /// Whether the record must not be attached to the holder.
    static func refuses(incomingName: String, holderName: String, kind: CustomerKind, linkingTypes: Set<IdentifierType>) -> Bool {
        guard kind == .person, linkingTypes == [.mobilePhone], !incomingName.isEmpty, !holderName.isEmpty else { return false }
        let explanation = IdentityResolver.explain(IdentityRecord(id: "incoming", kind: kind, name: incomingName),
                                                   IdentityRecord(id: "holder", kind: kind, name: holderName), models: .starting)
        return explanation.fields.first { $0.field == .name }?.level == "different"
    }

    static let reason = "the mobile phone belongs to a customer with a different name (a shared phone?); record it as other_phone or correct it"
}
