import DangolApp
import DangolCore

/// The model of the customer list: the search form's values, one row per customer (already masked by
/// `CustomerService.list`) and the paging links.
struct CustomerListPage {
    /// One customer row.
    struct Row {
        var rowURL: String
        var rowName: String
        var rowKind: String
        var rowStage: String
        var rowStageLabel: String
        var rowPhone: String
        var rowEmail: String
        var rowTags: [String]
        var rowOwner: String
    }

    var search: String
    var stageOptions: [FormOption]
    var rows: [Row]
    var hasRows: Bool
    /// Whether a search, a stage or a page other than the first is shown (decides which empty state to show).
    var isFiltered: Bool
    var nextURL: String?
    var firstURL: String?
    /// The analytics condition the list is narrowed to (from a cell of the analytics page), as the page says it.
    var scoreFilterLabel: String?
    /// The hidden fields that keep that condition when the search form is submitted.
    var scoreFields: [FormOption]

    init(page: Page<CustomerView>, search: String?, stage: LifecycleStage?, cursor: String?, owners: [String: String],
         strings: ConsoleStrings, scoreQuery: [(String, String)] = []) {
        self.search = search ?? ""
        stageOptions = [FormOption(value: "", label: strings["list_allStages"], selected: stage == nil)]
            + FormOption.list(LifecycleStage.allCases.map { ($0.rawValue, strings.stage($0)) }, selected: stage?.rawValue)
        rows = page.items.map { customer in
            let phone = customer.identifiers.first { $0.type == .mobilePhone } ?? customer.identifiers.first { $0.type == .otherPhone }
            let email = customer.identifiers.first { $0.type == .email }
            return Row(rowURL: "/customers/" + customer.id.rawValue, rowName: customer.displayName, rowKind: strings.kind(customer.kind),
                       rowStage: customer.lifecycleStage.rawValue, rowStageLabel: strings.stage(customer.lifecycleStage),
                       rowPhone: phone?.value ?? "—", rowEmail: email?.value ?? "—", rowTags: customer.tags,
                       rowOwner: customer.ownerID.map { owners[$0] ?? $0 } ?? "—")
        }
        hasRows = !rows.isEmpty
        isFiltered = search != nil || stage != nil || cursor != nil || !scoreQuery.isEmpty
        scoreFields = scoreQuery.map { FormOption(value: $0.1, label: $0.0, selected: true) }
        scoreFilterLabel = scoreQuery.isEmpty ? nil : scoreQuery.map { name, value in
            switch name {
            case "segment": strings["analytics_rfm"] + ": " + (strings.all["segment_" + value] ?? value)
            case "valueQuadrant": strings["analytics_matrix"] + ": " + (strings.all["quadrant_" + value] ?? value)
            case "churnBand": strings["analytics_churn"] + ": " + (strings.all["churn_" + value] ?? value)
            default: "CLV ≥ " + value
            }
        }.joined(separator: " · ")
        let query: [(String, String?)] = [("q", search), ("stage", stage?.rawValue)] + scoreQuery.map { ($0.0, Optional($0.1)) }
        nextURL = page.nextCursor.map { ConsoleForm.url("/customers", query + [("cursor", $0)]) }
        firstURL = cursor == nil ? nil : ConsoleForm.url("/customers", query)
    }
}
