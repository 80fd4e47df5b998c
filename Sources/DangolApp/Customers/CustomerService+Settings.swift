import DangolCore
import DangolStore
import SQLKit

extension CustomerService {
    /// Links a person to an organisation (`works_at` or `contact_for`).
    public func relate(person: CustomerID, organisation: CustomerID, kind: String, title: String?,
                       by principal: Principal) async throws(DangolError) -> RelationshipView {
        try principal.requireCustomerWrite()
        guard kind == "works_at" || kind == "contact_for" else {
            throw DangolError.invalid(field: "kind", code: "relationship.kind", "kind must be works_at or contact_for.")
        }
        let now = services.clock.now()
        let relationshipID = services.ids.next()
        return try await services.transaction { db in
            guard let personRecord = try await customers.find(person, on: db), personRecord.isLive else { throw DangolError.notFound("The person") }
            guard let organisationRecord = try await customers.find(organisation, on: db), organisationRecord.isLive else {
                throw DangolError.notFound("The organisation")
            }
            guard personRecord.kind == .person, organisationRecord.kind == .organisation else {
                throw DangolError.invalid(field: "organisationID", code: "relationship.kinds",
                                          "A relationship links a person to an organisation.")
            }
            let relationship = SettingsRepository.Relationship(
                id: relationshipID, personID: person, organisationID: organisation, kind: kind,
                title: title.map { String(NameNormalizer.normalize($0).prefix(100)) }, createdAt: now)
            do {
                try await settings.insertRelationship(relationship, on: db)
            } catch let error where DatabaseError.isUniqueViolation(error) {
                throw DangolError(.conflict, "This relationship already exists.")
            }
            try await audit.append([auditEntry(principal, "relationship.add", person, now, detail: kind)], on: db)
            return RelationshipView(id: relationshipID, kind: kind, personID: person, organisationID: organisation,
                                    title: relationship.title, otherName: organisationRecord.displayName)
        }
    }

    /// Declares a custom attribute (admins).
    public func defineAttribute(_ definition: AttributeDefinition, by principal: Principal) async throws(DangolError) {
        try principal.requireAdmin()
        guard AttributeDefinition.isValidKey(definition.key) else {
            throw DangolError.invalid(field: "key", code: "attribute.key", "A key is a lowercase letter then letters, digits or _ (max 63).")
        }
        let label = NameNormalizer.normalize(definition.label)
        guard !label.isEmpty else { throw DangolError.invalid(field: "label", code: "required", "A label is required.") }
        let now = services.clock.now()
        try await services.transaction { db in
            if try await settings.attributeDefinitions(on: db).contains(where: { $0.key == definition.key }) {
                throw DangolError(.conflict, "The attribute \(definition.key) is already defined.")
            }
            try await settings.insertAttributeDefinition(AttributeDefinition(key: definition.key, label: label, type: definition.type),
                                                         at: now, on: db)
            try await audit.append([auditEntry(principal, "attribute.define", nil, now, detail: definition.key)], on: db)
        }
    }

    /// The declared custom attributes.
    public func attributeDefinitions() async throws(DangolError) -> [AttributeDefinition] {
        try await services.read { db in try await settings.attributeDefinitions(on: db) }
    }

    /// Switches RRN collection on (with the legal basis, e.g. "전자금융거래법 제6조") or off (admins). Kept as history.
    public func setRRNCollection(enabled: Bool, legalBasis: String, by principal: Principal) async throws(DangolError) {
        try principal.requireAdmin()
        let basis = NameNormalizer.normalize(legalBasis)
        if enabled && basis.count < 3 {
            throw DangolError.invalid(field: "legalBasis", code: "required", "Enabling RRN collection requires the legal basis (the law and article).")
        }
        let now = services.clock.now()
        try await services.transaction { db in
            try await settings.recordLegalBasis(feature: LegalBasisFeature.rrnCollection, enabled: enabled, basis: basis,
                                                recordedBy: principal.userID, at: now, on: db)
            try await audit.append([auditEntry(principal, enabled ? "rrn_collection.enable" : "rrn_collection.disable", nil, now)], on: db)
        }
    }
}
