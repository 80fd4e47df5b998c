import DangolApp
import DangolStore
import Hummingbird
import NIOCore
import Prometheus
import SQLKit

/// Operational endpoints: liveness (`/health`), readiness (`/ready`: the database answers and the schema is current),
/// Prometheus metrics (`/metrics`) and the OpenAPI document (`/api/v1/openapi.json`).
struct SystemController {
    let services: AppServices
    let registry: PrometheusCollectorRegistry

    func register(on router: Router<DangolRequestContext>) {
        router.get("health") { _, _ in try JSONResponse.make(["status": "ok"]) }
        router.get("ready", use: ready)
        router.get("metrics", use: metrics)
        router.get("api/v1/openapi.json") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
    }

    @Sendable func ready(_ request: Request, context: DangolRequestContext) async throws -> Response {
        do {
            let applied = try await Migrator(database: services.database, logger: context.logger).appliedMigrations()
            let expected = Schema.migrations.map(\.name)
            guard Set(expected).isSubset(of: Set(applied)) else {
                return try JSONResponse.make(["status": "migrations pending"], status: .serviceUnavailable)
            }
            return try JSONResponse.make(["status": "ready", "database": services.database.engine.rawValue])
        } catch {
            return try JSONResponse.make(["status": "database unavailable"], status: .serviceUnavailable)
        }
    }

    @Sendable func metrics(_ request: Request, context: DangolRequestContext) async throws -> Response {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
    }
}
