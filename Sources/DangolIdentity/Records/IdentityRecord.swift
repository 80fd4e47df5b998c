// DangolIdentity — recognising the same customer across sources (identity resolution).
//
// Its job: compare records field by field (names with Hangul jamo and Jaro–Winkler, birth dates, phones, e-mail,
// addresses, organisation numbers), weigh the evidence in the Fellegi–Sunter framework with m/u probabilities that
// EM estimates from the data itself, generate candidate pairs by blocking so that work grows near-linearly, and turn
// scored pairs into clusters guarded against chaining. It also generates synthetic records with known truth and
// scores a clustering against that truth (pairwise precision, recall, F1).
//
// What it must not do: read files, touch the database or the clock, or normalise raw input itself beyond calling the
// DangolCore normalisers. It depends on DangolCore only; the store fetches candidates and DangolApp does the I/O.

import DangolCore

/// One record to resolve: the identifying fields of a customer as one source knows them, already normalised.
///
/// Values are the canonical forms DangolCore produces — names from ``NameNormalizer/normalize(_:)``, phones in E.164
/// (``PhoneNumber/e164``), e-mail match keys (``EmailAddress/matchKey``), 10- and 13-digit BRN/CRN, normalised web
/// domains. ``RawIdentityRecord/normalized()`` builds one from raw text. Empty arrays and nil mean "not known", which
/// the matcher treats as no evidence either way.
///
/// ```swift
/// let record = IdentityRecord(id: "pos-17", kind: .person, name: "김민준",
///                             birthDate: CivilDate(year: 1990, month: 3, day: 7), phones: ["+821012345678"])
/// ```
public struct IdentityRecord: Sendable, Hashable, Codable {
    /// The record's identifier in its source (a row id, a customer id); written back next to its cluster.
    public var id: String
    /// Person or organisation. Records of different kinds are never compared.
    public var kind: CustomerKind
    /// A person's name, or an organisation's name with or without its legal form; "" when unknown.
    public var name: String
    /// 생년월일 birth date (people).
    public var birthDate: CivilDate?
    /// Phone numbers in E.164 (mobile and other). Shared household numbers are common: never decisive alone.
    public var phones: [String]
    /// E-mail match keys. A strong identifier: records sharing one resolve together.
    public var emailKeys: [String]
    /// Postal address as written (NFC, white space collapsed).
    public var address: String?
    /// 우편번호 five-digit postcode.
    public var postcode: String?
    /// Customer numbers, membership card numbers or other IDs of the business. Strong identifiers.
    public var customerNumbers: [String]
    /// 사업자등록번호, ten digits (organisations). A strong identifier.
    public var businessRegistrationNumber: String?
    /// 법인등록번호, thirteen digits (organisations). A strong identifier.
    public var corporateRegistrationNumber: String?
    /// An organisation's web domain, e.g. `dangol.co.kr`.
    public var webDomain: String?

    /// Creates a record; every field but `id` and `kind` is optional.
    public init(
        id: String, kind: CustomerKind = .person, name: String = "", birthDate: CivilDate? = nil,
        phones: [String] = [], emailKeys: [String] = [], address: String? = nil, postcode: String? = nil,
        customerNumbers: [String] = [], businessRegistrationNumber: String? = nil,
        corporateRegistrationNumber: String? = nil, webDomain: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.birthDate = birthDate
        self.phones = phones
        self.emailKeys = emailKeys
        self.address = address
        self.postcode = postcode
        self.customerNumbers = customerNumbers
        self.businessRegistrationNumber = businessRegistrationNumber
        self.corporateRegistrationNumber = corporateRegistrationNumber
        self.webDomain = webDomain
    }
}
