/// Normalises identifiers whose inside the CRM does not interpret: customer numbers (고객번호), login IDs and device
/// or cookie IDs. The value is put in NFC and trimmed, must not be empty, must not contain control characters (tabs,
/// new lines, NUL…) and must be at most ``maximumLength`` Unicode scalars long. Case and inner spaces are kept:
/// membership numbers and device IDs are compared exactly (login IDs get a lowercased match key in
/// ``IdentifierNormalizer``).
///
/// Error codes: `empty`, `<type>.control_character`, `<type>.too_long`, where `<type>` is the identifier type's raw
/// value (`customer_number`, `login_id`, `device_id`).
public enum OpaqueIdentifierNormalizer {
    /// The longest accepted value, in Unicode scalars (the unit PostgreSQL's `varchar(n)` counts).
    public static let maximumLength = 200

    /// Normalises `raw` as a value of `type`, which only names the error codes.
    ///
    /// ```swift
    /// try OpaqueIdentifierNormalizer.normalize("  M-000123 ", as: .customerNumber)  // "M-000123"
    /// ```
    public static func normalize(_ raw: String, as type: IdentifierType) throws(NormalizationError) -> String {
        let value = IdentifierText.nfc(IdentifierText.trimmed(raw))
        guard !value.isEmpty else { throw .empty }
        guard !IdentifierText.containsControlCharacter(value) else {
            throw NormalizationError(
                code: type.rawValue + ".control_character",
                message: "The value contains a control character such as a tab or a line break."
            )
        }
        guard value.unicodeScalars.count <= maximumLength else {
            throw NormalizationError(
                code: type.rawValue + ".too_long", message: "The value is longer than \(maximumLength) characters."
            )
        }
        return value
    }
}
