import DangolCore
import DangolIdentity
import DangolStore

/// Turns a stored customer (profile + identifiers) into the identity engine's plain ``IdentityRecord``.
///
/// Identifier values are already normalised in the store: phones are E.164, e-mails carry their matching key,
/// name + birth date is `name|YYYY-MM-DD`. Encrypted values (RRN) are not compared.
enum IdentityRecordBuilder {
    static func record(id: String, kind: CustomerKind, name: String, identifiers: [IdentifierRecord]) -> IdentityRecord {
        var record = IdentityRecord(id: id, kind: kind, name: name)
        for identifier in identifiers where identifier.isLive {
            switch identifier.type {
            case .mobilePhone, .otherPhone:
                record.phones.append(identifier.normalized)
            case .email:
                record.emailKeys.append(identifier.matchKey)
            case .customerNumber, .loginID:
                record.customerNumbers.append(identifier.type.rawValue + ":" + identifier.matchKey)
            case .nameBirthDate:
                if record.birthDate == nil, let bar = identifier.matchKey.lastIndex(of: "|") {
                    record.birthDate = CivilDate(iso8601: String(identifier.matchKey[identifier.matchKey.index(after: bar)...]))
                }
            case .businessRegistrationNumber:
                record.businessRegistrationNumber = identifier.matchKey
            case .corporateRegistrationNumber:
                record.corporateRegistrationNumber = identifier.matchKey
            case .webDomain:
                record.webDomain = identifier.matchKey
            case .nameAddress:
                if record.address == nil, let bar = identifier.matchKey.firstIndex(of: "|") {
                    record.address = String(identifier.matchKey[identifier.matchKey.index(after: bar)...])
                }
            case .deviceID, .snsURL, .residentRegistrationNumber:
                break
            }
        }
        return record
    }

    static func record(_ customer: Customer, identifiers: [IdentifierRecord]) -> IdentityRecord {
        record(id: customer.id.rawValue, kind: customer.kind, name: customer.displayName, identifiers: identifiers)
    }
}
