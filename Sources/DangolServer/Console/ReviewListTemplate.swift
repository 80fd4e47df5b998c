extension ConsoleTemplate {
    /// `GET /reviews`: the queue of likely duplicates, most probable first.
    static let reviewList = ConsoleTemplate(name: "reviews", source: """
    {{<layout}}{{$main}}{{#page}}
    <div class="page-head"><h1>{{t.reviews_title}}</h1></div>
    <p class="help">{{t.reviews_intro}}</p>
    {{#hasRows}}
    <div class="table-scroll" role="region" aria-labelledby="reviews-caption" tabindex="0">
      <table class="data-table">
        <caption id="reviews-caption" class="visually-hidden">{{t.reviews_caption}}</caption>
        <thead><tr><th scope="col">{{t.col_pair}}</th><th scope="col">{{t.col_probability}}</th><th scope="col">{{t.col_origin}}</th><th scope="col">{{t.col_found}}</th><th scope="col"><span class="visually-hidden">{{t.review_open}}</span></th></tr></thead>
        <tbody>
          {{#rows}}
          <tr>
            <th scope="row">{{leftName}} ↔ {{rightName}}</th>
            <td class="nowrap">{{rowProbability}}</td>
            <td>{{rowOrigin}}</td>
            <td class="nowrap">{{rowFound}}</td>
            <td><a class="button" href="{{rowURL}}">{{t.review_open}}</a></td>
          </tr>
          {{/rows}}
        </tbody>
      </table>
    </div>
    {{/hasRows}}
    {{^hasRows}}
    <div class="empty-state card"><h2>{{t.reviews_empty}}</h2><p>{{t.reviews_emptyHelp}}</p></div>
    {{/hasRows}}
    {{/page}}{{/main}}{{/layout}}
    """)
}
