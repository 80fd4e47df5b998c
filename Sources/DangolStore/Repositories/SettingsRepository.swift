import DangolCore
import SQLKit

/// Attribute definitions, relationships, and feature switches that need a recorded legal basis.
public struct SettingsRepository: Sendable {
    public init() {}

    // MARK: Custom attribute definitions

    public func attributeDefinitions(on db: any SQLDatabase) async throws -> [AttributeDefinition] {
        try await db.raw("SELECT key, label, type FROM attribute_definitions ORDER BY key").all().compactMap { row in
            guard let type = AttributeType(rawValue: try row.decode(column: "type", as: String.self)) else { return nil }
            return AttributeDefinition(key: try row.decode(column: "key", as: String.self),
                                       label: try row.decode(column: "label", as: String.self), type: type)
        }
    }

    public func insertAttributeDefinition(_ definition: AttributeDefinition, at: Timestamp, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO attribute_definitions (key, label, type, created_at)
            VALUES (\(bind: definition.key), \(bind: definition.label), \(bind: definition.type.rawValue), \(bind: at.rawValue))
            """).run()
    }

    // MARK: Legal bases

    /// The latest recorded decision for a feature (e.g. `rrn_collection`): enabled with which basis, or disabled.
    public func legalBasis(feature: String, on db: any SQLDatabase) async throws -> (enabled: Bool, basis: String)? {
        guard let row = try await db.raw("""
            SELECT enabled, basis FROM legal_bases WHERE feature = \(bind: feature) ORDER BY id DESC LIMIT 1
            """).first() else { return nil }
        return (try row.decode(column: "enabled", as: Bool.self), try row.decode(column: "basis", as: String.self))
    }

    /// Appends a decision about a feature (history is kept; the latest wins).
    public func recordLegalBasis(feature: String, enabled: Bool, basis: String, recordedBy: String, at: Timestamp,
                                 on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO legal_bases (feature, basis, recorded_by, at, enabled)
            VALUES (\(bind: feature), \(bind: basis), \(bind: recordedBy), \(bind: at.rawValue), \(bind: enabled))
            """).run()
    }

    // MARK: Relationships

    /// A person ↔ organisation relationship.
    public struct Relationship: Sendable, Hashable, Codable {
        public var id: String
        public var personID: CustomerID
        public var organisationID: CustomerID
        /// `works_at` or `contact_for`.
        public var kind: String
        public var title: String?
        public var createdAt: Timestamp
        public init(id: String, personID: CustomerID, organisationID: CustomerID, kind: String, title: String?, createdAt: Timestamp) {
            self.id = id
            self.personID = personID
            self.organisationID = organisationID
            self.kind = kind
            self.title = title
            self.createdAt = createdAt
        }
    }

    public func insertRelationship(_ relationship: Relationship, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO relationships (id, person_id, organisation_id, kind, title, created_at) VALUES (\(bind: relationship.id),
            \(bind: relationship.personID.rawValue), \(bind: relationship.organisationID.rawValue), \(bind: relationship.kind),
            \(bind: relationship.title), \(bind: relationship.createdAt.rawValue))
            """).run()
    }

    /// Relationships where the customer is the person or the organisation.
    public func relationships(of customerID: CustomerID, on db: any SQLDatabase) async throws -> [Relationship] {
        try await db.raw("""
            SELECT id, person_id, organisation_id, kind, title, created_at FROM relationships
            WHERE (person_id = \(bind: customerID.rawValue) OR organisation_id = \(bind: customerID.rawValue)) AND ended_at IS NULL
            ORDER BY created_at
            """).all().map { row in
            Relationship(
                id: try row.decode(column: "id", as: String.self),
                personID: CustomerID(try row.decode(column: "person_id", as: String.self)),
                organisationID: CustomerID(try row.decode(column: "organisation_id", as: String.self)),
                kind: try row.decode(column: "kind", as: String.self), title: try row.decode(column: "title", as: String?.self),
                createdAt: Timestamp(rawValue: try row.decode(column: "created_at", as: Int64.self))
            )
        }
    }
}
