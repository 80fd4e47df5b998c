import DangolApp
import DangolCore
import DangolStore
import Hummingbird

/// `/api/v1/products…`: the product catalogue (list, optionally within a category; the category tree; create or
/// replace by SKU).
struct ProductController {
    let service: ProductService

    func register(on group: RouterGroup<DangolRequestContext>) {
        group.get("products", use: list)
        group.get("products/categories", use: categories)
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
        return try JSONResponse.make(try await service.list(after: query["cursor"].map(String.init), limit: limit,
                                                            category: query["category"].map(String.init), for: principal))
    }

    /// `GET /api/v1/products/categories`: the category tree with product counts (each including the categories below).
    @Sendable func categories(_ request: Request, context: DangolRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        return try JSONResponse.make(try await service.categories(for: principal))
    }
}
