import DangolCore

/// A mapping applied to one file's header: for each field, the index of the column that fills it. Built once per
/// import by ``ImportMapping/resolve(header:definitions:)`` so that reading a row is only array indexing.
struct ImportColumns: Sendable {
    /// A column holding identifier values.
    struct IdentifierColumn: Sendable {
        var index: Int
        var type: IdentifierType
        var field: ImportField
    }

    /// A column holding a custom attribute.
    struct AttributeColumn: Sendable {
        var index: Int
        var definition: AttributeDefinition
    }

    /// A column holding consent decisions.
    struct ConsentColumn: Sendable {
        var index: Int
        var purpose: ConsentPurpose
    }

    let headerCount: Int
    let externalID: Int?
    let kind: Int?
    let displayName: Int
    let birthDate: Int?
    let stage: Int?
    let owner: Int?
    let tags: Int?
    let identifiers: [IdentifierColumn]
    let attributes: [AttributeColumn]
    let consents: [ConsentColumn]
    /// Headers that fill no field, in file order (reported, not imported).
    let ignoredHeaders: [String]

    init(headerCount: Int, fields: [(Int, ImportField)], definitions: [String: AttributeDefinition], ignoredHeaders: [String]) {
        var index: [ImportField: Int] = [:]
        var identifiers: [IdentifierColumn] = []
        var attributes: [AttributeColumn] = []
        var consents: [ConsentColumn] = []
        for (column, field) in fields {
            index[field] = column
            if let type = field.identifierType {
                identifiers.append(IdentifierColumn(index: column, type: type, field: field))
            }
            switch field {
            case .attribute(let key):
                if let definition = definitions[key] { attributes.append(AttributeColumn(index: column, definition: definition)) }
            case .consent(let purpose):
                consents.append(ConsentColumn(index: column, purpose: purpose))
            default:
                break
            }
        }
        self.headerCount = headerCount
        self.externalID = index[.externalID]
        self.kind = index[.kind]
        self.displayName = index[.displayName] ?? 0
        self.birthDate = index[.birthDate]
        self.stage = index[.stage]
        self.owner = index[.owner]
        self.tags = index[.tags]
        self.identifiers = identifiers
        self.attributes = attributes
        self.consents = consents
        self.ignoredHeaders = ignoredHeaders
    }
}
