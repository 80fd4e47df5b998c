import DangolApp
import DangolCore
import Logging
import ServiceLifecycle

/// Runs the nightly analytics refresh (``AnalyticsScheduler``) for as long as the server runs: checks once a minute
/// whether it is due, so a clock change or a long refresh never skips a night; stops at graceful shutdown.
struct AnalyticsRefreshLoop: Service {
    let scheduler: AnalyticsScheduler
    let interval: Duration
    let logger: Logger

    func run() async throws {
        // Returns (never throws) at shutdown, like WebhookDeliveryLoop.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do throws(DangolError) {
                    if let outcome = try await scheduler.runIfDue() {
                        logger.info("analytics refresh finished", metadata: [
                            "customers": "\(outcome.report.customers)", "seconds": "\(Int(outcome.totalSeconds))",
                            "fallbacks": "\(outcome.report.fallbacks.count)",
                        ])
                    }
                } catch {
                    logger.error("analytics refresh failed", metadata: ["error": "\(error.code)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
