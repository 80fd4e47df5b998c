import DangolApp
import DangolCore
import Hummingbird

/// Customer analytics over HTTP:
/// - `GET /api/v1/customers/{id}/scores`: one customer's RFM, CLV, P(alive), value quadrant and churn risk from the
///   latest refresh;
/// - `GET /api/v1/customers/{id}/next-best-products?limit=N`: the products to offer them, with the reason;
/// - `GET /api/v1/analytics/summary`: the latest refresh's business-level results (admins, managers, analysts);
/// - `GET /api/v1/analytics/equity?limit=N`: customer equity per refresh with its change split into acquisition,
///   value growth and retention loss (admins, managers, analysts);
/// - `POST /api/v1/analytics/lookalikes`: leads and prospects most like a seed group (admins, managers, analysts).
struct AnalyticsController {
    let service: AnalyticsQueryService
    let lookalikes: LookalikeService

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.get("customers/{id}/scores", use: scores)
        group.get("customers/{id}/next-best-products", use: nextBestProducts)
        group.get("analytics/summary", use: summary)
        group.get("analytics/equity", use: equity)
        group.post("analytics/lookalikes", use: lookalike)
    }

    @Sendable func scores(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard let scores = try await service.scores(of: try context.pathCustomerID(), for: principal) else {
            throw DangolError.notFound("Scores for this customer (no analytics refresh has scored them yet)")
        }
        return try JSONResponse.make(scores)
    }

    @Sendable func nextBestProducts(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let limit = try Self.limit(request, default: 5)
        return try JSONResponse.make(try await service.nextBestProducts(of: try context.pathCustomerID(), limit: limit, for: principal))
    }

    @Sendable func summary(_ request: Request, context: DangolRequestContext) async throws -> Response {
        try JSONResponse.make(try await service.summary(for: try context.requirePrincipal()))
    }

    @Sendable func equity(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        return try JSONResponse.make(try await service.equityHistory(limit: try Self.limit(request, default: 30), for: principal))
    }

    @Sendable func lookalike(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let body = try await request.decodeJSON(LookalikeRequest.self, context: context)
        return try JSONResponse.make(try await lookalikes.search(body, for: principal))
    }

    /// The `limit` query parameter, whole (the service checks its range).
    static func limit(_ request: Request, default fallback: Int) throws -> Int {
        guard let text = request.uri.queryParameters["limit"] else { return fallback }
        guard let value = Int(text) else { throw DangolError.invalid(field: "limit", code: "invalid", "limit is a whole number.") }
        return value
    }
}
