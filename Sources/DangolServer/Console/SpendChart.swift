import DangolApp

/// The monthly spend chart of the customer page: SVG bars rendered on the server by the `spend-chart` template, one
/// bar per month with the month under it and the amount in its tooltip, scaled to the largest month. A month whose
/// refunds outweigh its purchases (net negative) draws no bar; its tooltip says the figure. The geometry is
/// computed here and the template only places it, so every label goes through Mustache's escaping.
struct SpendChart: Sendable {
    /// One bar.
    struct Bar: Sendable {
        var barX: String; var barY: String; var barWidth: String; var barHeight: String
        var labelX: String; var barLabel: String; var barTitle: String
    }

    static let width = 640
    static let height = 200
    private static let top = 24
    private static let bottom = 28
    private static let left = 8

    var chartTitle: String
    var chartWidth = SpendChart.width
    var chartHeight = SpendChart.height
    var axisY = SpendChart.height - SpendChart.bottom
    var axisStart = SpendChart.left
    var axisEnd = SpendChart.width - SpendChart.left
    var labelY = SpendChart.height - SpendChart.bottom + 16
    var bars: [Bar]
    var peakText: String?

    /// The chart for the currency with the most spend, or nil when no month has any.
    init?(_ months: [MonthlySpend], strings: ConsoleStrings) {
        let totals = Dictionary(grouping: months, by: \.currency).mapValues { $0.reduce(Int64(0)) { $0 + max(0, $1.amountMinor) } }
        guard let currency = totals.filter({ $0.value > 0 }).max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return nil }
        let shown = months.filter { $0.currency == currency }
        let peak = max(1, shown.map(\.amountMinor).max() ?? 1)
        let slot = Double(Self.width - 2 * Self.left) / Double(shown.count)
        let barWidth = slot * 0.64
        let plotHeight = Double(Self.height - Self.top - Self.bottom)
        chartTitle = strings["chart_monthlySpend"] + " (\(currency))"
        bars = shown.enumerated().map { index, month in
            let x = Double(Self.left) + slot * Double(index) + (slot - barWidth) / 2
            let barHeight = month.amountMinor > 0 ? max(1, plotHeight * Double(month.amountMinor) / Double(peak)) : 0
            let label = Self.monthLabel(month, strings: strings)
            return Bar(barX: Self.format(x), barY: Self.format(Double(Self.height - Self.bottom) - barHeight),
                       barWidth: Self.format(barWidth), barHeight: Self.format(barHeight), labelX: Self.format(x + barWidth / 2),
                       barLabel: label, barTitle: "\(label): \(ConsoleFormat.number(month.amountMinor)) \(currency)")
        }
        peakText = strings["chart_peak"] + " " + ConsoleFormat.number(peak) + " " + currency
    }

    /// `5월` in Korean, `May` in English; January also names the year, so a 12-month axis reads across the new year.
    static func monthLabel(_ month: MonthlySpend, strings: ConsoleStrings) -> String {
        let english = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let name = strings.language == .ko ? "\(month.month)월" : english[(month.month - 1) % 12]
        return month.month == 1 ? "\(name) ’\(String(format2: month.year % 100))" : name
    }

    private static func format(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }
}

private extension String {
    /// Two digits, zero-padded.
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}

extension ConsoleTemplate {
    /// The monthly spend chart (rendered in a `SpendChart` context): an SVG with a title for screen readers and a
    /// tooltip per bar.
    static let spendChart = ConsoleTemplate(name: "spend-chart", source: """
    <figure class="chart-figure">
    <svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{chartWidth}} {{chartHeight}}" role="img" aria-labelledby="spend-chart-title">
    <title id="spend-chart-title">{{chartTitle}}</title>
    <line class="chart-axis" x1="{{axisStart}}" y1="{{axisY}}" x2="{{axisEnd}}" y2="{{axisY}}"/>
    {{#bars}}<g><title>{{barTitle}}</title><rect class="chart-bar" x="{{barX}}" y="{{barY}}" width="{{barWidth}}" height="{{barHeight}}"/><text class="chart-label" x="{{labelX}}" y="{{labelY}}" text-anchor="middle">{{barLabel}}</text></g>
    {{/bars}}
    {{#peakText}}<text class="chart-note" x="{{axisEnd}}" y="14" text-anchor="end">{{.}}</text>{{/peakText}}
    </svg>
    <figcaption>{{chartTitle}}</figcaption>
    </figure>
    """)
}
