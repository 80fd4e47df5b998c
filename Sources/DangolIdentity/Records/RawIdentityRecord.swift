import DangolCore

/// A record's identifying fields as raw text — a CSV row, a form, a generated record — before normalisation.
///
/// ``normalized()`` runs every value through the DangolCore normaliser for its type, the same ones the API and the
/// importer use, and drops values that do not normalise (an unparseable phone is no evidence, not an error: a dedupe
/// run must not stop on one bad cell). The number of dropped values is returned so callers can report it.
///
/// ```swift
/// let raw = RawIdentityRecord(id: "7", name: "김 민준", birthDate: "1990.3.7", phones: ["010-1234-5678"])
/// let (record, dropped) = raw.normalized()  // record.phones == ["+821012345678"], dropped == 0
/// ```
public struct RawIdentityRecord: Sendable, Hashable {
    /// The record's identifier, kept as is.
    public var id: String
    /// `person`, `organisation`, or nil to infer: an organisation when a company name, BRN or CRN is present.
    public var kind: CustomerKind?
    /// A person's name (or, without `companyName`, an organisation's).
    public var name: String
    /// An organisation's name; when present the record is an organisation and this is its name.
    public var companyName: String
    /// A birth date in any spelling ``NameBirthDateNormalizer`` accepts (`1990-03-07`, `19900307`, `1990.3.7`…).
    public var birthDate: String
    /// Phone numbers in any common Korean form.
    public var phones: [String]
    /// E-mail addresses.
    public var emails: [String]
    /// Postal address.
    public var address: String
    /// Postcode (5 digits; other lengths are dropped).
    public var postcode: String
    /// Customer numbers or other IDs of the business.
    public var customerNumbers: [String]
    /// 사업자등록번호 in any spelling.
    public var businessRegistrationNumber: String
    /// 법인등록번호 in any spelling.
    public var corporateRegistrationNumber: String
    /// Web domain or URL.
    public var webDomain: String

    /// Creates a raw record; every field but `id` defaults to empty.
    public init(
        id: String, kind: CustomerKind? = nil, name: String = "", companyName: String = "", birthDate: String = "",
        phones: [String] = [], emails: [String] = [], address: String = "", postcode: String = "",
        customerNumbers: [String] = [], businessRegistrationNumber: String = "",
        corporateRegistrationNumber: String = "", webDomain: String = ""
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.companyName = companyName
        self.birthDate = birthDate
        self.phones = phones
        self.emails = emails
        self.address = address
        self.postcode = postcode
        self.customerNumbers = customerNumbers
        self.businessRegistrationNumber = businessRegistrationNumber
        self.corporateRegistrationNumber = corporateRegistrationNumber
        self.webDomain = webDomain
    }

    /// The normalised record, and how many non-empty values were dropped because they did not normalise.
    public func normalized() -> (record: IdentityRecord, droppedValues: Int) {
        var dropped = 0
        func value<T>(_ raw: String, _ normalize: (String) throws(NormalizationError) -> T) -> T? {
            guard !raw.isEmpty else { return nil }
            do {
                return try normalize(raw)
            } catch {
                if error != .empty { dropped += 1 }
                return nil
            }
        }
        let brn = value(businessRegistrationNumber) { raw throws(NormalizationError) in
            try BusinessRegistrationNumber(raw).digits
        }
        let crn = value(corporateRegistrationNumber) { raw throws(NormalizationError) in
            try CorporateRegistrationNumber(raw).digits
        }
        let company = NameNormalizer.normalize(companyName)
        let resolvedKind = kind ?? (!company.isEmpty || brn != nil || crn != nil ? .organisation : .person)
        var record = IdentityRecord(id: id, kind: resolvedKind)
        record.name = resolvedKind == .organisation && !company.isEmpty ? company : NameNormalizer.normalize(name)
        if resolvedKind == .person {
            record.birthDate = value(birthDate) { raw throws(NormalizationError) in
                guard let date = NameBirthDateNormalizer.parseBirthDate(raw) else {
                    throw NormalizationError(code: "birth_date.invalid", message: "Not a date.")
                }
                return date
            }
        }
        record.phones = unique(phones.compactMap { raw in value(raw) { raw throws(NormalizationError) in try PhoneNormalizer.normalize(raw).e164 } })
        record.emailKeys = unique(emails.compactMap { raw in value(raw) { raw throws(NormalizationError) in try EmailNormalizer.normalize(raw).matchKey } })
        let address = NameNormalizer.normalize(self.address)
        record.address = address.isEmpty ? nil : address
        let postcodeDigits = postcode.filter { $0.isASCII && $0.isNumber }
        if postcodeDigits.count == 5 {
            record.postcode = String(postcodeDigits)
        } else if !postcode.trimmingSpaces.isEmpty {
            dropped += 1
        }
        record.customerNumbers = unique(customerNumbers.compactMap { raw in
            value(raw) { raw throws(NormalizationError) in try OpaqueIdentifierNormalizer.normalize(raw, as: .customerNumber) }
        })
        if resolvedKind == .organisation {
            record.businessRegistrationNumber = brn
            record.corporateRegistrationNumber = crn
            record.webDomain = value(webDomain) { raw throws(NormalizationError) in try WebDomainNormalizer.normalize(raw) }
        }
        return (record, dropped)
    }

    private func unique(_ values: [String]) -> [String] {
        var seen: [String] = []
        for value in values where !seen.contains(value) { seen.append(value) }
        return seen
    }
}

extension String {
    /// Without leading and trailing white space.
    var trimmingSpaces: Substring { self[...].trimmed }
}

extension Substring {
    /// Without leading and trailing white space.
    var trimmed: Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
