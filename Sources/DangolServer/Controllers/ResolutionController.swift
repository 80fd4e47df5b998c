import DangolApp
import DangolCore
import Hummingbird

/// `POST /api/v1/customers/resolve`: an upsert that resolves the incoming record to a customer as it arrives — an
/// existing one recognised by a strong identifier or by the match model, or a new one (with likely duplicates sent to
/// the review queue). 200 when matched, 201 when created.
struct ResolutionController {
    let resolver: CustomerResolver

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.post("customers/resolve", use: resolve)
    }

    @Sendable func resolve(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let input = try await request.decodeJSON(CustomerInput.self, context: context)
        let result = try await resolver.resolve(input, by: principal)
        let created = result.outcome == .created || result.outcome == .createdForReview
        return try JSONResponse.make(result, status: created ? .created : .ok)
    }
}
