import DangolApp
import DangolCore
import Hummingbird

extension ConsoleController {
    /// `GET /analytics`: the latest analytics refresh (admins, managers, analysts).
    @Sendable func analyticsPage(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try principal(context)
        guard principal.role != .agent else { throw ConsolePageError.forbidden }
        let strings = strings(request)
        let service = AnalyticsQueryService(services: services)
        let page: AnalyticsPage
        do {
            let summary = try await service.summary(for: principal)
            page = AnalyticsPage(summary: summary, clvBands: try await service.clvDistribution(for: principal), strings: strings)
        } catch {
            guard error.code == .notFound else { throw error }
            page = .empty
        }
        return renderer.render(.analytics, title: strings["analytics_title"], page: page, request: request, context: context)
    }
}
