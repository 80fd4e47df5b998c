import DangolApp
import DangolCore
import Hummingbird

/// `GET /api/v1/customers/{id}/360` (the 360° view in one call) and `GET /api/v1/customers/{id}/timeline` (further
/// pages, newest first, with a cursor).
struct OverviewController {
    let service: CustomerOverviewService

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.get("customers/{id}/360", use: overview)
        group.get("customers/{id}/timeline", use: timeline)
    }

    @Sendable func overview(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let reveal = request.uri.queryParameters["reveal"].map { $0 == "true" } ?? false
        return try JSONResponse.make(try await service.overview(try context.pathCustomerID(), for: principal, reveal: reveal))
    }

    @Sendable func timeline(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let query = request.uri.queryParameters
        var limit = 50
        if let text = query["limit"] {
            guard let value = Int(text) else { throw DangolError.invalid(field: "limit", code: "invalid", "limit is a whole number.") }
            limit = value
        }
        return try JSONResponse.make(try await service.timeline(try context.pathCustomerID(), cursor: query["cursor"].map(String.init),
                                                                limit: limit, for: principal))
    }

}
