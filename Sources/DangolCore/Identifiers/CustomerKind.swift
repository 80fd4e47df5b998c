/// Whether a customer is a person (개인) or an organisation (법인·단체: a company, shop, school or association).
/// The kind decides which identifiers a customer may carry (see ``IdentifierType/applies(to:)``).
public enum CustomerKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A natural person.
    case person
    /// A company, sole proprietorship, public body or association.
    case organisation
}
