/// A customer's display name (이름·상호), normalised by ``NameNormalizer`` and known not to be blank.
///
/// ```swift
/// let name = try PersonName("  홍\u{3000}길동 ")
/// name.value     // "홍 길동"
/// name.matchKey  // "홍길동"
/// ```
public struct PersonName: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The normalised name: NFC, white space collapsed, trimmed.
    public let value: String

    /// Normalises `raw`; throws ``NormalizationError/empty`` when nothing but white space is left.
    public init(_ raw: String) throws(NormalizationError) {
        let value = NameNormalizer.normalize(raw)
        guard !value.isEmpty else { throw .empty }
        self.value = value
    }

    /// The key for comparing names: lowercased, without spaces.
    public var matchKey: String { NameNormalizer.matchKey(value) }

    /// The name. Mask it (``PersonalDataMasker/maskName(_:)``) before showing it to roles that may not see it.
    public var description: String { value }

    /// Decodes a plain string and normalises it again, so stored names stay canonical.
    public init(from decoder: any Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(raw)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    /// Encodes the name as a plain string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
