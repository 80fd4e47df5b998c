/// The type of a custom attribute, declared once per key by the business (e.g. an optician's
/// `last_eye_test` as `.date`).
public enum AttributeType: String, Sendable, Hashable, Codable, CaseIterable {
    case text
    case number
    case date
    case boolean
}
