import DangolCore

/// Checks the profile fields of a `CustomerInput` and turns them into clean values, collecting every field error.
struct CustomerValidator: Sendable {
    static let maxNameLength = 200
    static let maxTags = 50

    struct Profile {
        var kind: CustomerKind
        var displayName: String
        var stage: LifecycleStage
        var ownerID: String?
        var tags: [String]
        var attributes: [String: AttributeValue]
    }

    /// Validates a whole new customer.
    func validateNew(_ input: CustomerInput, definitions: [String: AttributeDefinition], userIDs: Set<String>?,
                     errors: inout [FieldError]) -> Profile? {
        if input.kind == nil {
            errors.append(FieldError(field: "kind", code: "required", message: "kind is required: person or organisation."))
        }
        let name = validateName(input.displayName, required: true, errors: &errors)
        let tags = validateTags(input.tags ?? [], errors: &errors)
        let attributes = validateAttributes(input.attributes ?? [:], definitions: definitions, errors: &errors)
        validateOwner(input.ownerID, userIDs: userIDs, errors: &errors)
        guard let kind = input.kind, let name else { return nil }
        return Profile(kind: kind, displayName: name, stage: input.lifecycleStage ?? .prospect, ownerID: input.ownerID,
                       tags: tags, attributes: attributes)
    }

    func validateName(_ raw: String?, required: Bool, errors: inout [FieldError]) -> String? {
        guard let raw else {
            if required { errors.append(FieldError(field: "displayName", code: "required", message: "displayName is required.")) }
            return nil
        }
        let name = NameNormalizer.normalize(raw)
        if name.isEmpty {
            errors.append(FieldError(field: "displayName", code: "required", message: "displayName must not be empty."))
            return nil
        }
        if name.count > Self.maxNameLength {
            errors.append(FieldError(field: "displayName", code: "too_long", message: "displayName is longer than \(Self.maxNameLength) characters."))
            return nil
        }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            errors.append(FieldError(field: "displayName", code: "invalid_characters", message: "displayName contains control characters."))
            return nil
        }
        return name
    }

    func validateTags(_ tags: [String], errors: inout [FieldError]) -> [String] {
        var clean: [String] = []
        for (index, tag) in tags.enumerated() {
            let text = NameNormalizer.normalize(tag)
            if text.isEmpty || text.count > 50 {
                errors.append(FieldError(field: "tags/\(index)", code: "invalid_tag", message: "A tag must have 1 to 50 characters."))
            } else if !clean.contains(text) {
                clean.append(text)
            }
        }
        if clean.count > Self.maxTags {
            errors.append(FieldError(field: "tags", code: "too_many", message: "At most \(Self.maxTags) tags."))
        }
        return clean.sorted()
    }

    func validateAttributes(_ attributes: [String: AttributeValue], definitions: [String: AttributeDefinition],
                            errors: inout [FieldError]) -> [String: AttributeValue] {
        var clean: [String: AttributeValue] = [:]
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            guard let definition = definitions[key] else {
                errors.append(FieldError(field: "attributes/\(key)", code: "attribute.undefined",
                                         message: "No custom attribute '\(key.prefix(63))' is defined."))
                continue
            }
            // JSON gives strings, numbers and booleans; convert to the declared type.
            let text: String
            switch value {
            case .text(let string): text = string
            default: text = value.storageText
            }
            guard let typed = AttributeValue(parsing: text, as: definition.type) else {
                errors.append(FieldError(field: "attributes/\(key)", code: "attribute.type",
                                         message: "'\(key)' must be a \(definition.type.rawValue)\(definition.type == .date ? " (YYYY-MM-DD)" : "")."))
                continue
            }
            clean[key] = typed
        }
        return clean
    }

    func validateOwner(_ ownerID: String?, userIDs: Set<String>?, errors: inout [FieldError]) {
        guard let ownerID, let userIDs else { return }
        if !userIDs.contains(ownerID) {
            errors.append(FieldError(field: "ownerID", code: "owner.unknown", message: "ownerID is not a user."))
        }
    }

    /// Validates a consent input into an event (without sequence), or records errors.
    func validateConsent(_ input: ConsentInput, field: String, now: Timestamp, recordedBy: String?, defaultChannel: String,
                         errors: inout [FieldError]) -> ConsentEvent? {
        guard let purpose = ConsentPurpose(rawValue: input.purpose) else {
            errors.append(FieldError(field: field + "/purpose", code: "consent.unknown_purpose",
                                     message: "Unknown purpose; use one of \(ConsentPurpose.allCases.map(\.rawValue).joined(separator: ", "))."))
            return nil
        }
        let recipient = input.recipient.map(NameNormalizer.normalize).flatMap { $0.isEmpty ? nil : $0 }
        if purpose.requiresRecipient && recipient == nil {
            errors.append(FieldError(field: field + "/recipient", code: "required",
                                     message: "Third-party provision must name the recipient."))
            return nil
        }
        let at = input.at ?? now
        if at > Timestamp(rawValue: now.rawValue + 5 * 60 * 1000) {
            errors.append(FieldError(field: field + "/at", code: "consent.future", message: "A consent cannot be dated in the future."))
            return nil
        }
        return ConsentEvent(purpose: purpose, recipient: purpose.requiresRecipient ? recipient : nil, granted: input.granted,
                            channel: input.channel.map { String($0.prefix(40)) } ?? defaultChannel,
                            source: input.source.map { String($0.prefix(100)) } ?? "api",
                            textVersion: input.textVersion.map { String($0.prefix(100)) },
                            evidence: input.evidence.map { String($0.prefix(500)) }, recordedBy: recordedBy, at: at)
    }
}
