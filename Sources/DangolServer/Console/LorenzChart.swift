import DangolAnalytics

/// The Lorenz curve of the analytics page as SVG geometry for the `lorenz-chart` template: the curve of revenue
/// (and of margin when known) against the diagonal of perfect equality, with the business type's crossing point
/// marked. Coordinates are computed here; the template only places them, and every label is escaped.
struct LorenzChart: Sendable {
    struct Curve: Sendable { var curvePoints: String; var curveClass: String; var curveLabel: String }

    static let size = 320
    private static let margin = 36

    var chartTitle: String
    var chartSize = LorenzChart.size
    var plotStart = LorenzChart.margin
    var plotEnd = LorenzChart.size - LorenzChart.margin
    var plotSize = LorenzChart.size - 2 * LorenzChart.margin
    var diagonal: String
    var curves: [Curve]
    var crossingX: String
    var crossingY: String
    var crossingLabel: String
    var axisX: String
    var axisY: String
    var labelBelow = LorenzChart.size - 8

    /// Nil when there is no curve to draw.
    init?(revenue: ParetoAnalysis?, margin: ParetoAnalysis?, strings: ConsoleStrings) {
        guard let main = revenue ?? margin else { return nil }
        chartTitle = strings["analytics_lorenz"]
        diagonal = "\(Self.x(0)),\(Self.y(0)) \(Self.x(1)),\(Self.y(1))"
        var curves: [Curve] = []
        if let revenue { curves.append(Curve(curvePoints: Self.points(revenue.lorenzCurve), curveClass: "chart-line", curveLabel: strings["analytics_revenue"])) }
        if let margin { curves.append(Curve(curvePoints: Self.points(margin.lorenzCurve), curveClass: "chart-line chart-line-2", curveLabel: strings["analytics_margin"])) }
        self.curves = curves
        // The crossing: the top f* hold 1 − f*, i.e. the bottom 1 − f* hold f*.
        let f = main.crossingShare
        crossingX = Self.format(Self.x(1 - f))
        crossingY = Self.format(Self.y(f))
        crossingLabel = main.businessType.rawValue
        axisX = strings["analytics_customerShare"]
        axisY = strings["analytics_valueShare"]
    }

    private static var plot: Double { Double(size - 2 * margin) }
    static func x(_ share: Double) -> Double { Double(margin) + plot * min(1, max(0, share)) }
    static func y(_ share: Double) -> Double { Double(size - margin) - plot * min(1, max(0, share)) }

    private static func points(_ curve: [ParetoAnalysis.Point]) -> String {
        curve.map { format(x($0.customerShare)) + "," + format(y($0.valueShare)) }.joined(separator: " ")
    }

    private static func format(_ value: Double) -> String { String((value * 10).rounded() / 10) }
}

extension ConsoleTemplate {
    /// The Lorenz curve (rendered in a `LorenzChart` context).
    static let lorenzChart = ConsoleTemplate(name: "lorenz-chart", source: """
    <figure class="chart-figure">
    <svg class="chart chart-square" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{chartSize}} {{chartSize}}" role="img" aria-labelledby="lorenz-title">
    <title id="lorenz-title">{{chartTitle}}</title>
    <rect class="chart-frame" x="{{plotStart}}" y="{{plotStart}}" width="{{plotSize}}" height="{{plotSize}}"/>
    <polyline class="chart-diagonal" points="{{diagonal}}"/>
    {{#curves}}<polyline class="{{curveClass}}" points="{{curvePoints}}"><title>{{curveLabel}}</title></polyline>
    {{/curves}}
    <circle class="chart-mark" cx="{{crossingX}}" cy="{{crossingY}}" r="5"><title>{{crossingLabel}}</title></circle>
    <text class="chart-note" x="{{crossingX}}" y="{{crossingY}}" dx="8" dy="-8">{{crossingLabel}}</text>
    <text class="chart-label" x="{{plotEnd}}" y="{{labelBelow}}" text-anchor="end">{{axisX}}</text>
    <text class="chart-label" x="{{plotStart}}" y="20">{{axisY}}</text>
    </svg>
    <figcaption>{{chartTitle}}{{#curves}} · <span class="legend {{curveClass}}">{{curveLabel}}</span>{{/curves}}</figcaption>
    </figure>
    """)
}
