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

    /// A page of products in SKU order; with `category`, only those filed under that category or below it.
    /// - Throws: `invalidInput` for a limit outside 1–500 or a category that is not a path (see ``ProductCategory``).
    public func list(after cursor: String?, limit: Int, category: String? = nil,
                     for principal: Principal) async throws(DangolError) -> [ProductRepository.Product] {
        try principal.require(scope: "customers:read")
        guard (1...500).contains(limit) else { throw DangolError.invalid(field: "limit", code: "range", "limit is 1–500.") }
        let within = try category.map { text throws(DangolError) in try ProductCategory(parsing: text).path }
        return try await services.read { db in try await ProductRepository().list(after: cursor, limit: limit, within: within, on: db) }
    }

    /// One category of the catalogue's tree with the number of products filed under it or below it.
    public struct CategoryCount: Sendable, Hashable, Codable {
        /// The written path, `식품 > 음료`.
        public var path: String
        /// The last level's name, `음료`.
        public var name: String
        /// 1 for a top-level category.
        public var depth: Int
        /// Products in this category and every category below it.
        public var products: Int
    }

    /// The category tree in path order (each category right before the ones below it), every level that a product's
    /// path passes through included, with product counts that include the categories below.
    public func categories(for principal: Principal) async throws(DangolError) -> [CategoryCount] {
        try principal.require(scope: "customers:read")
        let counts = try await services.read { db in try await ProductRepository().categoryCounts(on: db) }
        var tree: [[String]: Int] = [:]
        for (text, count) in counts {
            // A category stored before paths were read is shown as one level.
            let levels = (try? ProductCategory(parsing: text))?.levels ?? [text]
            for depth in 1...levels.count { tree[Array(levels.prefix(depth)), default: 0] += count }
        }
        return tree.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { levels in
            CategoryCount(path: levels.joined(separator: ProductCategory.separator), name: levels.last ?? "", depth: levels.count,
                          products: tree[levels] ?? 0)
        }
    }
}
