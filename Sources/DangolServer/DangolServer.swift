import DangolApp
import DangolCore
import Hummingbird
import Logging
import Metrics
import Prometheus

/// Builds the Dangol HTTP application: API, console, health and metrics on one router.
///
/// ```swift
/// let app = DangolServer.buildApplication(services: services, configuration: configuration)
/// try await app.runService()
/// ```
public enum DangolServer {
    /// The Prometheus registry of this process; metrics are bootstrapped once.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// The router with every route, for tests (`app.test(.router)`) and for `buildApplication`.
    static func buildRouter(services: AppServices, configuration: DangolConfiguration, bcryptCost: UInt8 = 12) -> Router<DangolRequestContext> {
        let router = Router(context: DangolRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: BodyLimitMiddleware(maxBytes: configuration.maxBodyBytes, maxUploadBytes: configuration.maxUploadBytes))
        let users = UserService(services: services, bcryptCost: bcryptCost)
        let customers = CustomerService(services: services)
        SystemController(services: services, registry: registry).register(on: router)
        let api = router.group("api/v1").add(middleware: BearerAuthMiddleware(users: users))
        CustomerController(customers: customers).register(on: api)
        MergeController(merger: CustomerMerger(services: services)).register(on: api)
        MatchReviewController(reviews: MatchReviewService(services: services)).register(on: api)
        ResolutionController(resolver: CustomerResolver(services: services)).register(on: api)
        IdentificationRateController(service: IdentificationRateService(services: services)).register(on: api)
        IdentitySettingsController(settings: IdentitySettingsService(services: services)).register(on: api)
        LoyaltySettingsController(settings: LoyaltySettingsService(services: services)).register(on: api)
        TransactionController(service: TransactionService(services: services)).register(on: api)
        PointsController(service: PointsService(services: services), liability: PointsLiabilityService(services: services)).register(on: api)
        OverviewController(service: CustomerOverviewService(services: services)).register(on: api)
        VOCController(service: VOCService(services: services), interactions: InteractionService(services: services)).register(on: api)
        WebhookController(service: WebhookService(services: services)).register(on: api)
        ProductController(service: ProductService(services: services)).register(on: api)
        AnalyticsController(service: AnalyticsQueryService(services: services), lookalikes: LookalikeService(services: services)).register(on: api)
        MeController(users: users).register(on: api)
        ConsoleController(services: services, users: users, customers: customers).register(on: router)
        return router
    }

    /// The whole application, listening on the configured host and port.
    public static func buildApplication(services: AppServices, configuration: DangolConfiguration,
                                        onServerRunning: @escaping @Sendable () async -> Void = {}) -> some ApplicationProtocol {
        let router = buildRouter(services: services, configuration: configuration)
        var app = Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "dangol"),
            onServerRunning: { _ in await onServerRunning() },
            logger: services.logger
        )
        app.addServices(WebhookDeliveryLoop(webhooks: WebhookService(services: services), interval: .seconds(5), logger: services.logger))
        if let hour = configuration.analyticsHour {
            let scheduler = AnalyticsScheduler(refresh: AnalyticsRefreshService(services: services), schedule: AnalyticsSchedule(hour: hour),
                                               serverStart: services.clock.now())
            app.addServices(AnalyticsRefreshLoop(scheduler: scheduler, interval: .seconds(60), logger: services.logger))
        }
        return app
    }
}
