extension ConsoleTemplate {
    /// An error page (403, 404, 409, 422, 5xx) with a way back.
    static let errorPage = ConsoleTemplate(name: "error", source: """
    {{<layout}}{{$main}}{{#page}}
    <section class="card error-card" aria-labelledby="error-title">
      <p class="status-code">{{statusCode}}</p>
      <h1 id="error-title">{{errorTitle}}</h1>
      <p>{{errorMessage}}</p>
      {{#hasErrorDetails}}<ul class="error-details">{{#errorDetails}}<li>{{.}}</li>{{/errorDetails}}</ul>{{/hasErrorDetails}}
      <p><a class="button" href="/customers">{{t.error_back}}</a></p>
    </section>
    {{/page}}{{/main}}{{/layout}}
    """)
}
