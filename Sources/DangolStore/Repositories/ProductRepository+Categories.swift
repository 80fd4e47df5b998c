import DangolCore
import SQLKit

extension ProductRepository {
    /// The category of each of these SKUs that has one (unknown SKUs and products without a category are left out).
    public func categories(of skus: [String], on db: any SQLDatabase) async throws -> [String: String] {
        guard !skus.isEmpty else { return [:] }
        var result: [String: String] = [:]
        for start in stride(from: 0, to: skus.count, by: 500) {
            let chunk: [any Encodable & Sendable] = Array(skus[start..<min(skus.count, start + 500)])
            for row in try await db.raw("SELECT sku, category FROM products WHERE category IS NOT NULL AND sku IN (\(binds: chunk))").all() {
                result[try row.decode(column: "sku", as: String.self)] = try row.decode(column: "category", as: String.self)
            }
        }
        return result
    }
}
