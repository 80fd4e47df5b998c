import DangolCore
import DangolStore

/// Builds `CustomerView`s for a viewer: decides masking once per customer and reports which customers were shown
/// unmasked, so the caller can audit those reads.
struct CustomerPresenter: Sendable {
    let vault: PersonalDataVault

    func view(_ customer: Customer, identifiers: [IdentifierRecord], for principal: Principal, reveal: Bool) -> CustomerView {
        let clear = PersonalDataPolicy.showsUnmasked(role: principal.role, viewerUserID: principal.userID,
                                                     customerOwnerID: customer.ownerID, reveal: reveal)
        let name = customer.kind == .person && !clear ? PersonalDataMasker.maskName(customer.displayName) : customer.displayName
        return CustomerView(
            id: customer.id, kind: customer.kind, displayName: name, masked: !clear, lifecycleStage: customer.lifecycleStage,
            ownerID: customer.ownerID, tags: customer.tags, attributes: customer.attributes,
            identifiers: identifiers.map { identifierView($0, clear: clear) }, createdAt: customer.createdAt,
            updatedAt: customer.updatedAt, deletedAt: customer.deletedAt, deletionReason: customer.deletionReason
        )
    }

    func identifierView(_ record: IdentifierRecord, clear: Bool) -> IdentifierView {
        let showClear = clear || !record.type.isPersonalData
        return IdentifierView(
            id: record.id, type: record.type, value: showClear ? clearValue(record) : record.masked, masked: !showClear,
            strong: record.isStrong, source: record.source, verified: record.verified, firstSeen: record.firstSeen,
            lastSeen: record.lastSeen
        )
    }

    /// The readable clear form: national phone format, decrypted and hyphenated RRN, the normalised value otherwise.
    func clearValue(_ record: IdentifierRecord) -> String {
        switch record.type {
        case .mobilePhone, .otherPhone:
            return (try? PhoneNumber(record.normalized).nationalFormat) ?? record.normalized
        case .residentRegistrationNumber:
            guard let clear = try? vault.decrypt(record.normalized) else { return record.masked }
            return clear.count == 13 ? String(clear.prefix(6)) + "-" + String(clear.suffix(7)) : clear
        case .email:
            return record.raw?.trimmingWhitespace() ?? record.normalized
        default:
            return record.normalized
        }
    }
}
