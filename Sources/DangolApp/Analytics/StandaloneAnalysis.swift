import DangolAnalytics
import DangolCore
import DangolCSV
import Foundation

/// `dangol analyze --input transactions.csv --out scores.csv`: the refresh's models on a plain transaction log,
/// without a database — for spreadsheets, and to check the models on public data sets.
///
/// Input: a CSV file with a header naming `customer_id` (or `id`, `customer`), `date` (`YYYY-MM-DD` or `YYYYMMDD`,
/// a business day), `amount` (or `cents`, `amount_minor`: whole minor units, negative for a refund) and optionally
/// `cost` (minor units). A row that cannot be read is rejected with its line and the reason, and the rest goes on.
/// Purchases are condensed by ``PurchaseDays`` and scored by ``CustomerScoring``, exactly as in the refresh. The
/// observation end defaults to the latest date in the file.
///
/// Output: one row per customer (see ``StandaloneAnalysis/header``), and the report (fitted parameters, Pareto, …)
/// returned for the caller to print or write beside.
public struct StandaloneAnalysis: Sendable {
    public var settings: AnalyticsSettings

    public init(settings: AnalyticsSettings = AnalyticsSettings()) { self.settings = settings }

    /// A row that was not used.
    public struct Rejection: Sendable, Hashable {
        public var line: Int
        public var reason: String
    }

    /// What a run did.
    public struct Outcome: Sendable {
        public var rowsRead = 0
        public var rejections: [Rejection] = []
        public var customers = 0
        public var report: AnalyticsReport?
    }

    /// The output columns.
    public static let header = [
        "customer_id", "frequency", "recency_days", "age_days", "monetary", "revenue", "margin", "historical_value",
        "p_alive", "expected_purchases", "expected_spend", "clv_revenue", "clv", "rfm_r", "rfm_f", "rfm_m", "rfm_segment",
        "value_quadrant", "churn_band",
    ]

    /// Reads `input`, scores, writes `output`; `observationEnd` nil = the latest date in the file.
    public func run(input: String, output: String, observationEnd: CivilDate? = nil) throws(DangolError) -> Outcome {
        if let problem = settings.validate() { throw DangolError(.invalidInput, problem) }
        var outcome = Outcome()
        let purchases = try read(input, outcome: &outcome)
        guard let lastDay = observationEnd?.daysSinceEpoch ?? purchases.map(\.day).max() else {
            throw DangolError(.invalidInput, "The file holds no usable transaction.")
        }
        let condensed: (summaries: [CustomerSummary], historicalValues: [Double])
        do throws(AnalyticsError) {
            condensed = try PurchaseDays.summaries(of: purchases, observationEndDay: lastDay,
                                                   annualDiscountRate: settings.annualDiscountRate)
        } catch {
            throw DangolError(.invalidInput, error.message)
        }
        var timings = AnalyticsReport.Timings()
        let (scores, report) = try CustomerScoring(settings: settings)
            .score(condensed.summaries, historicalValues: condensed.historicalValues, observationEndDay: lastDay, timings: &timings)
        try write(scores, to: output)
        outcome.customers = scores.count
        outcome.report = report
        return outcome
    }

    private func read(_ path: String, outcome: inout Outcome) throws(DangolError) -> [Purchase] {
        let reader: CSVFileReader
        do {
            reader = try CSVFileReader(path: path)
        } catch {
            throw DangolError(.notFound, "Cannot read the input: \(error.reason).")
        }
        guard case .success(let headerRecord)? = reader.next() else {
            throw DangolError(.invalidInput, "The input file has no header line.")
        }
        let header = headerRecord.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ names: [String]) -> Int? { header.firstIndex { names.contains($0) } }
        guard let idColumn = column(["customer_id", "id", "customer"]), let dateColumn = column(["date", "day"]),
              let amountColumn = column(["amount", "cents", "amount_minor"]) else {
            throw DangolError(.invalidInput, "The header needs customer_id, date and amount columns (cost is optional).")
        }
        let costColumn = column(["cost", "cost_minor"])
        var purchases: [Purchase] = []
        while let result = reader.next() {
            let record: CSVRecord
            switch result {
            case .success(let read): record = read
            case .failure(let error):
                outcome.rejections.append(Rejection(line: error.line, reason: error.reason))
                continue
            }
            outcome.rowsRead += 1
            let fields = record.fields
            func field(_ index: Int) -> String {
                index < fields.count ? fields[index].trimmingCharacters(in: .whitespaces) : ""
            }
            let customer = field(idColumn)
            guard !customer.isEmpty else {
                outcome.rejections.append(Rejection(line: record.line, reason: "customer_id is empty"))
                continue
            }
            guard let date = Self.date(field(dateColumn)) else {
                outcome.rejections.append(Rejection(line: record.line, reason: "date is not YYYY-MM-DD or YYYYMMDD"))
                continue
            }
            guard let amount = Int64(field(amountColumn)) else {
                outcome.rejections.append(Rejection(line: record.line, reason: "amount is not a whole number of minor units"))
                continue
            }
            var cost: Int64?
            if let costColumn, !field(costColumn).isEmpty {
                guard let value = Int64(field(costColumn)) else {
                    outcome.rejections.append(Rejection(line: record.line, reason: "cost is not a whole number of minor units"))
                    continue
                }
                cost = value
            }
            purchases.append(Purchase(customerID: customer, date: date, amount: amount, cost: cost))
        }
        return purchases
    }

    /// `YYYY-MM-DD` or `YYYYMMDD`.
    static func date(_ text: String) -> CivilDate? {
        if let date = CivilDate(iso8601: text) { return date }
        guard text.count == 8, text.allSatisfy(\.isASCII), let number = Int(text) else { return nil }
        return CivilDate(year: number / 10_000, month: number / 100 % 100, day: number % 100)
    }

    private func write(_ scores: [CustomerScore], to path: String) throws(DangolError) {
        let writer = CSVWriter(neutralizeFormulas: false)
        let file = try OutputFile.create(path: path, permissions: 0o644)
        try file.write(writer.line(Self.header))
        func number(_ value: Double?) -> String { value.map { String(format: "%.6f", $0) } ?? "" }
        for score in scores {
            let s = score.summary
            try file.write(writer.line([
                s.customerID, String(s.repeatPurchaseDays), String(s.recencyDays), String(s.ageDays), number(s.monetaryValue),
                String(s.revenueToDate), String(s.marginToDate), number(score.historicalValue), number(score.probabilityAlive),
                number(score.expectedPurchases), number(score.expectedSpend), number(score.clvRevenue), number(score.clv),
                String(score.rfm.recency), String(score.rfm.frequency), String(score.rfm.monetary), score.rfm.segment.rawValue,
                score.valueQuadrant?.rawValue ?? "", CustomerScoring.bandName(score.churn.band),
            ]))
        }
        try file.close()
    }
}
