import DangolApp
import DangolCore

/// The model of the "new customer" form: every input with its value and the error next to it.
struct CustomerFormPage {
    var hasErrors: Bool
    var generalErrors: [String]
    var kindOptions: [FormOption]
    var kindError: String?
    var displayName: FormField
    var stage: SelectField
    var owner: SelectField
    var tags: FormField
    var mobilePhone: FormField
    var email: FormField
    var customerNumber: FormField
    var brn: FormField
    var brnOverride: Bool
    var consentOptions: [FormOption]
    var consentError: String?
    var channel: SelectField
    var textVersion: FormField

    /// - Parameter conflict: the input whose value another customer holds, and that customer's id.
    init(state: CustomerFormState, errors: FieldErrorMap, conflict: (field: String, customerID: String)?,
         users: [UserService.UserInfo], strings: ConsoleStrings) {
        func conflictID(_ field: String) -> String? { conflict?.field == field ? conflict?.customerID : nil }
        hasErrors = !errors.isEmpty || conflict != nil
        generalErrors = errors.general
        kindOptions = FormOption.list(CustomerKind.allCases.map { ($0.rawValue, strings.kind($0)) }, selected: state.kind, idPrefix: "kind")
        kindError = errors.message("kind")
        displayName = FormField(id: "displayName", label: strings["form_displayName"], value: state.displayName,
                                error: errors.message("displayName"), required: true)
        stage = SelectField(id: "stage", label: strings["form_stage"],
                            options: FormOption.list(LifecycleStage.allCases.map { ($0.rawValue, strings.stage($0)) }, selected: state.stage),
                            error: errors.message("stage"))
        owner = SelectField(id: "owner", label: strings["form_owner"],
                            options: CustomerFormPage.ownerOptions(users, selected: state.owner, strings: strings),
                            error: errors.message("owner"))
        tags = FormField(id: "tags", label: strings["form_tags"], value: state.tags, help: strings["form_tagsHelp"],
                         error: errors.message("tags"), maxLength: 1000)
        mobilePhone = FormField(id: "mobilePhone", label: strings["form_mobilePhone"], value: state.mobilePhone, type: "tel",
                                help: strings["form_mobilePhoneHelp"], error: errors.message("mobilePhone"),
                                conflictID: conflictID("mobilePhone"), autocomplete: "tel", maxLength: 40)
        email = FormField(id: "email", label: strings["form_email"], value: state.email, type: "email", error: errors.message("email"),
                          conflictID: conflictID("email"), autocomplete: "email", maxLength: 320)
        customerNumber = FormField(id: "customerNumber", label: strings["form_customerNumber"], value: state.customerNumber,
                                   help: strings["form_customerNumberHelp"], error: errors.message("customerNumber"),
                                   conflictID: conflictID("customerNumber"), maxLength: 100)
        brn = FormField(id: "brn", label: strings["form_brn"], value: state.brn, help: strings["form_brnHelp"],
                        error: errors.message("brn"), conflictID: conflictID("brn"), inputMode: "numeric", maxLength: 20)
        brnOverride = state.brnOverride
        consentOptions = CustomerFormState.offeredPurposes.map {
            FormOption(id: "consent-" + $0.rawValue, value: $0.rawValue, label: strings.purpose($0), selected: state.consents.contains($0.rawValue))
        }
        consentError = errors.message("consents")
        channel = SelectField(id: "channel", label: strings["form_channel"],
                              options: FormOption.list(CustomerFormState.channels.map { ($0, strings.channel($0)) }, selected: state.channel))
        textVersion = FormField(id: "textVersion", label: strings["form_textVersion"], value: state.textVersion,
                                help: strings["form_textVersionHelp"], maxLength: 100)
    }

    /// "None" and every user, by display name.
    static func ownerOptions(_ users: [UserService.UserInfo], selected: String, strings: ConsoleStrings) -> [FormOption] {
        [FormOption(value: "", label: strings["form_ownerNone"], selected: selected.isEmpty)]
            + users.sorted { $0.displayName < $1.displayName }.map {
                FormOption(value: $0.id, label: $0.displayName + " (" + strings.role($0.role) + ")", selected: $0.id == selected)
            }
    }
}
