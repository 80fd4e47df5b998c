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
            page = AnalyticsPage(summary: summary, clvBands: try await service.clvDistribution(for: principal),
                                 equityHistory: try await service.equityHistory(limit: 12, for: principal), strings: strings)
        } catch {
            guard error.code == .notFound else { throw error }
            page = .empty
        }
        return renderer.render(.analytics, title: strings["analytics_title"], page: page, request: request, context: context)
    }
}

extension ConsoleController {
    /// `GET /analytics/lookalikes?seed=most_valuable&stages=both&earlyDays=90`: prospects and leads most like a value
    /// quadrant's customers (admins, managers, analysts), masked per role like the customer list.
    @Sendable func lookalikesPage(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try principal(context)
        guard principal.role != .agent else { throw ConsolePageError.forbidden }
        let strings = strings(request)
        let query = ConsoleForm(urlEncoded: request.uri.query ?? "")
        let seed = query.text("seed").flatMap { LookalikePage.seeds.contains($0) ? $0 : nil } ?? "most_valuable"
        let stages = query.text("stages").flatMap { LookalikePage.stageChoices.contains($0) ? $0 : nil } ?? "both"
        let earlyDays = query.text("earlyDays").flatMap(Int.init).map { min(3_650, max(1, $0)) } ?? 90
        var page = LookalikePage(seed: seed, stages: stages, earlyDays: earlyDays, strings: strings)
        let search = LookalikeRequest(seed: .init(valueQuadrant: seed),
                                       candidates: .init(stages: stages == "both" ? ["prospect", "lead"] : [stages]),
                                       earlyDays: earlyDays, limit: 50)
        do {
            page.add(try await LookalikeService(services: services).search(search, for: principal), strings: strings)
        } catch {
            guard error.code == .invalidInput else { throw error }
            page.notice = strings["lookalike_noSeed"]
        }
        return renderer.render(.lookalikes, title: strings["lookalike_title"], page: page, request: request, context: context)
    }
}
