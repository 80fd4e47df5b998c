import DangolApp
import DangolCore
import DangolStore
import Hummingbird

/// `/api/v1/match-reviews…`: the review queue of likely duplicates — list, one pair side by side with the evidence
/// per field, confirm (merge) or reject (never proposed again). Admins and managers only.
struct MatchReviewController {
    let reviews: MatchReviewService

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.get("match-reviews", use: list)
        group.get("match-reviews/{reviewId}", use: show)
        group.post("match-reviews/{reviewId}/confirm", use: confirm)
        group.post("match-reviews/{reviewId}/reject", use: reject)
    }

    @Sendable func list(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let query = request.uri.queryParameters
        var status = MatchReviewRecord.Status.pending
        if let text = query["status"].map(String.init) {
            guard let parsed = MatchReviewRecord.Status(rawValue: text) else {
                throw DangolError.invalid(field: "status", code: "invalid", "status must be pending, confirmed or rejected.")
            }
            status = parsed
        }
        let limit = try Self.integer(query["limit"].map(String.init), field: "limit") ?? 50
        let offset = try Self.integer(query["offset"].map(String.init), field: "offset") ?? 0
        return try JSONResponse.make(try await reviews.list(status: status, limit: limit, offset: offset, for: principal))
    }

    @Sendable func show(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let reveal = request.uri.queryParameters["reveal"].map { $0 == "true" } ?? false
        return try JSONResponse.make(try await reviews.review(try context.pathID("reviewId", notFound: "The review"), for: principal, reveal: reveal))
    }

    struct ConfirmInput: Decodable {
        /// Which of the two customers survives; by default the older record.
        var survivorId: String?
    }

    @Sendable func confirm(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        var survivor: CustomerID?
        if request.headers[.contentLength].map({ $0 != "0" }) ?? false {
            let input = try await request.decodeJSON(ConfirmInput.self, context: context)
            if let text = input.survivorId {
                guard CustomerID.isWellFormed(text) else {
                    throw DangolError.invalid(field: "survivorId", code: "invalid", "survivorId is not a customer id.")
                }
                survivor = CustomerID(text)
            }
        }
        return try JSONResponse.make(try await reviews.confirm(try context.pathID("reviewId", notFound: "The review"), survivor: survivor, by: principal))
    }

    @Sendable func reject(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        return try JSONResponse.make(try await reviews.reject(try context.pathID("reviewId", notFound: "The review"), by: principal))
    }


    private static func integer(_ text: String?, field: String) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text) else { throw DangolError.invalid(field: field, code: "invalid", "\(field) must be a whole number.") }
        return value
    }
}
