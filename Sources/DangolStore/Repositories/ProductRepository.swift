import DangolCore
import SQLKit

/// The product catalogue: SKU, name, category path (`식품 > 음료`), list price and unit cost.
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
    /// Products in SKU order after `cursor`; with `within`, only those of that category path or below it.
    public func list(after cursor: String?, limit: Int, within category: String? = nil, on db: any SQLDatabase) async throws -> [Product] {
        var conditions: [SQLQueryString] = []
        if let cursor { conditions.append("sku > \(bind: cursor)") }
        if let category {
            // The path itself, or a path that continues it with a level below (prefix compared with substr, not LIKE,
            // so % and _ in names stay literal; both engines count code points).
            let below = category + " > "
            conditions.append("""
                (category = \(bind: category) OR substr(category, 1, \(literal: below.unicodeScalars.count)) = \(bind: below))
                """)
        }
        let filter: SQLQueryString = conditions.isEmpty ? "" : "WHERE \(conditions.joined(" AND "))"
        return try await db.raw("""
            SELECT sku, name, category, list_price_minor, unit_cost_minor, currency FROM products \(filter) ORDER BY sku LIMIT \(literal: limit)
            """).all().map(Self.decode)
    }

    /// Each category path products are filed under, with its number of products (not counting those below it).
    public func categoryCounts(on db: any SQLDatabase) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try await db.raw("""
            SELECT category, CAST(COUNT(*) AS BIGINT) AS n FROM products WHERE category IS NOT NULL GROUP BY category
            """).all() {
            counts[try row.decode(column: "category", as: String.self)] = Int(try row.decode(column: "n", as: Int64.self))
        }
        return counts
    }

    private static func decode(_ row: any SQLRow) throws -> Product {
        Product(sku: try row.decode(column: "sku", as: String.self), name: try row.decode(column: "name", as: String.self),
                category: try row.decode(column: "category", as: String?.self),
                listPriceMinor: try row.decode(column: "list_price_minor", as: Int64?.self),
                unitCostMinor: try row.decode(column: "unit_cost_minor", as: Int64?.self), currency: try row.decode(column: "currency", as: String.self))
    }
}
