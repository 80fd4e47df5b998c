import DangolApp
import DangolCore
import DangolStore

/// `GET /analytics/lookalikes`: the prospects and leads most like a value quadrant's customers (the most valuable by
/// default), with their similarity and what makes them alike. Rows come masked per viewer from `LookalikeService`
/// (through the customer list's masking and audit path).
struct LookalikePage: Sendable {
    /// One candidate row.
    struct Row: Sendable {
        var rowURL: String; var rowName: String; var rowMasked: Bool; var rowStage: String; var rowStageLabel: String
        var rowSimilarity: String; var rowFeatures: String; var rowEarly: String
    }

    var seedField: SelectField
    var stageField: SelectField
    var earlyDaysField: FormField
    var facts: [AnalyticsPage.Fact] = []
    var profile: String?
    var rows: [Row] = []
    var hasRows = false
    /// Why there is nothing to show (empty seed), when that is the case.
    var notice: String?

    static let seeds = ["most_valuable", "growable", "maintain", "below_cost"]
    static let stageChoices = ["both", "prospect", "lead"]

    init(seed: String, stages: String, earlyDays: Int, strings: ConsoleStrings) {
        seedField = SelectField(id: "seed", label: strings["lookalike_seed"],
                                options: FormOption.list(Self.seeds.map { ($0, strings["quadrant_" + $0]) }, selected: seed))
        stageField = SelectField(id: "stages", label: strings["lookalike_stages"], options: FormOption.list([
            ("both", strings["lookalike_stagesBoth"]), ("prospect", strings.stage(.prospect)), ("lead", strings.stage(.lead)),
        ], selected: stages))
        earlyDaysField = FormField(id: "earlyDays", label: strings["lookalike_earlyDays"], value: String(earlyDays), type: "number",
                                   inputMode: "numeric", maxLength: 4)
    }

    /// Fills the page from a search's result.
    mutating func add(_ result: LookalikeResult, strings: ConsoleStrings) {
        facts = [
            AnalyticsPage.Fact(factLabel: strings["lookalike_seedSize"], factValue: ConsoleFormat.number(Int64(result.seedSize))),
            AnalyticsPage.Fact(factLabel: strings["lookalike_scored"], factValue: ConsoleFormat.number(Int64(result.candidatesScored))
                + (result.candidatesCapped ? " " + strings["lookalike_capped"] : "")),
        ]
        profile = result.seedProfile.isEmpty ? nil
            : result.seedProfile.map { Self.describe($0, strings: strings) + " (+" + String(((($0.standardScore ?? 0) * 10).rounded() / 10)) + "σ)" }
                .joined(separator: " · ")
        rows = result.items.map { match in
            let customer = match.customer
            return Row(rowURL: "/customers/" + customer.id.rawValue, rowName: customer.displayName, rowMasked: customer.masked,
                       rowStage: customer.lifecycleStage.rawValue, rowStageLabel: strings.stage(customer.lifecycleStage),
                       rowSimilarity: String((match.similarity * 100).rounded() / 100),
                       rowFeatures: match.features.map { Self.describe($0, strings: strings) }.joined(separator: " · "),
                       rowEarly: ConsoleFormat.number(Int64(match.early.purchases)) + " · " + ConsoleFormat.number(Int64(match.early.contacts)))
        }
        hasRows = !rows.isEmpty
        if !hasRows { notice = strings["lookalike_empty"] }
    }

    /// A feature in the page's language: `태그: VIP`, `연령대: 30대`, `초기 구매 횟수`.
    static func describe(_ feature: LookalikeResult.Feature, strings: ConsoleStrings) -> String {
        let family = strings["feature_" + feature.family]
        switch feature.family {
        case "kind": return family + ": " + (feature.value.flatMap { CustomerKind(rawValue: $0) }.map(strings.kind) ?? feature.value ?? "")
        case "age_band": return family + ": " + (feature.value ?? "") + strings["feature_ageSuffix"]
        case "email_domain": return family + ": " + strings["feature_email_" + (feature.value ?? "none")]
        case "attribute": return (feature.key ?? family) + ": " + (feature.value ?? "")
        case "number": return family + ": " + (feature.key ?? "")
        default: return feature.value.map { family + ": " + $0 } ?? family
        }
    }
}

extension ConsoleTemplate {
    /// `GET /analytics/lookalikes`.
    static let lookalikes = ConsoleTemplate(name: "lookalikes", source: """
    {{<layout}}{{$main}}{{#page}}
    <p class="breadcrumb"><a href="/analytics">{{t.analytics_title}}</a></p>
    <div class="page-head"><h1>{{t.lookalike_title}}</h1></div>
    <p class="help">{{t.lookalike_intro}}</p>
    <form class="filters card" method="get" action="/analytics/lookalikes">
      {{#seedField}}{{>select-field}}{{/seedField}}
      {{#stageField}}{{>select-field}}{{/stageField}}
      {{#earlyDaysField}}{{>text-field}}{{/earlyDaysField}}
      <div class="filter-actions"><button type="submit" class="button">{{t.lookalike_show}}</button></div>
    </form>
    {{#notice}}<p class="notice" role="status">{{.}}</p>{{/notice}}
    <section class="card" aria-labelledby="lookalike-heading">
      <h2 id="lookalike-heading">{{t.lookalike_title}}</h2>
      <dl class="facts">{{#facts}}<div><dt>{{factLabel}}</dt><dd>{{factValue}}</dd></div>{{/facts}}</dl>
      {{#profile}}<p><strong>{{t.lookalike_profile}}:</strong> {{.}}</p>{{/profile}}
      {{#hasRows}}
      <div class="table-scroll" role="region" aria-labelledby="lookalike-heading" tabindex="0">
      <table class="data-table">
        <thead><tr><th scope="col">{{t.col_name}}</th><th scope="col">{{t.col_stage}}</th><th scope="col" class="numeric">{{t.lookalike_similarity}}</th><th scope="col">{{t.lookalike_features}}</th><th scope="col" class="numeric">{{t.lookalike_early}}</th></tr></thead>
        <tbody>{{#rows}}<tr><th scope="row"><a href="{{rowURL}}"{{#rowMasked}} class="masked"{{/rowMasked}}>{{rowName}}</a></th><td><span class="badge badge-{{rowStage}}">{{rowStageLabel}}</span></td><td class="numeric">{{rowSimilarity}}</td><td>{{rowFeatures}}</td><td class="numeric">{{rowEarly}}</td></tr>{{/rows}}</tbody>
      </table>
      </div>
      {{/hasRows}}
      <p class="help">{{t.lookalike_method}}</p>
    </section>
    {{/page}}{{/main}}{{/layout}}
    """)
}
