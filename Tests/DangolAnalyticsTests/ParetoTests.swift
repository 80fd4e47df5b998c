@testable import DangolAnalytics
import Testing

@Suite("Pareto concentration")
struct ParetoTests {
    @Test("Two of ten customers hold everything: top 10% hold 80%, Gini 0.86, type 10:90")
    func concentrated() throws {
        let pareto = try ParetoAnalysis(values: [0, 0, 0, 0, 0, 0, 0, 0, 20, 80])
        #expect(abs(pareto.topShares[0].valueShare - 0.8) < 1e-12)
        #expect(abs(pareto.topShares[1].valueShare - 1.0) < 1e-12)
        #expect(abs(pareto.gini - 0.86) < 1e-12)
        // 0.8 + (10f − 1)·0.2 = 1 − f  ⇒  f = 2/15
        #expect(abs(pareto.crossingShare - 2.0 / 15) < 1e-9)
        #expect(pareto.businessType == .tenNinety)
    }

    @Test("The top 20% holding exactly 80% is the 20:80 type")
    func twentyEighty() throws {
        let pareto = try ParetoAnalysis(values: [40, 40] + Array(repeating: 2.5, count: 8))
        #expect(abs(pareto.topShares[1].valueShare - 0.8) < 1e-12)
        #expect(abs(pareto.crossingShare - 0.2) < 1e-9)
        #expect(pareto.businessType == .twentyEighty)
    }

    @Test("Equal values: Gini 0, the Lorenz curve is the diagonal, type 50:50")
    func equal() throws {
        let pareto = try ParetoAnalysis(values: [5, 5, 5, 5], lorenzPointCount: 5)
        #expect(abs(pareto.gini) < 1e-12)
        #expect(pareto.businessType == .fiftyFifty)
        for point in pareto.lorenzCurve { #expect(abs(point.valueShare - point.customerShare) < 1e-12) }
        #expect(pareto.lorenzCurve.first?.valueShare == 0 && pareto.lorenzCurve.last?.valueShare == 1)
    }

    @Test("One customer: Gini 0 and 50:50; negative values hold no share and are counted")
    func edges() throws {
        let one = try ParetoAnalysis(values: [7])
        #expect(one.gini == 0 && one.businessType == .fiftyFifty)
        let withLoss = try ParetoAnalysis(values: [-10, 10, 10])
        #expect(withLoss.negativeValueCount == 1 && withLoss.total == 20)
        #expect(withLoss.gini.isFinite)
    }

    @Test("No customers or no positive value is refused")
    func refusals() {
        #expect(throws: AnalyticsError.empty) { try ParetoAnalysis(values: []) }
        #expect(throws: AnalyticsError.self) { try ParetoAnalysis(values: [0, 0, -1]) }
        #expect(throws: AnalyticsError.self) { try ParetoAnalysis(values: [1, .infinity]) }
    }
}

@Suite("Value matrix")
struct ValueMatrixTests {
    static func customers(_ pairs: [(Double, Double)]) -> [ValueMatrix.Customer] {
        pairs.enumerated().map { .init(customerID: "c\($0.offset)", currentValue: $0.element.0, futureValue: $0.element.1) }
    }

    @Test("Median thresholds; a value equal to the threshold is low")
    func medians() throws {
        let matrix = try ValueMatrix(customers: Self.customers([(1, 4), (2, 3), (3, 2), (4, 1), (5, 5)]))
        #expect(matrix.currentThreshold == 3 && matrix.futureThreshold == 3)
        #expect(matrix.quadrants == [.growable, .belowCost, .belowCost, .maintain, .mostValuable])
        #expect(matrix.counts[.belowCost] == 2 && matrix.counts[.mostValuable] == 1)
    }

    @Test("Quantile thresholds interpolate like numpy; fixed thresholds are taken as given")
    func quantiles() throws {
        #expect(abs(ValueMatrix.quantile(0.8, of: [1, 2, 3, 4, 5]) - 4.2) < 1e-12)
        let matrix = try ValueMatrix(customers: Self.customers([(1, 4), (2, 3), (3, 2), (4, 1), (5, 5)]),
                                     current: .fixed(0), future: .quantile(0.8))
        #expect(abs(matrix.futureThreshold - 4.2) < 1e-12)
        #expect(matrix.quadrants == [.maintain, .maintain, .maintain, .maintain, .mostValuable])
    }

    @Test("Empty input and a quantile outside [0, 1] are refused")
    func refusals() {
        #expect(throws: AnalyticsError.empty) { try ValueMatrix(customers: []) }
        #expect(throws: AnalyticsError.self) { try ValueMatrix(customers: Self.customers([(1, 1)]), future: .quantile(2)) }
    }
}
