/// The customer value matrix (고객가치 매트릭스): current value × future value in four quadrants.
///
/// | | future high | future low |
/// |---|---|---|
/// | **current high** | most valuable (keep and reward) | maintain (harvest, serve efficiently) |
/// | **current low** | growable (invest to develop) | below cost (serve at least cost) |
///
/// "High" means strictly above the threshold; a value equal to it is low, so that a base where most customers share
/// one value (often 0) does not call them all high. Thresholds default to the medians of the customers given.
///
/// ```swift
/// let matrix = try ValueMatrix(customers: rows)                                  // medians
/// let strict = try ValueMatrix(customers: rows, future: .quantile(0.8))          // top 20% future value is "high"
/// ```
public struct ValueMatrix: Sendable, Hashable, Codable {
    /// The quadrants.
    public enum Quadrant: String, Sendable, Hashable, Codable, CaseIterable {
        /// High now, high future: 최우량 고객.
        case mostValuable = "most_valuable"
        /// Low now, high future: 성장 가능 고객.
        case growable
        /// High now, low future: 유지 고객.
        case maintain
        /// Low now, low future: 비용 이하 고객.
        case belowCost = "below_cost"
    }

    /// How a threshold is chosen.
    public enum Threshold: Sendable, Hashable, Codable {
        /// The median of the customers given.
        case median
        /// A quantile q in [0, 1] of the customers given (linear interpolation, numpy's default).
        case quantile(Double)
        /// A fixed value.
        case fixed(Double)
    }

    /// One customer's two values, e.g. historical margin and CLV, in the same currency unit.
    public struct Customer: Sendable, Hashable, Codable {
        /// The customer.
        public var customerID: String
        /// Value so far.
        public var currentValue: Double
        /// Value to come.
        public var futureValue: Double

        /// Creates a row.
        public init(customerID: String, currentValue: Double, futureValue: Double) {
            self.customerID = customerID
            self.currentValue = currentValue
            self.futureValue = futureValue
        }
    }

    /// The current-value threshold used.
    public let currentThreshold: Double
    /// The future-value threshold used.
    public let futureThreshold: Double
    /// Each customer's quadrant, in input order.
    public let quadrants: [Quadrant]

    /// Places `customers` in the matrix. Throws `input.empty`, or `input.invalid` for non-finite values or a quantile
    /// outside [0, 1].
    public init(customers: [Customer], current: Threshold = .median, future: Threshold = .median) throws(AnalyticsError) {
        guard !customers.isEmpty else { throw .empty }
        guard customers.allSatisfy({ $0.currentValue.isFinite && $0.futureValue.isFinite }) else {
            throw .invalidInput("values must be finite")
        }
        currentThreshold = try Self.resolve(current, customers.map(\.currentValue))
        futureThreshold = try Self.resolve(future, customers.map(\.futureValue))
        let (currentCut, futureCut) = (currentThreshold, futureThreshold)
        quadrants = customers.map { customer in
            switch (customer.currentValue > currentCut, customer.futureValue > futureCut) {
            case (true, true): .mostValuable
            case (false, true): .growable
            case (true, false): .maintain
            case (false, false): .belowCost
            }
        }
    }

    /// Customers per quadrant.
    public var counts: [Quadrant: Int] {
        var result = Dictionary(uniqueKeysWithValues: Quadrant.allCases.map { ($0, 0) })
        for quadrant in quadrants { result[quadrant, default: 0] += 1 }
        return result
    }

    private static func resolve(_ threshold: Threshold, _ values: [Double]) throws(AnalyticsError) -> Double {
        switch threshold {
        case .fixed(let value):
            guard value.isFinite else { throw .invalidInput("a fixed threshold must be finite") }
            return value
        case .median:
            return quantile(0.5, of: values)
        case .quantile(let q):
            guard q >= 0, q <= 1 else { throw .invalidInput("a quantile must lie in [0, 1]") }
            return quantile(q, of: values)
        }
    }

    /// Linear-interpolation quantile (Hyndman & Fan type 7).
    static func quantile(_ q: Double, of values: [Double]) -> Double {
        let sorted = values.sorted()
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
