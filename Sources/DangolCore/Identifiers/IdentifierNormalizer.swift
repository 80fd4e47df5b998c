/// The single entry point that turns a raw identifier value of a given type into a ``NormalizedIdentifier``, used by
/// the API, imports and search alike so that a value is normalised the same way everywhere.
///
/// Each type has its own normaliser — ``PhoneNormalizer``, ``EmailNormalizer``, ``BusinessRegistrationNumber``,
/// ``CorporateRegistrationNumber``, ``ResidentRegistrationNumber``, ``WebDomainNormalizer``, ``SNSURLNormalizer``,
/// ``OpaqueIdentifierNormalizer``, ``NameBirthDateNormalizer``, ``NameAddressNormalizer`` — and this type only
/// dispatches and adds the rules that depend on the identifier type: a ``IdentifierType/mobilePhone`` must be a
/// mobile number (`phone.not_mobile` otherwise), and login IDs match case-insensitively.
///
/// ```swift
/// let id = try IdentifierNormalizer.normalize(" 010-1234-5678 ", as: .mobilePhone)
/// id.normalized  // "+821012345678"
/// ```
public enum IdentifierNormalizer {
    /// Normalises `raw` as a value of `type`. Leading and trailing white space is ignored; blank input throws
    /// ``NormalizationError/empty``. Error messages never contain the input.
    public static func normalize(
        _ raw: String, as type: IdentifierType
    ) throws(NormalizationError) -> NormalizedIdentifier {
        let text = IdentifierText.trimmed(raw)
        guard !text.isEmpty else { throw .empty }
        switch type {
        case .customerNumber, .deviceID:
            return NormalizedIdentifier(type: type, normalized: try OpaqueIdentifierNormalizer.normalize(text, as: type))
        case .loginID:
            let value = try OpaqueIdentifierNormalizer.normalize(text, as: type)
            return NormalizedIdentifier(type: type, normalized: value, matchKey: value.lowercased())
        case .email:
            let email = try EmailNormalizer.normalize(text)
            return NormalizedIdentifier(type: type, normalized: email.normalized, matchKey: email.matchKey)
        case .mobilePhone, .otherPhone:
            let phone = try PhoneNormalizer.normalize(text)
            guard type == .otherPhone || phone.isMobile else {
                throw NormalizationError(
                    code: "phone.not_mobile",
                    message: "The number is not a mobile number (010, 011, 016–019); record it as another phone."
                )
            }
            return NormalizedIdentifier(
                type: type, normalized: phone.e164, warnings: phone.isLegacyMobilePrefix ? [.phoneLegacyPrefix] : []
            )
        case .residentRegistrationNumber:
            return NormalizedIdentifier(type: type, normalized: try ResidentRegistrationNumber(text).digits)
        case .businessRegistrationNumber:
            let brn = try BusinessRegistrationNumber(text)
            return NormalizedIdentifier(type: type, normalized: brn.digits, warnings: brn.warnings)
        case .corporateRegistrationNumber:
            let crn = try CorporateRegistrationNumber(text)
            return NormalizedIdentifier(type: type, normalized: crn.digits, warnings: crn.warnings)
        case .webDomain:
            return NormalizedIdentifier(type: type, normalized: try WebDomainNormalizer.normalize(text))
        case .snsURL:
            return NormalizedIdentifier(type: type, normalized: try SNSURLNormalizer.normalize(text))
        case .nameBirthDate:
            return NormalizedIdentifier(type: type, normalized: try NameBirthDateNormalizer.normalize(text))
        case .nameAddress:
            return NormalizedIdentifier(type: type, normalized: try NameAddressNormalizer.normalize(text))
        }
    }
}
