import DangolApp
import DangolCore
import DangolStore
import Hummingbird

extension ConsoleController {
    /// `POST /customers/{id}/interactions`: records a contact by the signed-in employee.
    @Sendable func recordInteraction(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let (id, form, principal) = try await actionPreamble(request, context: context)
        var forms = CustomerPageForms()
        forms.interactionChannel = form.text("channel") ?? ""
        forms.interactionDirection = form.text("direction") ?? ""
        forms.interactionSubject = form["subject"] ?? ""
        forms.interactionNotes = form["notes"] ?? ""
        forms.interactionOutcome = form["outcome"] ?? ""
        let input = InteractionService.Input(channel: forms.interactionChannel, direction: forms.interactionDirection,
                                             subject: form.text("subject"), notes: form.text("notes"), outcome: form.text("outcome"))
        do {
            _ = try await InteractionService(services: services).record(for: id, input, by: principal)
            return ConsoleRenderer.redirect("/customers/\(id.rawValue)?flash=interaction#overview-heading")
        } catch {
            guard error.code == .invalidInput else { throw error }
            forms.interactionErrors = errorMap(error, strings: strings(request)) { ["channel", "direction", "subject", "notes", "outcome"].contains($0) ? $0 : nil }
            return try await renderCustomerPage(id, forms: forms, request: request, context: context, status: .unprocessableContent)
        }
    }

    /// `POST /customers/{id}/voc`: opens a VOC case (complaint, compliment, inquiry, suggestion).
    @Sendable func openCase(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let (id, form, principal) = try await actionPreamble(request, context: context)
        var forms = CustomerPageForms()
        forms.vocKind = form.text("kind") ?? ""
        forms.vocSeverity = form.text("severity") ?? ""
        forms.vocCategory = form["category"] ?? ""
        forms.vocChannel = form.text("channel") ?? ""
        forms.vocSubject = form["subject"] ?? ""
        forms.vocDescription = form["description"] ?? ""
        let strings = strings(request)
        guard let kind = VOCCase.Kind(rawValue: forms.vocKind), let severity = VOCCase.Severity(rawValue: forms.vocSeverity) else {
            if VOCCase.Kind(rawValue: forms.vocKind) == nil { forms.vocErrors.add(strings["fieldError_invalid"], to: "kind") }
            if VOCCase.Severity(rawValue: forms.vocSeverity) == nil { forms.vocErrors.add(strings["fieldError_invalid"], to: "severity") }
            return try await renderCustomerPage(id, forms: forms, request: request, context: context, status: .unprocessableContent)
        }
        let opening = VOCService.Opening(kind: kind, severity: severity, category: form.text("category"), channel: forms.vocChannel,
                                         subject: forms.vocSubject, description: form.text("description"))
        do {
            let record = try await VOCService(services: services).open(for: id, opening, by: principal)
            return ConsoleRenderer.redirect("/voc/\(record.id)?flash=vocOpened")
        } catch {
            guard error.code == .invalidInput else { throw error }
            forms.vocErrors = errorMap(error, strings: strings) { ["kind", "severity", "category", "channel", "subject", "description"].contains($0) ? $0 : nil }
            return try await renderCustomerPage(id, forms: forms, request: request, context: context, status: .unprocessableContent)
        }
    }

    /// `POST /customers/{id}/points`: adjusts the balance by a signed amount with a reason; a deduction below zero is
    /// refused with the balance left as it was.
    @Sendable func adjustPoints(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let (id, form, principal) = try await actionPreamble(request, context: context)
        var forms = CustomerPageForms()
        forms.pointsAmount = form["points"] ?? ""
        forms.pointsReason = form["reason"] ?? ""
        let strings = strings(request)
        let digits = forms.pointsAmount.filter { $0 != "," && $0 != " " }
        guard let points = Int64(digits), points != 0, points.magnitude <= 100_000_000 else {
            forms.pointsErrors.add(strings["fieldError_invalid"], to: "points")
            return try await renderCustomerPage(id, forms: forms, request: request, context: context, status: .unprocessableContent)
        }
        // One form post, one ledger entry: the form's CSRF token and the values make the idempotency key, so a
        // double click does not adjust twice.
        let key = "console:" + TokenHasher.hash((context.csrfToken ?? "") + "|" + id.rawValue + "|" + digits + "|" + forms.pointsReason + "|"
                                                + (form.text("nonce") ?? ""))
        do {
            _ = try await PointsService(services: services).change(id, .init(kind: .adjust, points: points, reason: form.text("reason"),
                                                                             idempotencyKey: key), by: principal)
            return ConsoleRenderer.redirect("/customers/\(id.rawValue)?flash=points#overview-heading")
        } catch {
            guard error.code == .invalidInput || error.code == .conflict else { throw error }
            forms.pointsErrors = errorMap(error, strings: strings) { ["points", "reason"].contains($0) ? $0 : nil }
            return try await renderCustomerPage(id, forms: forms, request: request, context: context, status: status(of: error))
        }
    }
}
