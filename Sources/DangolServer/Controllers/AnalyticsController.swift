import DangolApp
import DangolCore
import Hummingbird

/// `GET /api/v1/customers/{id}/scores` (one customer's RFM, CLV, P(alive), value quadrant and churn risk from the
/// latest refresh) and `GET /api/v1/analytics/summary` (the latest refresh's business-level results: parameters,
/// Pareto type, Lorenz curve, Gini, equity, value-matrix and RFM counts — admins, managers and analysts).
struct AnalyticsController {
    let service: AnalyticsQueryService

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.get("customers/{id}/scores", use: scores)
        group.get("analytics/summary", use: summary)
    }

    @Sendable func scores(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        guard let scores = try await service.scores(of: try context.pathCustomerID(), for: principal) else {
            throw DangolError.notFound("Scores for this customer (no analytics refresh has scored them yet)")
        }
        return try JSONResponse.make(scores)
    }

    @Sendable func summary(_ request: Request, context: DangolRequestContext) async throws -> Response {
        try JSONResponse.make(try await service.summary(for: try context.requirePrincipal()))
    }
}
