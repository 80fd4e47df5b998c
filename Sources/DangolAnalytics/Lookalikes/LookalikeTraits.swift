import Foundation

/// What a lookalike comparison knows about one customer: attributes (kind, tags, custom attributes, age, the kind of
/// e-mail domain) and early behaviour (purchases, spend and contacts in the customer's first days, as the caller
/// defines them). Plain values: the caller reads them from wherever it keeps customers.
///
/// ```swift
/// let lead = LookalikeTraits(customerID: "c-1", kind: "person", tags: ["VIP"], emailDomain: "naver.com", earlyContacts: 2)
/// lead.features[.tag("VIP")]  // 1
/// ```
public struct LookalikeTraits: Sendable, Hashable {
    /// The customer's id, carried through to the match.
    public var customerID: String
    /// `person` or `organisation`.
    public var kind: String
    /// Tags the customer carries.
    public var tags: [String]
    /// Text and yes/no custom attributes, by key, as canonical text.
    public var attributes: [String: String]
    /// Numeric custom attributes, by key.
    public var numbers: [String: Double]
    /// Age in whole years on the reference day, when a birth date is known.
    public var age: Int?
    /// The domain of the customer's e-mail address (after `@`), when there is one.
    public var emailDomain: String?
    /// Purchases in the first days.
    public var earlyPurchases: Int
    /// Net spend in the first days, in minor units (negative counts as 0).
    public var earlySpend: Double
    /// Contacts (interactions) in the first days.
    public var earlyContacts: Int

    /// Creates the traits of one customer.
    public init(customerID: String, kind: String, tags: [String] = [], attributes: [String: String] = [:],
                numbers: [String: Double] = [:], age: Int? = nil, emailDomain: String? = nil, earlyPurchases: Int = 0,
                earlySpend: Double = 0, earlyContacts: Int = 0) {
        self.customerID = customerID
        self.kind = kind
        self.tags = tags
        self.attributes = attributes
        self.numbers = numbers
        self.age = age
        self.emailDomain = emailDomain
        self.earlyPurchases = earlyPurchases
        self.earlySpend = earlySpend
        self.earlyContacts = earlyContacts
    }

    /// The customer as a sparse feature vector: 1 for each category held, `sign(x)·ln(1 + |x|)` for each non-zero
    /// measure; features absent from the dictionary are 0. Non-finite numbers are left out.
    public var features: [LookalikeFeature: Double] {
        var vector: [LookalikeFeature: Double] = [.kind(kind): 1, .emailDomain(EmailDomainClass(domain: emailDomain)): 1]
        for tag in tags { vector[.tag(tag)] = 1 }
        for (key, value) in attributes where !value.isEmpty { vector[.attribute(key: key, value: value)] = 1 }
        for (key, value) in numbers where value.isFinite && value != 0 { vector[.number(key: key)] = Self.compress(value) }
        if let age, age >= 0 { vector[.ageBand(Self.decade(of: age))] = 1 }
        if earlyPurchases > 0 { vector[.earlyPurchases] = Self.compress(Double(earlyPurchases)) }
        if earlySpend.isFinite, earlySpend > 0 { vector[.earlySpend] = Self.compress(earlySpend) }
        if earlyContacts > 0 { vector[.earlyContacts] = Self.compress(Double(earlyContacts)) }
        return vector
    }

    /// The band of an age: 10 below 20, the decade from 20 to 69, 70 from 70.
    public static func decade(of age: Int) -> Int { min(70, max(10, age / 10 * 10)) }

    /// sign(x)·ln(1 + |x|).
    static func compress(_ value: Double) -> Double { value < 0 ? -log1p(-value) : log1p(value) }
}
