import DangolCore
import DangolStore

extension AnalyticsQueryService {
    /// Lower bounds (minor units) of the CLV bands the console shows: below 10,000, then decades up to 10,000,000.
    public static let clvBands: [Double] = [0, 10_000, 100_000, 1_000_000, 10_000_000]

    /// Customers per CLV band of the latest refresh (admins, managers, analysts).
    public func clvDistribution(for principal: Principal) async throws(DangolError) -> [(lowerBound: Double, customers: Int)] {
        guard principal.role != .agent else {
            throw DangolError(.forbidden, "The analytics summary is for admins, managers and analysts.")
        }
        try principal.require(scope: "customers:read")
        let counts = try await services.read { db in try await AnalyticsRepository().clvDistribution(bounds: Self.clvBands, on: db) }
        return zip(Self.clvBands, counts).map { ($0, $1) }
    }
}
