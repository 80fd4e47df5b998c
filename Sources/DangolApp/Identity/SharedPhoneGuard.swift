import DangolCore
import DangolIdentity

/// The one exception to "a strong identifier decides": a mobile phone shared in a household. When the only strong
/// identifier linking an incoming record to a customer is a mobile phone, the rest of the evidence must not speak
/// against it: the two records' names and birth dates are compared by the match model, and if their summed weight is
/// negative (a different name, or the same surname with another given name and birth date…), the record is not
/// attached — that would fuse two people. The caller reports it instead (an import rejects the row with the reason,
/// the API answers 409), so that a person can record the number as the second person's `other_phone` or correct it.
enum SharedPhoneGuard {
    /// Whether the record must not be attached to the holder. Only names and birth dates are weighed.
    static func refuses(incoming: IdentityRecord, holder: IdentityRecord, linkingTypes: Set<IdentifierType>) -> Bool {
        guard incoming.kind == .person, linkingTypes == [.mobilePhone], !incoming.name.isEmpty, !holder.name.isEmpty else { return false }
        let explanation = IdentityResolver.explain(
            IdentityRecord(id: "incoming", kind: .person, name: incoming.name, birthDate: incoming.birthDate),
            IdentityRecord(id: "holder", kind: .person, name: holder.name, birthDate: holder.birthDate), models: .starting)
        return explanation.weight < 0
    }

    static let reason = "the mobile phone belongs to a customer with a different name or birth date (a shared phone?); record it as other_phone or correct it"
}
