extension ConsoleTemplate {
    /// A horizontal bar chart whose bars link to their customers (rendered in an `AnalyticsPage.BarChart` context).
    static let barChart = ConsoleTemplate(name: "bar-chart", source: """
    <svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{chartWidth}} {{chartHeight}}" role="img" aria-labelledby="{{chartID}}-title">
    <title id="{{chartID}}-title">{{chartTitle}}</title>
    {{#bars}}<a href="{{barURL}}"><g class="bar-row"><title>{{barLabel}}: {{barCount}}</title>
    <text class="chart-label" x="0" y="{{textY}}">{{barLabel}}</text>
    <rect class="chart-bar" x="{{labelWidth}}" y="{{barY}}" width="{{barWidth}}" height="18"/>
    <text class="chart-label" x="{{countX}}" y="{{textY}}">{{barCount}}</text></g></a>
    {{/bars}}
    </svg>
    <ul class="visually-hidden">{{#bars}}<li><a href="{{barURL}}">{{barLabel}}: {{barCount}}</a></li>{{/bars}}</ul>
    """)

    /// `GET /analytics`.
    static let analytics = ConsoleTemplate(name: "analytics", source: """
    {{<layout}}{{$main}}{{#page}}
    <div class="page-head"><h1>{{t.analytics_title}}</h1></div>
    {{^hasRun}}<p class="empty-state">{{t.analytics_empty}}</p>{{/hasRun}}
    {{#hasRun}}
    <section class="card" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{{t.analytics_summary}}</h2>
      <dl class="facts">{{#facts}}<div><dt>{{factLabel}}</dt><dd>{{factValue}}</dd></div>{{/facts}}</dl>
      <dl class="facts">{{#modelFacts}}<div><dt>{{factLabel}}</dt><dd>{{factValue}}</dd></div>{{/modelFacts}}</dl>
      {{#fallbacks}}<p class="notice">{{.}}</p>{{/fallbacks}}
    </section>
    <div class="analytics-grid">
      <section class="card" aria-labelledby="pareto-heading">
        <h2 id="pareto-heading">{{t.analytics_pareto}}</h2>
        {{#lorenz}}{{>lorenz-chart}}{{/lorenz}}
        <dl class="facts">{{#topShares}}<div><dt>{{factLabel}}</dt><dd>{{factValue}}</dd></div>{{/topShares}}</dl>
      </section>
      <section class="card" aria-labelledby="matrix-heading">
        <h2 id="matrix-heading">{{t.analytics_matrix}}</h2>
        <p class="help">{{matrixNote}}</p>
        <div class="value-matrix">
          <span class="axis-y">{{t.analytics_futureValue}} ↑</span>
          {{#matrix}}<a class="matrix-cell {{cellClass}}" href="{{cellURL}}"><strong>{{cellLabel}}</strong><span class="matrix-count">{{cellCount}}</span><span class="muted">{{cellHint}}</span></a>{{/matrix}}
          <span class="axis-x">{{t.analytics_currentValue}} →</span>
        </div>
        <p><a href="/analytics/lookalikes?seed=most_valuable">{{t.lookalike_link}}</a></p>
      </section>
    </div>
    <div class="analytics-grid">
      <section class="card" aria-labelledby="rfm-heading">
        <h2 id="rfm-heading">{{t.analytics_rfm}}</h2>
        {{#rfm}}{{>bar-chart}}{{/rfm}}
      </section>
      <section class="card" aria-labelledby="clv-heading">
        <h2 id="clv-heading">{{t.analytics_clv}}</h2>
        {{#clv}}{{>bar-chart}}{{/clv}}
        <h3>{{t.analytics_churn}}</h3>
        {{#churn}}{{>bar-chart}}{{/churn}}
      </section>
    </div>
    <div class="analytics-grid">
      <section class="card" aria-labelledby="equity-heading">
        <h2 id="equity-heading">{{t.equity_title}}</h2>
        <p class="help">{{t.equity_help}}</p>
        {{#equity}}{{>equity-chart}}{{/equity}}
      </section>
    </div>
    {{/hasRun}}
    {{/page}}{{/main}}{{/layout}}
    """)
}
