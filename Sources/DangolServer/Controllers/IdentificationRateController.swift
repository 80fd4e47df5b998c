import DangolApp
import DangolCore
import DangolIdentity
import Hummingbird

/// `GET /api/v1/analytics/identification-rate?from=2026-01-01&to=2026-12-31&period=month`: the share of revenue
/// attributed to identified customers, per period and channel (`*` = all channels), per currency.
struct IdentificationRateController {
    let service: IdentificationRateService

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.get("analytics/identification-rate", use: report)
    }

    @Sendable func report(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let query = request.uri.queryParameters
        var errors: [FieldError] = []
        func date(_ name: String) -> CivilDate? {
            guard let text = query[Substring(name)].map(String.init) else {
                errors.append(FieldError(field: name, code: "required", message: "\(name) is required (YYYY-MM-DD)."))
                return nil
            }
            guard let value = CivilDate(iso8601: text) else {
                errors.append(FieldError(field: name, code: "invalid", message: "\(name) must be a date as YYYY-MM-DD."))
                return nil
            }
            return value
        }
        let from = date("from")
        let to = date("to")
        var period = IdentificationRate.Period.month
        if let text = query["period"].map(String.init) {
            if let value = IdentificationRate.Period(rawValue: text) { period = value } else {
                errors.append(FieldError(field: "period", code: "invalid", message: "period must be day, week, month, quarter or year."))
            }
        }
        guard errors.isEmpty, let from, let to else { throw DangolError.invalid(errors) }
        return try JSONResponse.make(try await service.report(from: from, to: to, period: period, for: principal))
    }
}
