import DangolApp
import DangolCore

/// The model of the edit form (name, tags, owner). A masked name is never put into the form: saving it back would
/// overwrite the real name with stars, so the input stays empty and empty means "keep".
struct CustomerEditPage {
    /// The form's values as typed (or as stored, when first shown).
    struct Values: Sendable {
        var displayName: String
        var tags: String
        var owner: String
    }

    var customerID: String
    var customerName: String
    var hasErrors: Bool
    var generalErrors: [String]
    var displayName: FormField
    var tags: FormField
    var owner: SelectField

    /// Whether the viewer sees this customer's name masked (then the name input starts empty).
    static func namesMasked(_ customer: CustomerView) -> Bool { customer.masked && customer.kind == .person }

    /// The values of an untouched form.
    static func values(of customer: CustomerView) -> Values {
        Values(displayName: namesMasked(customer) ? "" : customer.displayName, tags: customer.tags.joined(separator: ", "),
               owner: customer.ownerID ?? "")
    }

    init(customer: CustomerView, values: Values, errors: FieldErrorMap, users: [UserService.UserInfo], strings: ConsoleStrings) {
        let masked = CustomerEditPage.namesMasked(customer)
        customerID = customer.id.rawValue
        customerName = customer.displayName
        hasErrors = !errors.isEmpty
        generalErrors = errors.general
        displayName = FormField(id: "displayName", label: strings["form_displayName"], value: values.displayName,
                                help: masked ? strings["form_displayNameMaskedHelp"] : nil, error: errors.message("displayName"),
                                required: !masked)
        tags = FormField(id: "tags", label: strings["form_tags"], value: values.tags, help: strings["form_tagsHelp"],
                         error: errors.message("tags"), maxLength: 1000)
        owner = SelectField(id: "owner", label: strings["form_owner"],
                            options: CustomerFormPage.ownerOptions(users, selected: values.owner, strings: strings),
                            error: errors.message("owner"))
    }

    /// The update to send: only what changed or was typed; an empty name input keeps a masked name.
    static func input(from values: Values, current: CustomerView) -> CustomerInput {
        let name = values.displayName.trimmingWhitespace()
        let currentOwner = current.ownerID ?? ""
        return CustomerInput(displayName: name.isEmpty && namesMasked(current) ? nil : values.displayName,
                             ownerID: values.owner == currentOwner ? nil : values.owner,
                             tags: CustomerFormState.tagList(values.tags))
    }

    /// The input an API field path belongs to.
    static func route(_ path: String) -> String? {
        switch FieldErrorMap.head(path) {
        case "displayName": "displayName"
        case "tags": "tags"
        case "ownerID": "owner"
        default: nil
        }
    }
}
