/// One text input of a console form as the `text-field` partial renders it: label, value, help, and the error shown
/// right next to it. Property names are prefixed because Mustache looks a missing (nil) name up in the enclosing
/// contexts; unique names keep a field from picking up its page's values.
struct FormField: Sendable {
    var inputID: String
    var inputName: String
    var inputLabel: String
    var inputValue: String
    var inputType: String
    var inputHelp: String?
    var inputError: String?
    /// For identifier conflicts: the id of the customer that already holds the value.
    var inputConflictID: String?
    var inputRequired: Bool
    var inputAutocomplete: String
    var inputMode: String?
    var inputMaxLength: Int
    /// Whether the field has an error (for `aria-invalid` and styling).
    var inputInvalid: Bool
    /// The ids of the help and error texts, for `aria-describedby`.
    var inputDescribedBy: String?

    init(id: String, name: String? = nil, label: String, value: String = "", type: String = "text", help: String? = nil,
         error: String? = nil, conflictID: String? = nil, required: Bool = false, autocomplete: String = "off",
         inputMode: String? = nil, maxLength: Int = 200) {
        inputID = id
        inputName = name ?? id
        inputLabel = label
        inputValue = value
        inputType = type
        inputHelp = help
        inputError = error
        inputConflictID = conflictID
        inputRequired = required
        inputAutocomplete = autocomplete
        self.inputMode = inputMode
        inputMaxLength = maxLength
        inputInvalid = error != nil || conflictID != nil
        let described = [help.map { _ in id + "-help" }, inputInvalid ? id + "-error" : nil].compactMap { $0 }
        inputDescribedBy = described.isEmpty ? nil : described.joined(separator: " ")
    }
}

/// A `<select>` (or radio group) as the `select-field` partial renders it.
struct SelectField: Sendable {
    var selectID: String
    var selectName: String
    var selectLabel: String
    var selectOptions: [FormOption]
    var selectError: String?
    var selectInvalid: Bool

    init(id: String, name: String? = nil, label: String, options: [FormOption], error: String? = nil) {
        selectID = id
        selectName = name ?? id
        selectLabel = label
        selectOptions = options
        selectError = error
        selectInvalid = error != nil
    }
}

/// One option of a select, radio group or checkbox group.
struct FormOption: Sendable {
    var optionID: String
    var optionValue: String
    var optionLabel: String
    var optionSelected: Bool

    init(id: String = "", value: String, label: String, selected: Bool) {
        optionID = id
        optionValue = value
        optionLabel = label
        optionSelected = selected
    }

    /// Options for every value, with `selected` marked.
    static func list(_ values: [(value: String, label: String)], selected: String?, idPrefix: String = "") -> [FormOption] {
        values.map { FormOption(id: idPrefix.isEmpty ? "" : idPrefix + "-" + $0.value, value: $0.value, label: $0.label,
                                selected: $0.value == selected) }
    }
}
