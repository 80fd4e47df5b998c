extension ConsoleTemplate {
    /// `GET /reviews/{id}`: two records side by side, the evidence per field, and the decision.
    static let reviewPage = ConsoleTemplate(name: "review", source: """
    {{<layout}}{{$main}}{{#page}}
    <p class="breadcrumb"><a href="/reviews">{{t.review_back}}</a></p>
    <div class="page-head"><h1>{{t.review_title}} <span class="badge">{{statusLabel}}</span></h1></div>
    {{#isMasked}}<p class="notice">{{t.customer_masked}}</p>{{/isMasked}}
    <div class="compare">
      {{#left}}{{>reviewSide}}{{/left}}
      {{#right}}{{>reviewSide}}{{/right}}
    </div>
    <section class="card" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{{t.review_evidence}}</h2>
      <p class="help">{{t.review_evidenceHelp}}</p>
      <div class="table-scroll" role="region" aria-labelledby="evidence-heading" tabindex="0">
      <table class="data-table">
        <thead><tr><th scope="col">{{t.review_field}}</th><th scope="col">{{t.review_level}}</th><th scope="col" class="numeric">{{t.review_weight}}</th></tr></thead>
        <tbody>
          {{#evidence}}<tr class="{{evidenceClass}}"><th scope="row">{{evidenceField}}</th><td>{{evidenceLevel}}</td><td class="numeric">{{evidenceWeight}}</td></tr>{{/evidence}}
        </tbody>
        <tfoot>
          <tr><th scope="row">{{t.review_total}}</th><td></td><td class="numeric">{{totalWeight}}</td></tr>
          <tr><th scope="row">{{t.review_probability}}</th><td></td><td class="numeric"><strong>{{probability}}</strong></td></tr>
        </tfoot>
      </table>
      </div>
    </section>
    {{#isPending}}
    <section class="card" aria-labelledby="decide-heading">
      <h2 id="decide-heading">{{t.review_decide}}</h2>
      <form method="post" action="/reviews/{{reviewID}}/confirm" class="stack">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <fieldset>
          <legend>{{t.review_survivor}}</legend>
          {{#left}}<label><input type="radio" name="survivor" value="{{sideID}}" checked> {{t.review_left}} — {{sideName}}</label>{{/left}}
          {{#right}}<label><input type="radio" name="survivor" value="{{sideID}}"> {{t.review_right}} — {{sideName}}</label>{{/right}}
        </fieldset>
        <button type="submit" class="button button-primary">{{t.review_confirm}}</button>
      </form>
      <form method="post" action="/reviews/{{reviewID}}/reject">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        <button type="submit" class="button">{{t.review_reject}}</button>
        <p class="help">{{t.review_rejectHelp}}</p>
      </form>
    </section>
    {{/isPending}}
    {{^isPending}}
    <p class="notice">{{t.review_decided}} {{#mergedURL}}<a href="{{.}}">{{t.review_merged}}</a>{{/mergedURL}}</p>
    {{/isPending}}
    {{/page}}{{/main}}{{/layout}}
    """)

    /// One record of the pair (a partial of `review`, rendered for `left` and for `right`).
    static let reviewSide = ConsoleTemplate(name: "reviewSide", source: """
      <section class="card" aria-labelledby="{{sideHeadingID}}">
        <h2 id="{{sideHeadingID}}">{{sideLabel}}: <a href="{{sideURL}}">{{sideName}}</a></h2>
        <dl class="facts">
          <div><dt>{{t.col_kind}}</dt><dd>{{sideKind}}</dd></div>
          <div><dt>{{t.col_stage}}</dt><dd><span class="badge badge-{{sideStage}}">{{sideStageLabel}}</span></dd></div>
          <div><dt>{{t.col_tags}}</dt><dd>{{#sideTags}}<span class="tag">{{.}}</span> {{/sideTags}}{{^sideTags}}{{t.customer_none}}{{/sideTags}}</dd></div>
          <div><dt>{{t.customer_created}}</dt><dd>{{sideCreated}}</dd></div>
          {{#sideIdentifiers}}<div><dt>{{identifierType}}</dt><dd class="nowrap{{#identifierMasked}} masked{{/identifierMasked}}">{{identifierValue}}</dd></div>{{/sideIdentifiers}}
        </dl>
      </section>
    """)
}
