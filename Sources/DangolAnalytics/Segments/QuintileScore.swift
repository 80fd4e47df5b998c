/// Quintile scores 1–5 by mid-rank, the tie rule of RFM scoring.
///
/// Values are ranked ascending (0-based); tied values share the mean of their positions (mid-rank), so the score never
/// depends on input order and ties never split across two scores. The score is
/// `min(5, 1 + ⌊5 × (midRank + ½) / n⌋)`: with distinct values each fifth of the customers gets one score; a value
/// shared by everyone scores 3; a lone customer scores 3.
enum QuintileScore {
    /// Scores of `values` (higher value → higher score), in input order.
    static func scores(_ values: [Double]) -> [Int] {
        let n = values.count
        guard n > 0 else { return [] }
        let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
        var result = [Int](repeating: 0, count: n)
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n, values[order[end + 1]] == values[order[start]] { end += 1 }
            let midRank = Double(start + end) / 2
            let score = min(5, 1 + Int((5 * (midRank + 0.5) / Double(n)).rounded(.down)))
            for position in start...end { result[order[position]] = score }
            start = end + 1
        }
        return result
    }
}
