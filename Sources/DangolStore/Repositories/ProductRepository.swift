import DangolCore
import SQLKit

/// The product catalogue: SKU, name, category path (`식품>음료`), list price and unit cost.
public struct ProductRepository: Sendable {
    public init() {}

    /// A product as stored.
    public struct Product: Sendable, Hashable, Codable {
        public var sku: String
        public var name: String
        public var category: String?
        public var listPriceMinor: Int64?
        public var unitCostMinor: Int64?
        public var currency: String

        public init(sku: String, name: String, category: String?, listPriceMinor: Int64?, unitCostMinor: Int64?, currency: String) {
            self.sku = sku
            self.name = name
            self.category = category
            self.listPriceMinor = listPriceMinor
            self.unitCostMinor = unitCostMinor
            self.currency = currency
        }
    }

    /// Inserts or replaces a product.
    public func upsert(_ product: Product, at: Timestamp, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO products (sku, name, category, list_price_minor, unit_cost_minor, currency, created_at, updated_at)
            VALUES (\(bind: product.sku), \(bind: product.name), \(bind: product.category), \(bind: product.listPriceMinor),
            \(bind: product.unitCostMinor), \(bind: product.currency), \(bind: at.rawValue), \(bind: at.rawValue))
            ON CONFLICT (sku) DO UPDATE SET name = excluded.name, category = excluded.category, list_price_minor = excluded.list_price_minor,
            unit_cost_minor = excluded.unit_cost_minor, currency = excluded.currency, updated_at = excluded.updated_at
            """).run()
    }

    /// The catalogue entries of these SKUs, by SKU (SKUs not in the catalogue are missing).
    public func find(skus: [String], on db: any SQLDatabase) async throws -> [String: Product] {
        var found: [String: Product] = [:]
        for chunk in skus.chunked(into: 1_000) {
            let values: [any Encodable & Sendable] = chunk.map { $0 }
            for row in try await db.raw("""
                SELECT sku, name, category, list_price_minor, unit_cost_minor, currency FROM products WHERE sku IN (\(binds: values))
                """).all() {
                let product = try Self.decode(row)
                found[product.sku] = product
            }
        }
        return found
    }

    /// Products in SKU order after `cursor`.
    public func list(after cursor: String?, limit: Int, on db: any SQLDatabase) async throws -> [Product] {
        let after: SQLQueryString = cursor.map { "WHERE sku > \(bind: $0)" } ?? ""
        return try await db.raw("""
            SELECT sku, name, category, list_price_minor, unit_cost_minor, currency FROM products \(after) ORDER BY sku LIMIT \(literal: limit)
            """).all().map(Self.decode)
    }

    private static func decode(_ row: any SQLRow) throws -> Product {
        Product(sku: try row.decode(column: "sku", as: String.self), name: try row.decode(column: "name", as: String.self),
                category: try row.decode(column: "category", as: String?.self),
                listPriceMinor: try row.decode(column: "list_price_minor", as: Int64?.self),
                unitCostMinor: try row.decode(column: "unit_cost_minor", as: Int64?.self), currency: try row.decode(column: "currency", as: String.self))
    }
}
