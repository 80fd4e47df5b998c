import DangolCore
import DangolStore

/// The product catalogue: what sales lines refer to by SKU, and where "favourite categories" come from.
public struct ProductService: Sendable {
    public let services: AppServices

    public init(services: AppServices) { self.services = services }

    /// Creates or replaces a product (admins and managers).
    /// - Throws: `invalidInput` for an empty or over-long SKU or name, a category that is not a path of 1–5 named levels
    ///   (see ``ProductCategory``), a negative price or cost, a bad currency.
    public func upsert(_ product: ProductRepository.Product, by principal: Principal) async throws(DangolError) -> ProductRepository.Product {
        guard principal.role == .admin || principal.role == .manager else {
            throw DangolError(.forbidden, "Only an admin or a manager may change the product catalogue.")
        }
        try principal.require(scope: "customers:write")
        var errors: [FieldError] = []
        var product = product
        product.sku = product.sku.trimmingWhitespace()
        product.name = product.name.trimmingWhitespace()
        if product.sku.isEmpty || product.sku.count > 100 { errors.append(FieldError(field: "sku", code: "length", message: "sku has 1–100 characters.")) }
        if product.name.isEmpty || product.name.count > 200 { errors.append(FieldError(field: "name", code: "length", message: "name has 1–200 characters.")) }
        // A category is a path in the catalogue's hierarchy (식품 > 음료 > 커피), stored in its written form.
        if let category = product.category, !category.trimmingWhitespace().isEmpty {
            do { product.category = try ProductCategory(parsing: category).path } catch { errors += error.fieldErrors }
        } else {
            product.category = nil
        }
        if (product.listPriceMinor ?? 0) < 0 { errors.append(FieldError(field: "listPriceMinor", code: "range", message: "The list price must not be negative.")) }
        if (product.unitCostMinor ?? 0) < 0 { errors.append(FieldError(field: "unitCostMinor", code: "range", message: "The unit cost must not be negative.")) }
        if product.currency.count != 3 || !product.currency.unicodeScalars.allSatisfy({ $0.value >= 65 && $0.value <= 90 }) {
            errors.append(FieldError(field: "currency", code: "invalid", message: "currency is an ISO 4217 code such as KRW."))
        }
        guard errors.isEmpty else { throw DangolError.invalid(errors) }
        let now = services.clock.now()
        let saved = product
        try await services.transaction { db in try await ProductRepository().upsert(saved, at: now, on: db) }
        return saved
    }

    /// A page of products in SKU order.
    public func list(after cursor: String?, limit: Int, for principal: Principal) async throws(DangolError) -> [ProductRepository.Product] {
        try principal.require(scope: "customers:read")
        guard (1...500).contains(limit) else { throw DangolError.invalid(field: "limit", code: "range", "limit is 1–500.") }
        return try await services.read { db in try await ProductRepository().list(after: cursor, limit: limit, on: db) }
    }
}
