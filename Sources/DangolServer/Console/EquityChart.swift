import DangolApp
import Foundation

/// Customer equity over time on the analytics page: a table of the latest refreshes with the change of each split
/// into acquisition, value growth and retention loss, and a waterfall of the latest change as SVG geometry for the
/// `equity-chart` template (before → + acquisition → ± growth → − loss → now). Coordinates are computed here; the
/// template only places them, and every label is escaped.
struct EquityChart: Sendable {
    /// One refresh of the table.
    struct Row: Sendable {
        var rowWhen: String; var rowCustomers: String; var rowEquity: String
        var rowHasChange: Bool; var rowAcquisition: String; var rowGrowth: String; var rowLoss: String; var rowNet: String
        var rowNetClass: String
    }

    /// One column of the waterfall.
    struct Step: Sendable {
        var stepLabel: String; var stepValue: String; var stepClass: String
        var stepX: String; var stepY: String; var stepWidth: Int; var stepHeight: String; var labelX: String; var valueY: String
    }

    static let width = 560
    static let height = 230
    private static let top = 24.0, plotHeight = 150.0, column = 84, gap = 24, left = 12

    var rows: [Row]
    var hasRows: Bool
    var chartTitle: String
    var chartWidth = EquityChart.width
    var chartHeight = EquityChart.height
    var labelY = EquityChart.height - 34
    var countY = EquityChart.height - 16
    var baselineY: String
    var steps: [Step]
    /// Whether the latest refresh has a change to draw.
    var hasWaterfall: Bool

    init(history: AnalyticsQueryService.EquityHistory, strings: ConsoleStrings) {
        func money(_ value: Double) -> String { ConsoleFormat.number(Int64(value.rounded())) }
        func signed(_ value: Double) -> String { (value.rounded() > 0 ? "+" : "") + money(value) }
        func people(_ count: Int) -> String {
            " (" + strings["equity_customers"].replacingOccurrences(of: "{n}", with: ConsoleFormat.number(Int64(count))) + ")"
        }
        rows = history.items.map { run in
            let change = run.change
            return Row(rowWhen: ConsoleFormat.time(run.at), rowCustomers: ConsoleFormat.number(Int64(run.customers)),
                       rowEquity: run.equity.map(money) ?? "—", rowHasChange: change != nil,
                       rowAcquisition: change.map { signed($0.acquisition) + people($0.acquiredCustomers) } ?? "",
                       rowGrowth: change.map { signed($0.valueGrowth) + people($0.retainedCustomers) } ?? "",
                       rowLoss: change.map { signed(-$0.retentionLoss) + people($0.lostCustomers) } ?? "",
                       rowNet: change.map { signed($0.net) } ?? "", rowNetClass: (change?.net ?? 0) < 0 ? "amount-down" : "amount-up")
        }
        hasRows = !rows.isEmpty
        chartTitle = strings["equity_chart"] + (history.currency.map { " (\($0))" } ?? "")
        guard let change = history.items.first?.change else {
            baselineY = "0"
            steps = []
            hasWaterfall = false
            return
        }
        // Levels after each step; bars run between consecutive levels (totals from zero).
        let afterAcquisition = change.before + change.acquisition
        let afterGrowth = afterAcquisition + change.valueGrowth
        let afterLoss = afterGrowth - change.retentionLoss
        let spans: [(label: String, from: Double, to: Double, value: String, total: Bool)] = [
            (strings["equity_before"], 0, change.before, money(change.before), true),
            (strings["equity_acquisitionShort"], change.before, afterAcquisition, signed(change.acquisition), false),
            (strings["equity_growthShort"], afterAcquisition, afterGrowth, signed(change.valueGrowth), false),
            (strings["equity_lossShort"], afterGrowth, afterLoss, signed(-change.retentionLoss), false),
            (strings["equity_after"], 0, change.after, money(change.after), true),
        ]
        let levels = spans.flatMap { [$0.from, $0.to] }
        let highest = max(levels.max() ?? 1, 1), lowest = min(levels.min() ?? 0, 0)
        func y(_ value: Double) -> Double { Self.top + (highest - value) / (highest - lowest) * Self.plotHeight }
        baselineY = Self.format(y(0))
        steps = spans.enumerated().map { index, span in
            let x = Self.left + index * (Self.column + Self.gap)
            let upper = y(max(span.from, span.to)), lower = y(min(span.from, span.to))
            let stepClass = span.total ? "chart-total" : span.to >= span.from ? "chart-up" : "chart-down"
            return Step(stepLabel: span.label, stepValue: span.value, stepClass: stepClass, stepX: String(x), stepY: Self.format(upper),
                        stepWidth: Self.column, stepHeight: Self.format(max(1, lower - upper)), labelX: String(x + Self.column / 2),
                        valueY: Self.format(max(12, upper - 6)))
        }
        hasWaterfall = true
    }

    private static func format(_ value: Double) -> String { String((value * 10).rounded() / 10) }
}

extension ConsoleTemplate {
    /// Customer equity over time (rendered in an `EquityChart` context): the waterfall of the latest change, then the
    /// table of refreshes.
    static let equityChart = ConsoleTemplate(name: "equity-chart", source: """
    {{#hasWaterfall}}
    <figure class="chart-figure">
    <svg class="chart chart-wide" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{chartWidth}} {{chartHeight}}" role="img" aria-labelledby="equity-title">
    <title id="equity-title">{{chartTitle}}</title>
    {{#steps}}<g><title>{{stepLabel}}: {{stepValue}}</title>
    <rect class="{{stepClass}}" x="{{stepX}}" y="{{stepY}}" width="{{stepWidth}}" height="{{stepHeight}}"/>
    <text class="chart-label" x="{{labelX}}" y="{{valueY}}" text-anchor="middle">{{stepValue}}</text>
    <text class="chart-label" x="{{labelX}}" y="{{labelY}}" text-anchor="middle">{{stepLabel}}</text></g>
    {{/steps}}
    <line class="chart-axis" x1="0" x2="{{chartWidth}}" y1="{{baselineY}}" y2="{{baselineY}}"/>
    </svg>
    <figcaption>{{chartTitle}}</figcaption>
    </figure>
    {{/hasWaterfall}}
    {{#hasRows}}
    <div class="table-scroll" role="region" aria-labelledby="equity-heading" tabindex="0">
    <table class="data-table">
      <thead><tr><th scope="col">{{t.equity_when}}</th><th scope="col" class="numeric">{{t.analytics_customers}}</th><th scope="col" class="numeric">{{t.equity_total}}</th><th scope="col" class="numeric">{{t.equity_acquisition}}</th><th scope="col" class="numeric">{{t.equity_growth}}</th><th scope="col" class="numeric">{{t.equity_loss}}</th><th scope="col" class="numeric">{{t.equity_net}}</th></tr></thead>
      <tbody>{{#rows}}<tr><td class="nowrap">{{rowWhen}}</td><td class="numeric">{{rowCustomers}}</td><td class="numeric">{{rowEquity}}</td>{{#rowHasChange}}<td class="numeric">{{rowAcquisition}}</td><td class="numeric">{{rowGrowth}}</td><td class="numeric">{{rowLoss}}</td><td class="numeric {{rowNetClass}}">{{rowNet}}</td>{{/rowHasChange}}{{^rowHasChange}}<td colspan="4" class="muted">{{t.equity_empty}}</td>{{/rowHasChange}}</tr>{{/rows}}</tbody>
    </table>
    </div>
    {{/hasRows}}
    """)
}
