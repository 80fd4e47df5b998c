extension ConsoleTemplate {
    /// `GET /customers`: one search box, a stage filter, the table, cursor paging and the empty states.
    static let customerList = ConsoleTemplate(name: "customers", source: """
    {{<layout}}{{$main}}{{#page}}
    <div class="page-head">
      <h1>{{t.list_title}}</h1>
      {{#chrome.canWrite}}<a class="button button-primary" href="/customers/new">{{t.nav_newCustomer}}</a>{{/chrome.canWrite}}
    </div>
    {{#scoreFilterLabel}}<p class="notice" role="status">{{.}} · <a href="/customers">{{t.list_reset}}</a></p>{{/scoreFilterLabel}}
    <form class="filters card" method="get" action="/customers" role="search">
      {{#scoreFields}}<input type="hidden" name="{{optionLabel}}" value="{{optionValue}}">{{/scoreFields}}
      <div class="field field-grow">
        <label for="q">{{t.list_search}}</label>
        <input id="q" name="q" type="search" value="{{search}}" maxlength="100" aria-describedby="q-help">
        <p class="help" id="q-help">{{t.list_searchHelp}}</p>
      </div>
      <div class="field">
        <label for="stage">{{t.list_stage}}</label>
        <select id="stage" name="stage">
          {{#stageOptions}}<option value="{{optionValue}}"{{#optionSelected}} selected{{/optionSelected}}>{{optionLabel}}</option>{{/stageOptions}}
        </select>
      </div>
      <div class="filter-actions">
        <button type="submit" class="button">{{t.list_apply}}</button>
        {{#isFiltered}}<a class="button button-quiet" href="/customers">{{t.list_reset}}</a>{{/isFiltered}}
      </div>
    </form>
    {{#hasRows}}
    <div class="table-scroll" role="region" aria-labelledby="list-caption" tabindex="0">
      <table class="data-table">
        <caption id="list-caption" class="visually-hidden">{{t.list_caption}}</caption>
        <thead>
          <tr>
            <th scope="col">{{t.col_name}}</th><th scope="col">{{t.col_kind}}</th><th scope="col">{{t.col_stage}}</th>
            <th scope="col">{{t.col_phone}}</th><th scope="col">{{t.col_email}}</th><th scope="col">{{t.col_tags}}</th>
            <th scope="col">{{t.col_owner}}</th>
          </tr>
        </thead>
        <tbody>
          {{#rows}}
          <tr>
            <th scope="row"><a href="{{rowURL}}">{{rowName}}</a></th>
            <td>{{rowKind}}</td>
            <td><span class="badge badge-{{rowStage}}">{{rowStageLabel}}</span></td>
            <td class="nowrap">{{rowPhone}}</td>
            <td>{{rowEmail}}</td>
            <td>{{#rowTags}}<span class="tag">{{.}}</span> {{/rowTags}}</td>
            <td>{{rowOwner}}</td>
          </tr>
          {{/rows}}
        </tbody>
      </table>
    </div>
    <nav class="pager" aria-label="{{t.list_title}}">
      {{#firstURL}}<a class="button button-quiet" href="{{.}}">{{t.list_first}}</a>{{/firstURL}}
      {{#nextURL}}<a class="button" rel="next" href="{{.}}">{{t.list_next}}</a>{{/nextURL}}
    </nav>
    {{/hasRows}}
    {{^hasRows}}
    <div class="empty-state card">
      {{#isFiltered}}
      <h2>{{t.list_noMatch}}</h2>
      <p>{{t.list_noMatchHelp}}</p>
      <p><a class="button" href="/customers">{{t.list_reset}}</a></p>
      {{/isFiltered}}
      {{^isFiltered}}
      <h2>{{t.list_empty}}</h2>
      <p>{{t.list_emptyHelp}}</p>
      {{#chrome.canWrite}}<p><a class="button button-primary" href="/customers/new">{{t.list_emptyAction}}</a></p>{{/chrome.canWrite}}
      {{/isFiltered}}
    </div>
    {{/hasRows}}
    {{/page}}{{/main}}{{/layout}}
    """)
}
