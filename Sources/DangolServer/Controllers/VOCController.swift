import DangolApp
import DangolCore
import Hummingbird

/// `/api/v1/…voc…` and `…/interactions`: record a contact, open a case for a customer, the board by status, move a case through its flow, and escalate
/// overdue cases (normally run by `dangol voc escalate` on a schedule).
struct VOCController {
    let service: VOCService
    let interactions: InteractionService

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.post("customers/{id}/voc", use: open)
        group.post("customers/{id}/interactions", use: recordInteraction)
        group.get("voc", use: board)
        group.post("voc/{caseId}/transitions", use: transition)
        group.post("voc/escalations", use: escalate)
    }

    @Sendable func open(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let customer = try context.pathCustomerID()
        let opening = try await request.decodeJSON(VOCService.Opening.self, context: context)
        return try JSONResponse.make(try await service.open(for: customer, opening, by: principal), status: .created)
    }

    @Sendable func recordInteraction(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let customer = try context.pathCustomerID()
        let input = try await request.decodeJSON(InteractionService.Input.self, context: context)
        return try JSONResponse.make(try await interactions.record(for: customer, input, by: principal), status: .created)
    }

    @Sendable func board(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        var status: VOCCase.Status?
        if let text = request.uri.queryParameters["status"].map(String.init) {
            guard let parsed = VOCCase.Status(rawValue: text) else {
                throw DangolError.invalid(field: "status", code: "invalid", "status is one of \(VOCCase.Status.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            status = parsed
        }
        return try JSONResponse.make(try await service.board(status: status, for: principal))
    }

    @Sendable func transition(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try context.pathID("caseId", notFound: "The case")
        let input = try await request.decodeJSON(VOCService.Transition.self, context: context)
        return try JSONResponse.make(try await service.transition(id, input, by: principal))
    }

    @Sendable func escalate(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        return try JSONResponse.make(try await service.escalateOverdue(by: principal))
    }
}
