/// Summary statistics of measured durations, reported as medians and percentiles (never means alone: the machines are
/// shared and noisy).
struct LatencyStatistics {
    let count: Int
    let median: Double
    let p95: Double
    let p99: Double
    let max: Double

    /// - Parameter milliseconds: one sample per operation.
    init(milliseconds samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        func percentile(_ fraction: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let rank = Int((fraction * Double(sorted.count - 1)).rounded())
            return sorted[Swift.min(Swift.max(rank, 0), sorted.count - 1)]
        }
        median = percentile(0.5)
        p95 = percentile(0.95)
        p99 = percentile(0.99)
        max = sorted.last ?? 0
    }

    var summary: String {
        "n=\(count) median=\(format(median)) ms p95=\(format(p95)) ms p99=\(format(p99)) ms max=\(format(max)) ms"
    }

    private func format(_ value: Double) -> String { String(Double(Int(value * 100)) / 100) }
}
