import DangolApp
import DangolCore
import Hummingbird

/// `/api/v1/webhooks…` (admins): subscribe a URL to outbox event types (the signing secret is shown once), list,
/// unsubscribe, and read a subscription's delivery log.
struct WebhookController {
    let service: WebhookService

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.get("webhooks", use: list)
        group.post("webhooks", use: subscribe)
        group.delete("webhooks/{subscriptionId}", use: unsubscribe)
        group.get("webhooks/{subscriptionId}/deliveries", use: deliveries)
    }

    struct SubscribeInput: Decodable {
        var url: String
        var eventTypes: [String]
    }

    @Sendable func subscribe(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let input = try await request.decodeJSON(SubscribeInput.self, context: context)
        return try JSONResponse.make(try await service.subscribe(url: input.url, eventTypes: input.eventTypes, by: principal), status: .created)
    }

    @Sendable func list(_ request: Request, context: DangolRequestContext) async throws -> Response {
        try JSONResponse.make(try await service.subscriptions(for: try context.requirePrincipal()))
    }

    @Sendable func unsubscribe(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        try await service.unsubscribe(try context.pathID("subscriptionId", notFound: "The subscription"), by: principal)
        return Response(status: .noContent)
    }

    @Sendable func deliveries(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        return try JSONResponse.make(try await service.deliveries(of: try context.pathID("subscriptionId", notFound: "The subscription"), for: principal))
    }

}
