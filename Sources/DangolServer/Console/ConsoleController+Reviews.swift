import DangolApp
import DangolCore
import Hummingbird

extension ConsoleController {
    /// `GET /reviews`: the duplicate review queue (admins and managers).
    @Sendable func reviewList(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try principal(context)
        let strings = strings(request)
        let reviews = try await MatchReviewService(services: services).list(for: principal)
        return renderer.render(.reviewList, title: strings["reviews_title"], page: ReviewListPage(reviews: reviews, strings: strings),
                               request: request, context: context)
    }

    /// `GET /reviews/{id}`: two records side by side with the evidence per field.
    @Sendable func reviewPage(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try principal(context)
        let strings = strings(request)
        let review = try await MatchReviewService(services: services).review(try reviewID(context), for: principal)
        return renderer.render(.reviewPage, title: strings["review_title"], page: ReviewPageModel(review: review, strings: strings),
                               request: request, context: context)
    }

    /// `POST /reviews/{id}/confirm`: merges the pair into the chosen record.
    @Sendable func confirmReview(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let form = try await ConsoleForm.read(request, context: context)
        try form.requireCSRF(context.csrfToken)
        let principal = try principal(context)
        let survivor = form.text("survivor").flatMap { CustomerID.isWellFormed($0) ? CustomerID($0) : nil }
        let review = try await MatchReviewService(services: services).confirm(try reviewID(context), survivor: survivor, by: principal)
        let kept = survivor ?? review.left.id
        return ConsoleRenderer.redirect("/customers/\(kept.rawValue)?flash=reviewMerged")
    }

    /// `POST /reviews/{id}/reject`: keeps the two apart for good.
    @Sendable func rejectReview(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let form = try await ConsoleForm.read(request, context: context)
        try form.requireCSRF(context.csrfToken)
        _ = try await MatchReviewService(services: services).reject(try reviewID(context), by: try principal(context))
        return ConsoleRenderer.redirect("/reviews?flash=reviewRejected")
    }

    /// `POST /merges/{id}/unmerge`: undoes a merge and returns to the survivor's page.
    @Sendable func unmerge(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let form = try await ConsoleForm.read(request, context: context)
        try form.requireCSRF(context.csrfToken)
        let merge = try await CustomerMerger(services: services).unmerge(try reviewID(context), by: try principal(context))
        return ConsoleRenderer.redirect("/customers/\(merge.survivorID.rawValue)?flash=unmerged")
    }

    private func reviewID(_ context: DangolRequestContext) throws -> String {
        guard let text = context.parameters.get("id"), CustomerID.isWellFormed(text) else { throw ConsolePageError.customerNotFound }
        return text
    }
}
