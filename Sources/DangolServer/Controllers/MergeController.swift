import DangolApp
import DangolCore
import Hummingbird

/// `/api/v1/customers/{id}/merges` and `/api/v1/merges/{mergeId}…`: merging two records of one customer into a
/// golden record, listing a customer's merges, and undoing a merge. Admins and managers (data stewards) only.
struct MergeController {
    let merger: CustomerMerger

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.get("customers/{id}/merges", use: list)
        group.post("customers/{id}/merges", use: merge)
        group.get("merges/{mergeId}", use: show)
        group.post("merges/{mergeId}/unmerge", use: unmerge)
    }

    struct MergeInput: Decodable {
        /// The customer merged into the one in the path.
        var absorbedId: String
        var probability: Double?
    }

    @Sendable func merge(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let input = try await request.decodeJSON(MergeInput.self, context: context)
        guard CustomerID.isWellFormed(input.absorbedId) else {
            throw DangolError.invalid(field: "absorbedId", code: "invalid", "absorbedId is not a customer id.")
        }
        let view = try await merger.merge(survivor: try context.pathCustomerID(), absorbed: CustomerID(input.absorbedId),
                                          rule: .steward, probability: input.probability, by: principal)
        return try JSONResponse.make(view, status: .created)
    }

    @Sendable func list(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        return try JSONResponse.make(try await merger.merges(of: try context.pathCustomerID(), by: principal))
    }

    @Sendable func show(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        return try JSONResponse.make(try await merger.merge(try context.pathID("mergeId", notFound: "The merge"), by: principal))
    }

    @Sendable func unmerge(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        return try JSONResponse.make(try await merger.unmerge(try context.pathID("mergeId", notFound: "The merge"), by: principal))
    }


}
