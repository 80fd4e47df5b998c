extension ConsoleTemplate {
    /// The page frame: header with product name, navigation, user and role, logout, language switch; the flash
    /// message; the page's `main` block.
    static let layout = ConsoleTemplate(name: "layout", source: """
    <!DOCTYPE html>
    <html lang="{{chrome.lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · {{t.app_name}}</title>
    <link rel="stylesheet" href="/console.css">
    {{#page.refreshSeconds}}<meta http-equiv="refresh" content="{{.}}">{{/page.refreshSeconds}}
    </head>
    <body>
    <a class="skip-link" href="#main">{{t.nav_skip}}</a>
    <header class="site-header">
      <div class="site-header-inner">
        <a class="brand" href="/customers"><span class="brand-mark" aria-hidden="true">단골</span> <span class="brand-name">Dangol</span></a>
        {{#chrome.user}}
        <nav class="main-nav" aria-label="{{t.nav_main}}">
          <ul>
            <li><a href="/customers"{{#chrome.navCustomers}} aria-current="page"{{/chrome.navCustomers}}>{{t.nav_customers}}</a></li>
            {{#chrome.canWrite}}<li><a href="/customers/new"{{#chrome.navNewCustomer}} aria-current="page"{{/chrome.navNewCustomer}}>{{t.nav_newCustomer}}</a></li>{{/chrome.canWrite}}
            {{#chrome.canReview}}<li><a href="/reviews"{{#chrome.navReviews}} aria-current="page"{{/chrome.navReviews}}>{{t.nav_reviews}}</a></li>{{/chrome.canReview}}
            <li><a href="/voc"{{#chrome.navVOC}} aria-current="page"{{/chrome.navVOC}}>{{t.nav_voc}}</a></li>
            <li><a href="/products"{{#chrome.navProducts}} aria-current="page"{{/chrome.navProducts}}>{{t.nav_products}}</a></li>
            {{#chrome.canAnalyse}}<li><a href="/analytics"{{#chrome.navAnalytics}} aria-current="page"{{/chrome.navAnalytics}}>{{t.nav_analytics}}</a></li>{{/chrome.canAnalyse}}
            <li><a href="/imports"{{#chrome.navImports}} aria-current="page"{{/chrome.navImports}}>{{t.nav_imports}}</a></li>
          </ul>
        </nav>
        {{/chrome.user}}
        <div class="header-tools">
          <a class="lang-switch" href="{{chrome.switchURL}}" hreflang="{{chrome.switchLang}}" lang="{{chrome.switchLang}}"><span class="visually-hidden">{{t.nav_language}}: </span>{{chrome.switchLabel}}</a>
          {{#chrome.user}}
          <span class="current-user"><span class="visually-hidden">{{t.nav_signedInAs}} </span>{{userName}} <span class="role-badge">{{roleLabel}}</span></span>
          <form class="inline-form" method="post" action="/logout">
            <input type="hidden" name="csrf" value="{{chrome.csrf}}">
            <button type="submit" class="button button-quiet">{{t.nav_logout}}</button>
          </form>
          {{/chrome.user}}
        </div>
      </div>
    </header>
    <main id="main" class="page" tabindex="-1">
    {{#chrome.flash}}<div class="flash" role="status">{{.}}</div>{{/chrome.flash}}
    {{$main}}{{/main}}
    </main>
    <footer class="site-footer"><p>{{t.footer_note}}</p></footer>
    </body>
    </html>
    """)

    /// A labelled text input with its help text and its error right below it (rendered in a `FormField` context).
    static let textField = ConsoleTemplate(name: "text-field", source: """
    <div class="field{{#inputInvalid}} field-invalid{{/inputInvalid}}">
      <label for="{{inputID}}">{{inputLabel}}{{#inputRequired}} <span class="required">({{t.form_required}})</span>{{/inputRequired}}</label>
      <input id="{{inputID}}" name="{{inputName}}" type="{{inputType}}" value="{{inputValue}}" autocomplete="{{inputAutocomplete}}" maxlength="{{inputMaxLength}}"{{#inputMode}} inputmode="{{.}}"{{/inputMode}}{{#inputRequired}} required{{/inputRequired}}{{#inputInvalid}} aria-invalid="true"{{/inputInvalid}}{{#inputDescribedBy}} aria-describedby="{{.}}"{{/inputDescribedBy}}>
      {{#inputHelp}}<p class="help" id="{{inputID}}-help">{{.}}</p>{{/inputHelp}}
      {{#inputError}}<p class="field-error" id="{{inputID}}-error">{{.}}</p>{{/inputError}}
      {{^inputError}}{{#inputConflictID}}<p class="field-error" id="{{inputID}}-error">{{t.form_conflictBefore}}<a href="/customers/{{.}}">{{.}}</a>{{t.form_conflictAfter}}</p>{{/inputConflictID}}{{/inputError}}
    </div>
    """)

    /// A labelled multi-line text input with its help and error (rendered in a `FormField` context).
    static let textArea = ConsoleTemplate(name: "text-area", source: """
    <div class="field{{#inputInvalid}} field-invalid{{/inputInvalid}}">
      <label for="{{inputID}}">{{inputLabel}}{{#inputRequired}} <span class="required">({{t.form_required}})</span>{{/inputRequired}}</label>
      <textarea id="{{inputID}}" name="{{inputName}}" rows="3" maxlength="{{inputMaxLength}}"{{#inputRequired}} required{{/inputRequired}}{{#inputInvalid}} aria-invalid="true"{{/inputInvalid}}{{#inputDescribedBy}} aria-describedby="{{.}}"{{/inputDescribedBy}}>{{inputValue}}</textarea>
      {{#inputHelp}}<p class="help" id="{{inputID}}-help">{{.}}</p>{{/inputHelp}}
      {{#inputError}}<p class="field-error" id="{{inputID}}-error">{{.}}</p>{{/inputError}}
    </div>
    """)

    /// A labelled select with its error (rendered in a `SelectField` context).
    static let selectField = ConsoleTemplate(name: "select-field", source: """
    <div class="field{{#selectInvalid}} field-invalid{{/selectInvalid}}">
      <label for="{{selectID}}">{{selectLabel}}</label>
      <select id="{{selectID}}" name="{{selectName}}"{{#selectInvalid}} aria-invalid="true" aria-describedby="{{selectID}}-error"{{/selectInvalid}}>
        {{#selectOptions}}<option value="{{optionValue}}"{{#optionSelected}} selected{{/optionSelected}}>{{optionLabel}}</option>{{/selectOptions}}
      </select>
      {{#selectError}}<p class="field-error" id="{{selectID}}-error">{{.}}</p>{{/selectError}}
    </div>
    """)
}
