import DangolAnalytics
import DangolApp
import DangolCore

/// `GET /analytics`: the latest refresh — business facts and fitted models, the Lorenz curve with the business type,
/// the value matrix (with a link to the lookalikes of the most valuable), RFM segments, churn bands, the CLV
/// distribution and customer equity over time. Every cell and bar links to the customer list filtered to it.
struct AnalyticsPage: Sendable {
    struct Fact: Sendable { var factLabel: String; var factValue: String }
    struct Cell: Sendable { var cellLabel: String; var cellHint: String; var cellCount: String; var cellURL: String; var cellClass: String }
    /// A horizontal bar of a bar chart (SVG geometry) that links to its customers.
    struct Bar: Sendable {
        var barLabel: String; var barCount: String; var barURL: String; var barY: String; var barWidth: String; var textY: String
        var countX: String
    }
    struct BarChart: Sendable {
        var chartID: String; var chartTitle: String; var chartHeight: Int; var bars: [Bar]
        var labelWidth = 150
        var chartWidth = 560
    }

    var hasRun: Bool
    var facts: [Fact] = []
    var modelFacts: [Fact] = []
    var fallbacks: [String] = []
    var lorenz: LorenzChart?
    var topShares: [Fact] = []
    var matrix: [Cell] = []
    var matrixNote = ""
    var rfm: BarChart?
    var churn: BarChart?
    var clv: BarChart?
    var equity: EquityChart?

    /// The page before any refresh.
    static let empty = AnalyticsPage(hasRun: false)

    private init(hasRun: Bool) { self.hasRun = hasRun }

    init(summary: AnalyticsQueryService.Summary, clvBands: [(lowerBound: Double, customers: Int)],
         equityHistory: AnalyticsQueryService.EquityHistory, strings: ConsoleStrings) {
        hasRun = true
        equity = EquityChart(history: equityHistory, strings: strings)
        let report = summary.report
        func number(_ value: Double) -> String { ConsoleFormat.number(Int64(value.rounded())) }
        func percent(_ share: Double) -> String { String(Int((share * 100).rounded())) + "%" }
        facts = [
            Fact(factLabel: strings["analytics_runAt"], factValue: ConsoleFormat.time(summary.finishedAt ?? summary.startedAt) + " · " + summary.trigger),
            Fact(factLabel: strings["analytics_customers"], factValue: ConsoleFormat.number(Int64(report.customers))),
            Fact(factLabel: strings["analytics_repeatBuyers"], factValue: ConsoleFormat.number(Int64(report.repeatBuyers))),
            Fact(factLabel: strings["analytics_equity"] + " (\(report.currency))", factValue: report.equity.map(number) ?? "—"),
            Fact(factLabel: strings["analytics_horizon"], factValue: "\(report.horizonDays) " + strings["analytics_days"]
                 + " · CLV \(report.clvMonths) " + strings["analytics_months"] + " · " + String(format2: report.annualDiscountRate * 100) + "%/" + strings["analytics_year"]),
        ]
        if let pareto = report.paretoRevenue {
            facts.append(Fact(factLabel: strings["analytics_businessType"], factValue: pareto.businessType.rawValue + " · Gini " + String(format2: pareto.gini)))
            topShares = pareto.topShares.map { Fact(factLabel: strings["analytics_top"] + " " + percent($0.customerShare), factValue: percent($0.valueShare)) }
        }
        if let fit = report.bgnbd {
            let model = fit.model
            modelFacts.append(Fact(factLabel: "BG/NBD (" + strings["analytics_days"] + ")",
                                   factValue: "r \(String(format4: model.r)) · α \(String(format4: model.alpha)) · a \(String(format4: model.a)) · b \(String(format4: model.b))"))
        }
        if let fit = report.gammaGamma {
            modelFacts.append(Fact(factLabel: "Gamma–Gamma",
                                   factValue: "p \(String(format4: fit.model.p)) · q \(String(format4: fit.model.q)) · γ \(String(format4: fit.model.gamma))"))
        }
        fallbacks = report.fallbacks
        lorenz = LorenzChart(revenue: report.paretoRevenue, margin: report.paretoMargin, strings: strings)

        let counts = report.valueMatrix?.counts ?? [:]
        // Future value up, current value right: most valuable top right, below cost bottom left.
        matrix = [("growable", "matrix-growable"), ("most_valuable", "matrix-best"), ("below_cost", "matrix-low"), ("maintain", "matrix-maintain")].map {
            Cell(cellLabel: strings["quadrant_" + $0.0], cellHint: strings["quadrantHint_" + $0.0], cellCount: ConsoleFormat.number(Int64(counts[$0.0] ?? 0)),
                 cellURL: ConsoleForm.url("/customers", [("valueQuadrant", $0.0)]), cellClass: $0.1)
        }
        matrixNote = report.valueMatrix == nil ? strings["analytics_noMatrix"] : strings["analytics_matrixNote"]

        let segments = ["champions", "loyal", "potential_loyalists", "new", "at_risk", "cant_lose", "hibernating", "lost"]
        rfm = Self.barChart(id: "rfm", title: strings["analytics_rfm"],
                            entries: segments.map { (strings["segment_" + $0], report.rfmSegments[$0] ?? 0, ConsoleForm.url("/customers", [("segment", $0)])) })
        churn = Self.barChart(id: "churn", title: strings["analytics_churn"],
                              entries: ["high", "medium", "low"].map { (strings["churn_" + $0], report.churnBands[$0] ?? 0, ConsoleForm.url("/customers", [("churnBand", $0)])) })
        clv = Self.barChart(id: "clv", title: strings["analytics_clv"] + " (\(report.currency))", entries: clvBands.enumerated().map { index, band in
            let label = index + 1 < clvBands.count ? number(band.lowerBound) + " – " + number(clvBands[index + 1].lowerBound) : "≥ " + number(band.lowerBound)
            return (label, band.customers, ConsoleForm.url("/customers", [("minClv", String(Int64(band.lowerBound)))]))
        })
    }

    /// Horizontal bars scaled to the largest count.
    static func barChart(id: String, title: String, entries: [(label: String, count: Int, url: String)]) -> BarChart {
        let peak = max(1, entries.map(\.count).max() ?? 1)
        let rowHeight = 26
        let plot = 560.0 - 150 - 70
        let bars = entries.enumerated().map { index, entry in
            let width = entry.count > 0 ? max(2, plot * Double(entry.count) / Double(peak)) : 0
            return Bar(barLabel: entry.label, barCount: ConsoleFormat.number(Int64(entry.count)), barURL: entry.url,
                       barY: String(index * rowHeight + 4), barWidth: String((width * 10).rounded() / 10), textY: String(index * rowHeight + 18),
                       countX: String(150 + Int(width) + 6))
        }
        return BarChart(chartID: id, chartTitle: title, chartHeight: entries.count * rowHeight + 8, bars: bars)
    }
}

private extension String {
    init(format2 value: Double) { self = String((value * 100).rounded() / 100) }
    init(format4 value: Double) { self = String((value * 10_000).rounded() / 10_000) }
}
