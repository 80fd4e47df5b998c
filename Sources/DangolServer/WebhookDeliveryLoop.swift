import DangolApp
import DangolCore
import Logging
import ServiceLifecycle

/// Runs webhook delivery every few seconds for as long as the server runs (stops at graceful shutdown).
struct WebhookDeliveryLoop: Service {
    let webhooks: WebhookService
    let interval: Duration
    let logger: Logger

    func run() async throws {
        // Returns (never throws) at shutdown: a service that throws would fail the whole server's shutdown.
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do throws(DangolError) {
                    let outcome = try await webhooks.deliverDue(transport: URLSessionWebhookTransport())
                    if outcome.delivered + outcome.failedAttempts > 0 {
                        logger.info("webhooks delivered", metadata: ["delivered": "\(outcome.delivered)", "failed_attempts": "\(outcome.failedAttempts)"])
                    }
                } catch {
                    logger.error("webhook delivery failed", metadata: ["error": "\(error.code)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
