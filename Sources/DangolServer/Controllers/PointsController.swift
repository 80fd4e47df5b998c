import DangolApp
import DangolCore
import Hummingbird

/// `GET / POST /api/v1/customers/{id}/points`: a customer's point balance and ledger; earn, redeem or adjust (with a
/// reason). A redemption larger than the balance is a 409, and an `idempotencyKey` makes a retried request safe.
struct PointsController {
    let service: PointsService
    let liability: PointsLiabilityService

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.get("customers/{id}/points", use: show)
        group.post("customers/{id}/points", use: change)
        group.get("analytics/points-liability", use: liabilityReport)
    }

    @Sendable func show(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        return try JSONResponse.make(try await service.balance(of: try context.pathCustomerID(), for: principal))
    }

    @Sendable func liabilityReport(_ request: Request, context: DangolRequestContext) async throws -> Response {
        try JSONResponse.make(try await liability.report(for: try context.requirePrincipal()))
    }

    @Sendable func change(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let input = try await request.decodeJSON(PointsService.Change.self, context: context)
        return try JSONResponse.make(try await service.change(try context.pathCustomerID(), input, by: principal), status: .created)
    }

}
