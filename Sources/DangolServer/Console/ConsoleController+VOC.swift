import DangolApp
import DangolCore
import DangolStore
import HTTPTypes
import Hummingbird

extension ConsoleController {
    /// `GET /voc`: the VOC board, a column per status, oldest deadline first in each.
    @Sendable func vocBoard(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try principal(context)
        let strings = strings(request)
        let service = VOCService(services: services)
        var cases: [VOCCase.Status: [VOCCaseRecord]] = [:]
        for status in VOCBoardPage.statuses {
            cases[status] = try await service.board(status: status, for: principal)
        }
        let page = VOCBoardPage(cases: cases, now: services.clock.now(), userNames: try await userNames(), strings: strings)
        return renderer.render(.vocBoard, title: strings["voc_boardTitle"], page: page, request: request, context: context)
    }

    /// `GET /voc/{id}`: one case with its history and the status form.
    @Sendable func vocCase(_ request: Request, context: DangolRequestContext) async throws -> Response {
        try await renderCase(try caseID(context), form: VOCTransitionForm(), request: request, context: context, status: .ok)
    }

    /// `POST /voc/{id}/transition`: moves the case on (assign, start, resolve with a resolution, close, reopen).
    @Sendable func vocTransition(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let id = try caseID(context)
        let form = try await ConsoleForm.read(request, context: context)
        try form.requireCSRF(context.csrfToken)
        try requireWrite(context)
        let principal = try principal(context)
        var state = VOCTransitionForm(to: form.text("to"), note: form["note"] ?? "", resolution: form["resolution"] ?? "",
                                      ownerID: form.text("ownerId"))
        let strings = strings(request)
        guard let to = state.to.flatMap(VOCCase.Status.init(rawValue:)) else {
            state.errors.add(strings["fieldError_required"], to: "to")
            return try await renderCase(id, form: state, request: request, context: context, status: .unprocessableContent)
        }
        do {
            _ = try await VOCService(services: services).transition(id, .init(to: to, note: form.text("note"), resolution: form.text("resolution"),
                                                                              ownerId: state.ownerID), by: principal)
            return ConsoleRenderer.redirect("/voc/\(id)?flash=vocChanged")
        } catch {
            guard error.code == .invalidInput || error.code == .conflict else { throw error }
            state.errors = errorMap(error, strings: strings) { ["to", "note", "resolution", "ownerId"].contains($0) ? $0 : nil }
            return try await renderCase(id, form: state, request: request, context: context, status: status(of: error))
        }
    }

    private func renderCase(_ id: String, form: VOCTransitionForm, request: Request, context: DangolRequestContext,
                            status: HTTPResponse.Status) async throws -> Response {
        let principal = try principal(context)
        let strings = strings(request)
        let detail = try await VOCService(services: services).detail(id, for: principal)
        let page = VOCCasePage(detail: detail, now: services.clock.now(), userNames: try await userNames(),
                               canAct: principal.role.canWriteCustomers, form: form, strings: strings)
        return renderer.render(.vocCase, title: detail.record.subject, page: page, request: request, context: context, status: status)
    }

    private func caseID(_ context: DangolRequestContext) throws -> String {
        guard let text = context.parameters.get("id"), CustomerID.isWellFormed(text) else { throw ConsolePageError.caseNotFound }
        return text
    }
}
