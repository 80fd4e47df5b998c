import DangolCore
import DangolIdentity
import DangolStore

/// The one exception to "a strong identifier decides": a mobile phone shared in a household. When the only strong
/// identifier linking an incoming record to a customer is a mobile phone, the rest of the evidence must not speak
/// against it: the two records' names and birth dates are compared by the match model, and if their summed weight is
/// negative (a different name, or the same surname with another given name and birth date…), the record is not
/// attached — that would fuse two people. An import keeps the number as the row's `other_phone` (a shared phone) and
/// resolves the row without it; the API answers 409, so that the caller can do the same or correct the number.
enum SharedPhoneGuard {
    /// Whether the record must not be attached to the holder. Only names and birth dates are weighed.
    static func refuses(incoming: IdentityRecord, holder: IdentityRecord, linkingTypes: Set<IdentifierType>) -> Bool {
        guard incoming.kind == .person, linkingTypes == [.mobilePhone], !incoming.name.isEmpty, !holder.name.isEmpty else { return false }
        let explanation = IdentityResolver.explain(
            IdentityRecord(id: "incoming", kind: .person, name: incoming.name, birthDate: incoming.birthDate),
            IdentityRecord(id: "holder", kind: .person, name: holder.name, birthDate: holder.birthDate), models: .starting)
        return explanation.weight < 0
    }

    /// The same number as a weak `other_phone` identifier, which several customers may share.
    static func asSharedPhone(_ identifier: IdentifierRecord) -> IdentifierRecord {
        guard identifier.type == .mobilePhone else { return identifier }
        var shared = identifier
        shared.type = .otherPhone
        shared.isStrong = false
        return shared
    }
}
