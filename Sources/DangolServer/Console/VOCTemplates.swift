extension ConsoleTemplate {
    /// `GET /voc`: the board, a column per status; overdue cards are marked in words as well as colour.
    static let vocBoard = ConsoleTemplate(name: "voc-board", source: """
    {{<layout}}{{$main}}{{#page}}
    <div class="page-head"><h1>{{t.voc_boardTitle}}</h1></div>
    <p class="help">{{t.voc_boardHelp}}{{#hasOverdue}} <strong class="overdue-flag">{{t.voc_overdue}}: {{overdueCount}}</strong>{{/hasOverdue}}</p>
    <div class="board">
    {{#columns}}
      <section class="board-column" aria-labelledby="{{columnID}}">
        <h2 id="{{columnID}}">{{columnTitle}} <span class="count">{{columnCount}}</span></h2>
        {{#columnEmpty}}<p class="muted">{{t.voc_columnEmpty}}</p>{{/columnEmpty}}
        <ul class="board-cards">
        {{#cards}}
          <li class="board-card{{#cardOverdue}} case-overdue{{/cardOverdue}}">
            <a class="card-title" href="{{cardURL}}">{{cardSubject}}</a>
            <p class="muted">{{cardKind}} · <span class="severity severity-{{cardSeverityCode}}">{{cardSeverity}}</span></p>
            <p class="muted">{{t.voc_owner}}: {{cardOwner}} · <a href="{{cardCustomerURL}}">{{t.voc_customer}}</a></p>
            <p>{{t.voc_due}} {{cardDue}}{{#cardOverdue}} <strong class="overdue-flag">{{t.voc_overdue}}</strong>{{/cardOverdue}}{{#cardEscalated}} <span class="tag">{{t.voc_escalated}}</span>{{/cardEscalated}}</p>
          </li>
        {{/cards}}
        </ul>
      </section>
    {{/columns}}
    </div>
    {{/page}}{{/main}}{{/layout}}
    """)

    /// `GET /voc/{id}`: a case, its history and the status form.
    static let vocCase = ConsoleTemplate(name: "voc-case", source: """
    {{<layout}}{{$main}}{{#page}}
    <p class="breadcrumb"><a href="/voc">{{t.voc_boardTitle}}</a> · <a href="{{customerURL}}">{{t.voc_customer}}</a></p>
    <div class="page-head">
      <h1>{{caseSubject}} <span class="status status-{{statusCode}}">{{statusLabel}}</span>{{#overdue}} <strong class="overdue-flag">{{t.voc_overdue}}</strong>{{/overdue}}</h1>
    </div>
    <div class="customer-layout">
    <div class="customer-main stack">
      <section class="card" aria-labelledby="case-heading">
        <h2 id="case-heading">{{t.voc_caseTitle}}</h2>
        <dl class="facts">{{#facts}}<div><dt>{{factLabel}}</dt><dd>{{factValue}}</dd></div>{{/facts}}</dl>
        {{#caseDescription}}<p class="case-description">{{.}}</p>{{/caseDescription}}
      </section>
      <section class="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{{t.voc_history}}</h2>
        <table class="data-table">
          <thead><tr><th scope="col">{{t.col_when}}</th><th scope="col">{{t.col_from}}</th><th scope="col">{{t.col_to}}</th><th scope="col">{{t.col_who}}</th><th scope="col">{{t.voc_note}}</th></tr></thead>
          <tbody>{{#steps}}<tr><td class="nowrap">{{stepWhen}}</td><td>{{stepFrom}}</td><td>{{stepTo}}</td><td>{{stepWho}}</td><td>{{stepNote}}</td></tr>{{/steps}}</tbody>
        </table>
      </section>
    </div>
    {{#canAct}}
    <aside class="customer-actions stack" aria-label="{{t.customer_actions}}">
      <section class="card" aria-labelledby="transition-heading">
        <h2 id="transition-heading">{{t.voc_transitionTitle}}</h2>
        {{#errors}}<p class="field-error" role="alert">{{.}}</p>{{/errors}}
        {{#hasNext}}
        <form method="post" action="/voc/{{caseID}}/transition" class="stack">
          <input type="hidden" name="csrf" value="{{chrome.csrf}}">
          {{#toField}}{{>select-field}}{{/toField}}
          {{#ownerField}}{{>select-field}}{{/ownerField}}
          {{#noteField}}{{>text-area}}{{/noteField}}
          {{#resolutionField}}{{>text-area}}{{/resolutionField}}
          <button type="submit" class="button button-primary">{{t.voc_transitionSubmit}}</button>
        </form>
        {{/hasNext}}
      </section>
    </aside>
    {{/canAct}}
    </div>
    {{/page}}{{/main}}{{/layout}}
    """)

    /// `GET /products`: the catalogue, a page at a time.
    static let productList = ConsoleTemplate(name: "product-list", source: """
    {{<layout}}{{$main}}{{#page}}
    <div class="page-head"><h1>{{t.products_title}}{{#categoryPath}} <span class="subtitle">{{.}}</span>{{/categoryPath}}</h1></div>
    {{#hasCategories}}
    <nav class="category-tree card" aria-label="{{t.products_categories}}">
      <h2>{{t.products_categories}} <a class="category-all" href="/products"{{#allCategories}} aria-current="page"{{/allCategories}}>{{t.products_allCategories}}</a></h2>
      <ul class="category-groups">
        {{#categoryGroups}}<li>{{#top}}<a class="category-top" href="{{categoryURL}}"{{#categoryCurrent}} aria-current="page"{{/categoryCurrent}}>{{categoryName}}</a> <span class="count">{{categoryProducts}}</span>{{/top}}
          {{#hasChildren}}<ul class="category-children">{{#children}}<li class="category-depth-{{categoryDepth}}"><a href="{{categoryURL}}"{{#categoryCurrent}} aria-current="page"{{/categoryCurrent}}>{{categoryName}}</a> <span class="count">{{categoryProducts}}</span></li>{{/children}}</ul>{{/hasChildren}}
        </li>{{/categoryGroups}}
      </ul>
    </nav>
    {{/hasCategories}}
    {{#hasProducts}}
    <div class="table-scroll" role="region" aria-label="{{t.products_title}}" tabindex="0">
    <table class="data-table">
      <thead><tr><th scope="col">{{t.col_sku}}</th><th scope="col">{{t.col_product}}</th><th scope="col">{{t.col_category}}</th><th scope="col" class="numeric">{{t.col_listPrice}}</th><th scope="col" class="numeric">{{t.col_unitCost}}</th><th scope="col" class="numeric">{{t.col_margin}}</th></tr></thead>
      <tbody>{{#rows}}<tr><td class="nowrap">{{productSKU}}</td><td>{{productName}}</td><td>{{productCategory}}</td><td class="numeric">{{productPrice}}</td><td class="numeric">{{productCost}}</td><td class="numeric">{{productMargin}}</td></tr>{{/rows}}</tbody>
    </table>
    </div>
    {{#nextURL}}<p class="pager"><a class="button" href="{{.}}" rel="next">{{t.products_next}}</a></p>{{/nextURL}}
    {{/hasProducts}}
    {{^hasProducts}}<p class="empty-state">{{#categoryPath}}{{t.products_emptyCategory}}{{/categoryPath}}{{^categoryPath}}{{t.products_empty}}{{/categoryPath}}</p>{{/hasProducts}}
    {{/page}}{{/main}}{{/layout}}
    """)
}
