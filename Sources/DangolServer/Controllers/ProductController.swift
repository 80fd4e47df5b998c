import DangolApp
import DangolCore
import DangolStore
import Hummingbird

/// `/api/v1/products…`: the product catalogue (list; create or replace by SKU).
struct ProductController {
    let service: ProductService

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.get("products", use: list)
        group.put("products/{sku}", use: upsert)
    }

    struct ProductInput: Decodable {
        var name: String
        var category: String?
        var listPriceMinor: Int64?
        var unitCostMinor: Int64?
        var currency: String?
    }

    @Sendable func upsert(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let sku = try context.parameters.require("sku")
        let input = try await request.decodeJSON(ProductInput.self, context: context)
        let product = ProductRepository.Product(sku: sku, name: input.name, category: input.category, listPriceMinor: input.listPriceMinor,
                                                unitCostMinor: input.unitCostMinor, currency: input.currency ?? "KRW")
        return try JSONResponse.make(try await service.upsert(product, by: principal))
    }

    @Sendable func list(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let query = request.uri.queryParameters
        let limit = try query["limit"].map { text throws in
            guard let value = Int(text) else { throw DangolError.invalid(field: "limit", code: "invalid", "limit is a whole number.") }
            return value
        } ?? 100
        return try JSONResponse.make(try await service.list(after: query["cursor"].map(String.init), limit: limit, for: principal))
    }
}
