import DangolApp
import DangolCore
import DangolStore
import HTTPTypes
import Hummingbird

extension ConsoleController {
    /// `GET /customers`: the list, masked per role by `CustomerService.list`, with the API's search rules.
    @Sendable func list(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try principal(context)
        let strings = strings(request)
        let query = ConsoleForm(urlEncoded: request.uri.query ?? "")
        var filter = CustomerFilter()
        let search = query.text("q").map { String($0.prefix(100)) }
        if let search { CustomerSearch.apply(search, to: &filter) }
        let stage = query.text("stage").flatMap(LifecycleStage.init(rawValue:))
        filter.stage = stage
        let cursor = query.text("cursor")
        // Conditions on the latest analytics refresh (links from the analytics page); unknown values are ignored.
        var scoreQuery: [(String, String)] = []
        if let segment = query.text("segment"), strings.all["segment_" + segment] != nil { filter.rfmSegment = segment; scoreQuery.append(("segment", segment)) }
        if let quadrant = query.text("valueQuadrant"), strings.all["quadrant_" + quadrant] != nil {
            filter.valueQuadrant = quadrant
            scoreQuery.append(("valueQuadrant", quadrant))
        }
        if let band = query.text("churnBand"), strings.all["churn_" + band] != nil { filter.churnBand = band; scoreQuery.append(("churnBand", band)) }
        if let text = query.text("minClv"), let minimum = Int64(text), minimum >= 0 { filter.minimumCLV = Double(minimum); scoreQuery.append(("minClv", String(minimum))) }
        let page = try await customers.list(filter, after: cursor, limit: 50, for: principal)
        let model = CustomerListPage(page: page, search: search, stage: stage, cursor: cursor, owners: try await userNames(),
                                     strings: strings, scoreQuery: scoreQuery)
        return renderer.render(.customerList, title: strings["list_title"], page: model, request: request, context: context)
    }

    /// `GET /customers/new`: the blank create form.
    @Sendable func newCustomer(_ request: Request, context: DangolRequestContext) async throws -> Response {
        try requireWrite(context)
        return try await renderCreateForm(CustomerFormState(ownerID: context.user?.id), errors: FieldErrorMap(), conflict: nil,
                                          request: request, context: context, status: .ok)
    }

    /// `POST /customers`: creates the customer and goes to its page; on errors shows the form again with the values
    /// kept and each error next to its input.
    @Sendable func create(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let form = try await ConsoleForm.read(request, context: context)
        try form.requireCSRF(context.csrfToken)
        try requireWrite(context)
        let principal = try principal(context)
        let state = CustomerFormState(form: form)
        let (input, identifierFields) = state.input()
        do {
            let view = try await customers.create(input, by: principal)
            return ConsoleRenderer.redirect("/customers/\(view.id.rawValue)?flash=created")
        } catch {
            guard error.code == .invalidInput || error.code == .identifierConflict else { throw error }
            let strings = strings(request)
            var errors = FieldErrorMap(error.fieldErrors.filter { $0.code != "identifier.conflict" }, strings: strings) {
                CustomerFormState.route($0, identifierFields: identifierFields)
            }
            var conflict: (field: String, customerID: String)?
            if let holder = error.conflictingCustomerID {
                if let field = try await conflictingField(input.identifiers ?? [], fields: identifierFields, holder: holder, principal: principal) {
                    conflict = (field, holder.rawValue)
                } else {
                    errors.add(strings["form_conflictBefore"] + holder.rawValue + strings["form_conflictAfter"], to: nil)
                }
            }
            return try await renderCreateForm(state, errors: errors, conflict: conflict, request: request, context: context,
                                              status: error.code == .identifierConflict ? .conflict : .unprocessableContent)
        }
    }

    /// Which input holds the identifier that `holder` already has. The service names only the holder; with one
    /// strong identifier it is that one, otherwise each is looked up.
    private func conflictingField(_ identifiers: [IdentifierInput], fields: [String], holder: CustomerID,
                                  principal: Principal) async throws -> String? {
        let strong = zip(identifiers, fields).filter { IdentifierType(apiName: $0.0.type)?.isStrong ?? false }
        if strong.count == 1 { return strong[0].1 }
        for (identifier, field) in strong {
            let matches = (try? await customers.lookupAll(type: identifier.type, value: identifier.value, for: principal)) ?? []
            if matches.contains(where: { $0.id == holder }) { return field }
        }
        return nil
    }

    /// Renders the create form with its values and errors.
    private func renderCreateForm(_ state: CustomerFormState, errors: FieldErrorMap, conflict: (field: String, customerID: String)?,
                                  request: Request, context: DangolRequestContext, status: HTTPResponse.Status) async throws -> Response {
        let strings = strings(request)
        let model = CustomerFormPage(state: state, errors: errors, conflict: conflict, users: try await users.list(), strings: strings)
        return renderer.render(.customerForm, title: strings["form_newTitle"], page: model, request: request, context: context,
                               status: status)
    }
}
