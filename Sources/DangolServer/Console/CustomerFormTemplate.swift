extension ConsoleTemplate {
    /// `GET /customers/new` and a `POST /customers` with errors: the create form, each error next to its input.
    static let customerForm = ConsoleTemplate(name: "customer-form", source: """
    {{<layout}}{{$main}}{{#page}}
    <div class="page-head">
      <h1>{{t.form_newTitle}}</h1>
    </div>
    {{#hasErrors}}
    <div class="alert alert-error" role="alert">
      <p>{{t.form_hasErrors}}</p>
      {{#generalErrors}}<p>{{.}}</p>{{/generalErrors}}
    </div>
    {{/hasErrors}}
    <form class="customer-form stack" method="post" action="/customers" novalidate>
      <input type="hidden" name="csrf" value="{{chrome.csrf}}">
      <section class="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{{t.form_profile}}</h2>
        <fieldset class="field{{#kindError}} field-invalid{{/kindError}}">
          <legend>{{t.form_kind}}</legend>
          <div class="choice-row">
            {{#kindOptions}}<label class="choice" for="{{optionID}}"><input type="radio" id="{{optionID}}" name="kind" value="{{optionValue}}"{{#optionSelected}} checked{{/optionSelected}}> {{optionLabel}}</label>{{/kindOptions}}
          </div>
          {{#kindError}}<p class="field-error">{{.}}</p>{{/kindError}}
        </fieldset>
        <div class="grid">
          {{#displayName}}{{>text-field}}{{/displayName}}
          {{#stage}}{{>select-field}}{{/stage}}
          {{#owner}}{{>select-field}}{{/owner}}
          {{#tags}}{{>text-field}}{{/tags}}
        </div>
      </section>
      <section class="card" aria-labelledby="contact-heading">
        <h2 id="contact-heading">{{t.form_contact}}</h2>
        <div class="grid">
          {{#mobilePhone}}{{>text-field}}{{/mobilePhone}}
          {{#email}}{{>text-field}}{{/email}}
          {{#customerNumber}}{{>text-field}}{{/customerNumber}}
          <div class="org-only">
            {{#brn}}{{>text-field}}{{/brn}}
            <label class="choice" for="brnOverride"><input type="checkbox" id="brnOverride" name="brnOverride" value="1"{{#brnOverride}} checked{{/brnOverride}}> {{t.form_brnOverride}}</label>
          </div>
        </div>
      </section>
      <section class="card" aria-labelledby="consent-heading">
        <h2 id="consent-heading">{{t.form_consents}}</h2>
        <fieldset class="field{{#consentError}} field-invalid{{/consentError}}">
          <legend class="visually-hidden">{{t.form_consents}}</legend>
          <p class="help" id="consents-help">{{t.form_consentsHelp}}</p>
          <div class="choice-list">
            {{#consentOptions}}<label class="choice" for="{{optionID}}"><input type="checkbox" id="{{optionID}}" name="consents" value="{{optionValue}}"{{#optionSelected}} checked{{/optionSelected}}> {{optionLabel}}</label>{{/consentOptions}}
          </div>
          {{#consentError}}<p class="field-error">{{.}}</p>{{/consentError}}
        </fieldset>
        <div class="grid">
          {{#channel}}{{>select-field}}{{/channel}}
          {{#textVersion}}{{>text-field}}{{/textVersion}}
        </div>
      </section>
      <div class="form-actions">
        <button type="submit" class="button button-primary">{{t.form_create}}</button>
        <a class="button button-quiet" href="/customers">{{t.form_cancel}}</a>
      </div>
    </form>
    {{/page}}{{/main}}{{/layout}}
    """)
}
