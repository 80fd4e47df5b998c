import DangolApp
import DangolCore
import DangolStore
import HTTPTypes
import Hummingbird

extension ConsoleController {
    /// `GET /customers/{id}`: the customer page.
    @Sendable func show(_ request: Request, context: DangolRequestContext) async throws -> Response {
        try await renderCustomerPage(try customerID(context), forms: CustomerPageForms(), request: request, context: context, status: .ok)
    }

    /// `POST /customers/{id}/transition`: moves the customer to another stage with a reason.
    @Sendable func transition(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let (id, form, principal) = try await actionPreamble(request, context: context)
        var forms = CustomerPageForms()
        forms.transitionTo = form.text("to")
        forms.transitionReason = form["reason"] ?? ""
        let strings = strings(request)
        guard let stage = forms.transitionTo.flatMap(LifecycleStage.init(rawValue:)) else {
            forms.transitionErrors.add(strings["fieldError_required"], to: "to")
            return try await renderCustomerPage(id, forms: forms, request: request, context: context, status: .unprocessableContent)
        }
        do {
            let reason = form.text("reason")
            _ = try await customers.transition(id, TransitionInput(to: stage, reason: reason), by: principal)
            return ConsoleRenderer.redirect("/customers/\(id.rawValue)?flash=transition")
        } catch {
            guard error.code == .invalidInput || error.code == .conflict else { throw error }
            forms.transitionErrors = errorMap(error, strings: strings) { ["to": "to", "reason": "reason"][FieldErrorMap.head($0)] }
            return try await renderCustomerPage(id, forms: forms, request: request, context: context, status: status(of: error))
        }
    }

    /// `POST /customers/{id}/consents`: one click grants or withdraws one purpose (`action=grant:marketing_sms`,
    /// `withdraw:marketing_sms`, `withdraw:third_party_provision:<recipient>`).
    @Sendable func recordConsent(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let (id, form, principal) = try await actionPreamble(request, context: context)
        var forms = CustomerPageForms()
        forms.consentChannel = form.text("channel") ?? "store"
        forms.consentTextVersion = form["textVersion"] ?? ""
        forms.consentRecipient = form["recipient"] ?? ""
        let strings = strings(request)
        let parts = (form.text("action") ?? "").split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count >= 2, parts[0] == "grant" || parts[0] == "withdraw" else {
            forms.consentErrors.add(strings["fieldError_invalid"], to: nil)
            return try await renderCustomerPage(id, forms: forms, request: request, context: context, status: .unprocessableContent)
        }
        let recipient = parts.count > 2 ? parts[2] : form.text("recipient")
        let input = ConsentInput(purpose: parts[1], granted: parts[0] == "grant", channel: forms.consentChannel, source: "crm-console",
                                 recipient: recipient, textVersion: form.text("textVersion"))
        do {
            _ = try await customers.recordConsents(id, [input], by: principal)
            return ConsoleRenderer.redirect("/customers/\(id.rawValue)?flash=consent#consents")
        } catch {
            guard error.code == .invalidInput else { throw error }
            forms.consentErrors = errorMap(error, strings: strings) { $0.hasSuffix("/recipient") ? "recipient" : nil }
            return try await renderCustomerPage(id, forms: forms, request: request, context: context, status: .unprocessableContent)
        }
    }

    /// `POST /customers/{id}/identifiers`: adds one identifier; a conflict links to the customer that holds it.
    @Sendable func addIdentifier(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let (id, form, principal) = try await actionPreamble(request, context: context)
        var forms = CustomerPageForms()
        forms.identifierType = form.text("type") ?? ""
        forms.identifierValue = form["value"] ?? ""
        forms.identifierVerified = form.isChecked("verified")
        forms.identifierOverride = form.isChecked("overrideChecksum")
        let input = IdentifierInput(type: forms.identifierType, value: forms.identifierValue, source: "console",
                                    verified: forms.identifierVerified, overrideChecksum: forms.identifierOverride)
        do {
            _ = try await customers.addIdentifiers(id, [input], by: principal)
            return ConsoleRenderer.redirect("/customers/\(id.rawValue)?flash=identifier")
        } catch {
            guard error.code == .invalidInput || error.code == .identifierConflict else { throw error }
            if let holder = error.conflictingCustomerID {
                forms.identifierConflictID = holder.rawValue
            } else {
                forms.identifierErrors = errorMap(error, strings: strings(request)) { path in
                    path.hasSuffix("/type") ? "type" : path.hasPrefix("identifiers/") ? "value" : nil
                }
            }
            return try await renderCustomerPage(id, forms: forms, request: request, context: context, status: status(of: error))
        }
    }

    /// `POST /customers/{id}/delete`: soft-deletes with a required reason, then back to the list.
    @Sendable func delete(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let (id, form, principal) = try await actionPreamble(request, context: context)
        var forms = CustomerPageForms()
        forms.deleteReason = form["reason"] ?? ""
        do {
            try await customers.delete(id, reason: forms.deleteReason, by: principal)
            return ConsoleRenderer.redirect("/customers?flash=deleted")
        } catch {
            guard error.code == .invalidInput else { throw error }
            forms.deleteErrors = errorMap(error, strings: strings(request)) { $0 == "reason" ? "reason" : nil }
            return try await renderCustomerPage(id, forms: forms, request: request, context: context, status: .unprocessableContent)
        }
    }

    // MARK: Helpers

    /// What every action starts with: the id, the form with its CSRF token checked, a role that may write.
    func actionPreamble(_ request: Request, context: DangolRequestContext) async throws -> (CustomerID, ConsoleForm, Principal) {
        let id = try customerID(context)
        let form = try await ConsoleForm.read(request, context: context)
        try form.requireCSRF(context.csrfToken)
        try requireWrite(context)
        return (id, form, try principal(context))
    }

    /// The field errors of a failed action; an error without fields (a conflict) is shown above the form.
    func errorMap(_ error: DangolError, strings: ConsoleStrings, route: (String) -> String?) -> FieldErrorMap {
        var map = FieldErrorMap(error.fieldErrors, strings: strings, route: route)
        if error.fieldErrors.isEmpty {
            map.add(strings.language == .en ? error.message : strings["error_conflict"], to: nil)
        }
        return map
    }

    /// 422 for invalid input, 409 for conflicts.
    func status(of error: DangolError) -> HTTPResponse.Status {
        error.code == .invalidInput ? .unprocessableContent : .conflict
    }

    /// Renders the customer page with the action forms in the given state.
    func renderCustomerPage(_ id: CustomerID, forms: CustomerPageForms, request: Request, context: DangolRequestContext,
                            status: HTTPResponse.Status) async throws -> Response {
        let principal = try principal(context)
        let strings = strings(request)
        let detail = try await customers.detail(id, for: principal)
        var model = CustomerPageModel(detail: detail, forms: forms, userNames: try await userNames(),
                                      canWrite: principal.role.canWriteCustomers, strings: strings)
        let extras = try await CustomerOverviewService(services: services).extras(id, for: principal, timelineLimit: 20)
        model.add(extras, strings: strings)
        let offers = try await AnalyticsQueryService(services: services).nextBestProducts(of: id, limit: 5, for: principal)
        model.addRecommendations(offers.items, strings: strings)
        let openCases = try await VOCService(services: services).board(status: nil, customerID: id, for: principal).filter(\.status.isOpen)
        model.activity = CustomerPageModel.Activity(forms: forms, extras: extras, openCases: openCases, now: services.clock.now(), strings: strings)
        let isSteward = principal.role == .admin || principal.role == .manager
        if isSteward {
            model.mergeRows = try await CustomerMerger(services: services).merges(of: id, by: principal)
                .filter { $0.survivorID == id }
                .map { CustomerPageModel.MergeRow(merge: $0, canUndo: isSteward, strings: strings) }
            model.hasMerges = !model.mergeRows.isEmpty
        }
        return renderer.render(.customerPage, title: detail.customer.displayName, page: model, request: request, context: context,
                               status: status)
    }
}
