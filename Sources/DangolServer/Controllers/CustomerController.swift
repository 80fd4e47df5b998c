import DangolApp
import DangolCore
import DangolStore
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/v1/customers…`: the customer master over JSON. Every handler authenticates (middleware), decodes and
/// calls one `CustomerService` use case; errors become problem+json in `ProblemMiddleware`.
struct CustomerController {
    let customers: CustomerService

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.get("customers", use: list)
        group.post("customers", use: create)
        group.get("customers/lookup", use: lookup)
        group.get("customers/{id}", use: detail)
        group.patch("customers/{id}", use: update)
        group.delete("customers/{id}", use: delete)
        group.get("customers/{id}/identifiers", use: listIdentifiers)
        group.post("customers/{id}/identifiers", use: addIdentifiers)
        group.delete("customers/{id}/identifiers/{identifierId}", use: removeIdentifier)
        group.get("customers/{id}/consents", use: listConsents)
        group.post("customers/{id}/consents", use: recordConsents)
        group.get("customers/{id}/lifecycle", use: lifecycle)
        group.post("customers/{id}/transitions", use: transition)
        group.post("customers/{id}/relationships", use: relate)
        group.get("customers/{id}/audit", use: auditTrail)
        group.get("attributes", use: listAttributes)
        group.post("attributes", use: defineAttribute)
        group.put("settings/rrn-collection", use: setRRNCollection)
    }

    // MARK: Handlers

    @Sendable func list(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let query = request.uri.queryParameters
        var filter = CustomerFilter()
        var errors: [FieldError] = []
        if let stage = query["stage"].map(String.init) {
            if let value = LifecycleStage(rawValue: stage) { filter.stage = value } else {
                errors.append(FieldError(field: "stage", code: "invalid", message: "stage must be prospect, lead, active or churned."))
            }
        }
        if let kind = query["kind"].map(String.init) {
            if let value = CustomerKind(rawValue: kind) { filter.kind = value } else {
                errors.append(FieldError(field: "kind", code: "invalid", message: "kind must be person or organisation."))
            }
        }
        filter.ownerID = query["owner"].map(String.init)
        filter.tag = query["tag"].map(String.init)
        if let attribute = query["attribute"].map(String.init) {
            let parts = attribute.split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 2 { filter.attribute = (parts[0], parts[1]) } else {
                errors.append(FieldError(field: "attribute", code: "invalid", message: "attribute must be key:value."))
            }
        }
        if let name = query["name"].map(String.init) { filter.nameFragment = name }
        if let tail = query["phoneTail"].map(String.init) {
            if tail.count == 4, tail.allSatisfy(\.isASCII), tail.allSatisfy(\.isNumber) { filter.phoneTail = tail } else {
                errors.append(FieldError(field: "phoneTail", code: "invalid", message: "phoneTail is the last 4 digits."))
            }
        }
        if let email = query["email"].map(String.init) { filter.emailPrefix = email }
        Self.applyScoreFilters({ query[Substring($0)].map(String.init) }, to: &filter, errors: &errors)
        if let text = query["q"].map(String.init)?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            CustomerSearch.apply(text, to: &filter)
        }
        var limit = 50
        if let limitText = query["limit"].map(String.init) {
            if let value = Int(limitText), (1...200).contains(value) { limit = value } else {
                errors.append(FieldError(field: "limit", code: "invalid", message: "limit must be between 1 and 200."))
            }
        }
        guard errors.isEmpty else { throw DangolError.invalid(errors) }
        let page = try await customers.list(filter, after: query["cursor"].map(String.init), limit: limit, for: principal,
                                            reveal: query["reveal"] == "true")
        return try JSONResponse.make(page)
    }

    @Sendable func create(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let input = try await request.decodeJSON(CustomerInput.self, context: context)
        let view = try await customers.create(input, by: principal)
        var headers = HTTPFields()
        headers[.location] = "/api/v1/customers/\(view.id.rawValue)"
        return try JSONResponse.make(view, status: .created, headers: headers)
    }

    @Sendable func lookup(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let query = request.uri.queryParameters
        guard let type = query["type"].map(String.init), let value = query["value"].map(String.init) else {
            throw DangolError.invalid([FieldError(field: query["type"] == nil ? "type" : "value", code: "required",
                                                  message: "lookup needs type and value, e.g. ?type=phone&value=010-1234-5678.")])
        }
        return try JSONResponse.make(try await customers.lookup(type: type, value: value, for: principal))
    }

    @Sendable func detail(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let detail = try await customers.detail(try customerID(context), for: principal, reveal: request.uri.queryParameters["reveal"] == "true")
        return try JSONResponse.make(detail)
    }

    @Sendable func update(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let input = try await request.decodeJSON(CustomerInput.self, context: context)
        return try JSONResponse.make(try await customers.update(try customerID(context), with: input, by: principal))
    }

    struct DeleteInput: Decodable { var reason: String }

    @Sendable func delete(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let reason: String
        if let fromQuery = request.uri.queryParameters["reason"] {
            reason = String(fromQuery)
        } else {
            reason = try await request.decodeJSON(DeleteInput.self, context: context).reason
        }
        try await customers.delete(try customerID(context), reason: reason, by: principal)
        return Response(status: .noContent)
    }

    @Sendable func listIdentifiers(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        return try JSONResponse.make(try await customers.identifiers(of: try customerID(context), for: principal))
    }

    struct IdentifiersInput: Decodable { var identifiers: [IdentifierInput] }

    @Sendable func addIdentifiers(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let input = try await request.decodeJSON(IdentifiersInput.self, context: context)
        let view = try await customers.addIdentifiers(try customerID(context), input.identifiers, by: principal)
        return try JSONResponse.make(view.identifiers, status: .created)
    }

    @Sendable func removeIdentifier(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let identifierID = try context.parameters.require("identifierId")
        try await customers.removeIdentifier(try customerID(context), identifierID: identifierID, by: principal)
        return Response(status: .noContent)
    }

    struct ConsentsResponse: Encodable {
        var state: ConsentState
        var history: [ConsentEvent]
    }

    @Sendable func listConsents(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let (state, history) = try await customers.consents(of: try customerID(context), for: principal)
        return try JSONResponse.make(ConsentsResponse(state: state, history: history))
    }

    struct ConsentsInput: Decodable { var events: [ConsentInput] }

    @Sendable func recordConsents(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let input = try await request.decodeJSON(ConsentsInput.self, context: context)
        return try JSONResponse.make(try await customers.recordConsents(try customerID(context), input.events, by: principal), status: .created)
    }

    @Sendable func lifecycle(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        return try JSONResponse.make(try await customers.detail(try customerID(context), for: principal).lifecycleHistory)
    }

    @Sendable func transition(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let input = try await request.decodeJSON(TransitionInput.self, context: context)
        return try JSONResponse.make(try await customers.transition(try customerID(context), input, by: principal), status: .created)
    }

    struct RelationshipInput: Decodable {
        var organisationId: String
        var kind: String
        var title: String?
    }

    @Sendable func relate(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let input = try await request.decodeJSON(RelationshipInput.self, context: context)
        guard CustomerID.isWellFormed(input.organisationId) else {
            throw DangolError.invalid(field: "organisationId", code: "invalid", "organisationId is not a customer id.")
        }
        let view = try await customers.relate(person: try customerID(context), organisation: CustomerID(input.organisationId),
                                              kind: input.kind, title: input.title, by: principal)
        return try JSONResponse.make(view, status: .created)
    }

    @Sendable func auditTrail(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        return try JSONResponse.make(try await customers.auditTrail(try customerID(context), for: principal))
    }

    @Sendable func listAttributes(_ request: Request, context: DangolRequestContext) async throws -> Response {
        _ = try context.requirePrincipal()
        return try JSONResponse.make(try await customers.attributeDefinitions())
    }

    @Sendable func defineAttribute(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let definition = try await request.decodeJSON(AttributeDefinition.self, context: context)
        try await customers.defineAttribute(definition, by: principal)
        return try JSONResponse.make(definition, status: .created)
    }

    struct RRNSettingInput: Decodable {
        var enabled: Bool
        var legalBasis: String
    }

    @Sendable func setRRNCollection(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let input = try await request.decodeJSON(RRNSettingInput.self, context: context)
        try await customers.setRRNCollection(enabled: input.enabled, legalBasis: input.legalBasis, by: principal)
        return Response(status: .noContent)
    }

    private func customerID(_ context: DangolRequestContext) throws -> CustomerID {
        let text = try context.parameters.require("id")
        guard CustomerID.isWellFormed(text) else { throw DangolError.notFound("The customer") }
        return CustomerID(text)
    }
}
