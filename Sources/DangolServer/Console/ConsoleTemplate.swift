/// A Mustache template of the console, embedded as a string constant (no resource bundles). Each page template
/// lives in its own file as a static member; pages extend the `layout` template by filling its `main` block.
/// Mustache escapes every `{{value}}` for HTML; the console never uses the unescaped `{{{…}}}` form.
struct ConsoleTemplate: Sendable {
    let name: String
    let source: String

    /// Every template, registered once in the renderer's library.
    static let all: [ConsoleTemplate] = [
        .layout, .textField, .selectField, .login, .customerList, .customerForm, .customerPage, .customerEdit, .errorPage,
        .reviewList, .reviewPage, .reviewSide, .spendChart, .textArea, .vocBoard, .vocCase, .productList, .imports, .importRun, .lorenzChart, .barChart, .analytics,
        .equityChart, .lookalikes,
    ]
}
