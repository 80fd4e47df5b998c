import DangolCore

/// One generated record and the truth about it.
public struct SyntheticRecord: Sendable, Hashable {
    /// The record as a source would hold it (raw text, not yet normalised).
    public var raw: RawIdentityRecord
    /// The entity — person or organisation — it describes. Records with equal entity IDs are the same customer.
    public var entityID: String
    /// The household the person belongs to (people of one household share an address and a phone, and must not be
    /// merged), or nil.
    public var householdID: String?

    /// The columns of a generated CSV file, in order; their names are the ``RawIdentityRecord`` fields a dedupe
    /// mapping understands, plus `entity_id` (the truth) and `household_id`.
    public static let csvHeader = [
        "record_id", "entity_id", "household_id", "kind", "name", "company_name", "birth_date", "phone", "phone2",
        "email", "address", "postcode", "customer_number", "brn", "crn", "domain",
    ]

    /// The record's fields in ``csvHeader`` order.
    public var csvFields: [String] {
        [
            raw.id, entityID, householdID ?? "", raw.kind?.rawValue ?? "", raw.name, raw.companyName, raw.birthDate,
            raw.phones.first ?? "", raw.phones.dropFirst().first ?? "", raw.emails.first ?? "", raw.address,
            raw.postcode, raw.customerNumbers.first ?? "", raw.businessRegistrationNumber,
            raw.corporateRegistrationNumber, raw.webDomain,
        ]
    }
}
