/// The action forms of the customer page as last posted: their values and errors. Blank (the defaults) when the
/// page is simply shown; filled when a post failed and the page is shown again with the error next to the input.
struct CustomerPageForms: Sendable {
    var transitionTo: String?
    var transitionReason = ""
    var transitionErrors = FieldErrorMap()

    var consentChannel = "store"
    var consentTextVersion = ""
    var consentRecipient = ""
    var consentErrors = FieldErrorMap()

    var identifierType = "mobile_phone"
    var identifierValue = ""
    var identifierVerified = false
    var identifierOverride = false
    var identifierErrors = FieldErrorMap()
    /// The customer that already holds the identifier, after an identifier conflict.
    var identifierConflictID: String?

    var deleteReason = ""
    var deleteErrors = FieldErrorMap()

    var interactionChannel = "phone"
    var interactionDirection = "inbound"
    var interactionSubject = ""
    var interactionNotes = ""
    var interactionOutcome = ""
    var interactionErrors = FieldErrorMap()

    var vocKind = "complaint"
    var vocSeverity = "medium"
    var vocCategory = ""
    var vocChannel = "phone"
    var vocSubject = ""
    var vocDescription = ""
    var vocErrors = FieldErrorMap()

    var pointsAmount = ""
    var pointsReason = ""
    var pointsErrors = FieldErrorMap()

    init() {}
}
