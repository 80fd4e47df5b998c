extension ConsoleTemplate {
    /// The sign-in form. The hidden `csrf` field pairs with the pre-session `dangol_login` cookie.
    static let login = ConsoleTemplate(name: "login", source: """
    {{<layout}}{{$main}}{{#page}}
    <section class="card login-card" aria-labelledby="login-title">
      <h1 id="login-title">{{t.login_title}}</h1>
      <p class="muted">{{t.login_intro}}</p>
      {{#loginFailed}}<div class="alert alert-error" role="alert">{{t.login_failed}}</div>{{/loginFailed}}
      <form method="post" action="/login" class="stack">
        <input type="hidden" name="csrf" value="{{loginToken}}">
        <div class="field">
          <label for="username">{{t.login_username}}</label>
          <input id="username" name="username" type="text" value="{{username}}" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="40"{{#loginFailed}} aria-invalid="true"{{/loginFailed}}>
        </div>
        <div class="field">
          <label for="password">{{t.login_password}}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200"{{#loginFailed}} aria-invalid="true"{{/loginFailed}}>
        </div>
        <button type="submit" class="button button-primary">{{t.login_submit}}</button>
      </form>
    </section>
    {{/page}}{{/main}}{{/layout}}
    """)
}
