import DangolApp
import DangolCore
import HTTPTypes
import Hummingbird

extension ConsoleController {
    /// `GET /customers/{id}/edit`: the edit form for a live customer.
    @Sendable func edit(_ request: Request, context: DangolRequestContext) async throws -> Response {
        try requireWrite(context)
        let customer = try await liveCustomer(try customerID(context), context: context)
        return try await renderEdit(customer, values: CustomerEditPage.values(of: customer), errors: FieldErrorMap(), request: request,
                                    context: context, status: .ok)
    }

    /// `POST /customers/{id}`: saves name, tags and owner; on errors shows the form again with the values kept.
    @Sendable func update(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let id = try customerID(context)
        let form = try await ConsoleForm.read(request, context: context)
        try form.requireCSRF(context.csrfToken)
        try requireWrite(context)
        let principal = try principal(context)
        let current = try await liveCustomer(id, context: context)
        let values = CustomerEditPage.Values(displayName: form["displayName"] ?? "", tags: form["tags"] ?? "", owner: form.text("owner") ?? "")
        do {
            _ = try await customers.update(id, with: CustomerEditPage.input(from: values, current: current), by: principal)
            return ConsoleRenderer.redirect("/customers/\(id.rawValue)?flash=saved")
        } catch {
            guard error.code == .invalidInput else { throw error }
            let errors = errorMap(error, strings: strings(request), route: CustomerEditPage.route)
            return try await renderEdit(current, values: values, errors: errors, request: request, context: context,
                                        status: .unprocessableContent)
        }
    }

    /// The customer, or the 404 page when it does not exist or is deleted.
    private func liveCustomer(_ id: CustomerID, context: DangolRequestContext) async throws -> CustomerView {
        let customer = try await customers.view(id, for: try principal(context))
        guard customer.deletedAt == nil else { throw ConsolePageError.customerNotFound }
        return customer
    }

    /// Renders the edit form with its values and errors.
    private func renderEdit(_ customer: CustomerView, values: CustomerEditPage.Values, errors: FieldErrorMap, request: Request,
                            context: DangolRequestContext, status: HTTPResponse.Status) async throws -> Response {
        let strings = strings(request)
        let model = CustomerEditPage(customer: customer, values: values, errors: errors, users: try await users.list(), strings: strings)
        return renderer.render(.customerEdit, title: strings["form_editTitle"], page: model, request: request, context: context,
                               status: status)
    }
}
