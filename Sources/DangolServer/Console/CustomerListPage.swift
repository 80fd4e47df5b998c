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

    init(page: Page<CustomerView>, search: String?, stage: LifecycleStage?, cursor: String?, owners: [String: String],
         strings: ConsoleStrings) {
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
        isFiltered = search != nil || stage != nil || cursor != nil
        let query: [(String, String?)] = [("q", search), ("stage", stage?.rawValue)]
        nextURL = page.nextCursor.map { ConsoleForm.url("/customers", query + [("cursor", $0)]) }
        firstURL = cursor == nil ? nil : ConsoleForm.url("/customers", query)
    }
}
