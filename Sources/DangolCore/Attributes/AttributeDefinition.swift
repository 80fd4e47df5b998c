/// The declaration of a custom attribute: its key, label and type.
public struct AttributeDefinition: Sendable, Hashable, Codable {
    /// `[a-z][a-z0-9_]{0,62}`.
    public var key: String
    public var label: String
    public var type: AttributeType

    public init(key: String, label: String, type: AttributeType) {
        self.key = key
        self.label = label
        self.type = type
    }

    /// Whether a key has the allowed shape.
    public static func isValidKey(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard let first = bytes.first, bytes.count <= 63, first >= 97, first <= 122 else { return false }
        return bytes.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }
}
