import DangolCore
import SQLKit

extension CustomerRepository {
    /// The kind of each of these customers that is live (neither deleted nor merged); others are left out.
    /// Used by imports to check that a row may attach to the customer its identifiers point at.
    public func liveKinds(of ids: [CustomerID], on db: any SQLDatabase) async throws -> [CustomerID: CustomerKind] {
        var result: [CustomerID: CustomerKind] = [:]
        for chunk in Array(Set(ids)).chunked(into: 500) {
            let binds: [any Encodable & Sendable] = chunk.map(\.rawValue)
            let rows = try await db.raw("""
                SELECT id, kind FROM customers WHERE id IN (\(binds: binds)) AND deleted_at IS NULL AND merged_into IS NULL
                """).all()
            for row in rows {
                guard let kind = CustomerKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
                result[CustomerID(try row.decode(column: "id", as: String.self))] = kind
            }
        }
        return result
    }
}
