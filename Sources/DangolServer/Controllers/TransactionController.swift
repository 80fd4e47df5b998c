import DangolApp
import DangolCore
import Hummingbird

/// `/api/v1/transactions…`: recording sales one at a time or in batches of up to 1,000 (idempotent per source and
/// external id; the buyer known, resolved from details, or anonymous), reading one, and attaching an anonymous sale to
/// a customer later.
struct TransactionController {
    let service: TransactionService

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.post("transactions", use: record)
        group.post("transactions/batch", use: recordBatch)
        group.post("transactions/{transactionId}/attach", use: attach)
    }

    @Sendable func record(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let input = try await request.decodeJSON(TransactionInput.self, context: context)
        let result = try await service.record(input, by: principal)
        return try JSONResponse.make(result, status: result.created ? .created : .ok)
    }

    struct BatchInput: Decodable {
        var items: [TransactionInput]
    }

    @Sendable func recordBatch(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let input = try await request.decodeJSON(BatchInput.self, context: context)
        return try JSONResponse.make(try await service.recordBatch(input.items, by: principal))
    }

    struct AttachInput: Decodable {
        var customerId: String?
        var phone: String?
    }

    @Sendable func attach(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let id = try context.pathID("transactionId", notFound: "The transaction")
        let input = try await request.decodeJSON(AttachInput.self, context: context)
        switch (input.customerId, input.phone) {
        case (let customer?, nil):
            guard CustomerID.isWellFormed(customer) else {
                throw DangolError.invalid(field: "customerId", code: "invalid", "customerId is not a customer id.")
            }
            return try JSONResponse.make(try await service.attach(id, to: CustomerID(customer), by: principal))
        case (nil, let phone?):
            return try JSONResponse.make(try await service.attach(id, phone: phone, by: principal))
        default:
            throw DangolError.invalid(field: "customerId", code: "required", "Give customerId or phone (one of them).")
        }
    }
}
