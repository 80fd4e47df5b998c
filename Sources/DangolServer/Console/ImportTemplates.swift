extension ConsoleTemplate {
    /// `GET /imports`: the upload form (the CSRF field comes before the file, so it is read first) and recent runs.
    static let imports = ConsoleTemplate(name: "imports", source: """
    {{<layout}}{{$main}}{{#page}}
    <div class="page-head"><h1>{{t.import_title}}</h1></div>
    {{#canWrite}}
    <section class="card" aria-labelledby="upload-heading">
      <h2 id="upload-heading">{{t.import_uploadTitle}}</h2>
      <p class="help">{{t.import_help}}</p>
      {{#errorMessage}}<p class="field-error" role="alert">{{.}}</p>{{/errorMessage}}
      <form method="post" action="/imports/transactions" enctype="multipart/form-data" class="stack">
        <input type="hidden" name="csrf" value="{{chrome.csrf}}">
        {{#sourceField}}{{>text-field}}{{/sourceField}}
        <div class="field">
          <label for="import-file">{{t.import_file}} <span class="required">({{t.form_required}})</span></label>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="import-file-help">
          <p class="help" id="import-file-help">{{t.import_fileHelp}}</p>
        </div>
        <button type="submit" class="button button-primary">{{t.import_submit}}</button>
      </form>
    </section>
    {{/canWrite}}
    <section class="card" aria-labelledby="runs-heading">
      <h2 id="runs-heading">{{t.import_recent}}</h2>
      {{#hasRuns}}
      <div class="table-scroll" role="region" aria-labelledby="runs-heading" tabindex="0">
      <table class="data-table">
        <thead><tr><th scope="col">{{t.import_file}}</th><th scope="col">{{t.import_source}}</th><th scope="col">{{t.col_status}}</th><th scope="col" class="numeric">{{t.import_rowsRead}}</th><th scope="col" class="numeric">{{t.import_created}}</th><th scope="col" class="numeric">{{t.import_rejected}}</th><th scope="col">{{t.import_startedAt}}</th></tr></thead>
        <tbody>{{#rows}}<tr><td><a href="{{runURL}}">{{runFile}}</a></td><td>{{runSource}}</td><td><span class="status status-import-{{runStatusCode}}">{{runStatus}}</span></td><td class="numeric">{{runRows}}</td><td class="numeric">{{runCreated}}</td><td class="numeric">{{runRejected}}</td><td class="nowrap">{{runStarted}} · {{runBy}}</td></tr>{{/rows}}</tbody>
      </table>
      </div>
      {{/hasRuns}}
      {{^hasRuns}}<p class="empty-state">{{t.import_none}}</p>{{/hasRuns}}
    </section>
    {{/page}}{{/main}}{{/layout}}
    """)

    /// `GET /imports/{id}`: progress while it runs (the layout adds a refresh), then the outcome and rejected rows.
    static let importRun = ConsoleTemplate(name: "import-run", source: """
    {{<layout}}{{$main}}{{#page}}
    <p class="breadcrumb"><a href="/imports">{{t.import_title}}</a></p>
    <div class="page-head"><h1>{{fileName}} <span class="status status-import-{{statusCode}}">{{statusLabel}}</span></h1></div>
    <section class="card" aria-labelledby="progress-heading">
      <h2 id="progress-heading">{{t.import_progress}}</h2>
      <progress id="import-progress" max="100" value="{{percent}}" aria-describedby="progress-text">{{percent}}%</progress>
      <p id="progress-text">{{percent}}%{{#running}} · {{t.import_runningHelp}}{{/running}}</p>
      <dl class="facts">{{#facts}}<div><dt>{{factLabel}}</dt><dd>{{factValue}}</dd></div>{{/facts}}</dl>
      {{#message}}<div class="alert alert-error" role="alert">{{.}}</div>{{/message}}
    </section>
    <section class="card" aria-labelledby="rejects-heading">
      <h2 id="rejects-heading">{{t.import_rejectsTitle}}</h2>
      {{#rejectsURL}}<p><a class="button" href="{{.}}" download>{{t.import_rejectsDownload}}</a></p>{{/rejectsURL}}
      {{#hasRejects}}
      <div class="table-scroll" role="region" aria-labelledby="rejects-heading" tabindex="0">
      <table class="data-table">
        <thead><tr><th scope="col" class="numeric">{{t.import_line}}</th><th scope="col">{{t.import_reason}}</th></tr></thead>
        <tbody>{{#rejects}}<tr><td class="numeric">{{rejectLine}}</td><td>{{rejectReason}}</td></tr>{{/rejects}}</tbody>
      </table>
      </div>
      {{/hasRejects}}
      {{^hasRejects}}{{^running}}{{^rejectsHidden}}<p class="muted">{{t.import_noRejects}}</p>{{/rejectsHidden}}{{/running}}{{/hasRejects}}
      {{#rejectsHidden}}<p class="muted">{{t.import_rejectsHidden}}</p>{{/rejectsHidden}}
    </section>
    {{/page}}{{/main}}{{/layout}}
    """)
}
