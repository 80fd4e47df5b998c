extension ConsoleTemplate {
    /// `GET /customers/{id}/edit`: name, tags and owner, each error next to its input.
    static let customerEdit = ConsoleTemplate(name: "customer-edit", source: """
    {{<layout}}{{$main}}{{#page}}
    <p class="breadcrumb"><a href="/customers/{{customerID}}">← {{customerName}}</a></p>
    <div class="page-head"><h1>{{t.form_editTitle}}</h1></div>
    {{#hasErrors}}
    <div class="alert alert-error" role="alert">
      <p>{{t.form_hasErrors}}</p>
      {{#generalErrors}}<p>{{.}}</p>{{/generalErrors}}
    </div>
    {{/hasErrors}}
    <form class="card stack" method="post" action="/customers/{{customerID}}" novalidate>
      <input type="hidden" name="csrf" value="{{chrome.csrf}}">
      <div class="grid">
        {{#displayName}}{{>text-field}}{{/displayName}}
        {{#owner}}{{>select-field}}{{/owner}}
        {{#tags}}{{>text-field}}{{/tags}}
      </div>
      <div class="form-actions">
        <button type="submit" class="button button-primary">{{t.form_save}}</button>
        <a class="button button-quiet" href="/customers/{{customerID}}">{{t.form_cancel}}</a>
      </div>
    </form>
    {{/page}}{{/main}}{{/layout}}
    """)
}
