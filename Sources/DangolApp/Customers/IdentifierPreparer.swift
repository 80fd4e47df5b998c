import DangolCore
import DangolStore

/// Turns identifier inputs into records ready to store: validates the type against the customer kind, normalises,
/// applies the checksum-override rule, encrypts resident registration numbers and computes masked forms and phone tails.
public struct IdentifierPreparer: Sendable {
    public let vault: PersonalDataVault
    /// Whether RRN collection is enabled (only with a recorded legal basis).
    public let rrnCollectionEnabled: Bool

    public init(vault: PersonalDataVault, rrnCollectionEnabled: Bool) {
        self.vault = vault
        self.rrnCollectionEnabled = rrnCollectionEnabled
    }

    /// The prepared record, or the field errors that stop it. `field` is the path used in errors.
    public func prepare(_ input: IdentifierInput, kind: CustomerKind, customerID: CustomerID, recordID: String, defaultSource: String,
                        at: Timestamp, field: String) -> Result<IdentifierRecord, FieldError> {
        guard let type = IdentifierType(apiName: input.type) else {
            return .failure(FieldError(field: field + "/type", code: "identifier.unknown_type",
                                       message: "Unknown identifier type '\(input.type.prefix(40))'."))
        }
        guard type.applies(to: kind) else {
            return .failure(FieldError(field: field + "/type", code: "identifier.wrong_kind",
                                       message: "A \(kind.rawValue) cannot have an identifier of type \(type.rawValue)."))
        }
        if type == .residentRegistrationNumber && !rrnCollectionEnabled {
            return .failure(FieldError(field: field + "/value", code: "rrn.collection_disabled",
                                       message: "Collecting resident registration numbers is off; an admin must record a legal basis first."))
        }
        let normalized: NormalizedIdentifier
        do {
            normalized = try IdentifierNormalizer.normalize(input.value, as: type)
        } catch {
            return .failure(FieldError(field: field + "/value", code: error.code, message: error.message))
        }
        let blocking = normalized.warnings.filter { $0.code == "brn.checksum" || $0.code == "crn.checksum" }
        if let warning = blocking.first, input.overrideChecksum != true {
            return .failure(FieldError(field: field + "/value", code: warning.code,
                                       message: warning.message + " Set overrideChecksum to accept it anyway."))
        }
        var raw: String? = input.value
        var stored = normalized.normalized
        var matchKey = normalized.matchKey
        if type == .residentRegistrationNumber {
            // Never store the clear number: ciphertext for display to allowed roles, keyed hash for lookup.
            raw = nil
            do { stored = try vault.encrypt(normalized.normalized) } catch {
                return .failure(FieldError(field: field + "/value", code: "rrn.encryption", message: error.message))
            }
            matchKey = vault.lookupHash(normalized.matchKey)
        }
        let isPhone = type == .mobilePhone || type == .otherPhone
        return .success(IdentifierRecord(
            id: recordID, customerID: customerID, type: type, raw: raw, normalized: stored, matchKey: matchKey,
            masked: PersonalDataMasker.mask(normalized.normalized, type: type),
            tail: isPhone ? String(normalized.normalized.suffix(4)) : nil,
            source: input.source.map { String($0.prefix(100)) } ?? defaultSource, verified: input.verified ?? false,
            isStrong: type.isStrong, firstSeen: at, lastSeen: at
        ))
    }

    /// The lookup key for a value typed by a user (`GET /customers/lookup`): normalised, and hashed for RRNs.
    public func lookupKey(type: IdentifierType, value: String) throws(DangolError) -> IdentifierKey {
        do {
            let normalized = try IdentifierNormalizer.normalize(value, as: type)
            let key = type == .residentRegistrationNumber ? vault.lookupHash(normalized.matchKey) : normalized.matchKey
            return IdentifierKey(type: type, matchKey: key)
        } catch {
            throw DangolError.invalid(field: "value", code: error.code, error.message)
        }
    }
}
