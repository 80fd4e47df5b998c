import DangolApp
import DangolCore
import DangolStore

extension CustomerPageModel {
    /// One open VOC case in the customer page's list.
    struct OpenCaseRow: Sendable {
        var caseURL: String; var caseSubject: String; var caseKind: String; var caseStatus: String; var caseStatusCode: String
        var caseDue: String; var caseOverdue: Bool
    }

    /// The forms of the 360° work (record a contact, open a VOC case, adjust points), the open cases and the monthly
    /// spend chart.
    struct Activity: Sendable {
        var interactionChannelField: SelectField
        var interactionDirectionField: SelectField
        var interactionSubjectField: FormField
        var interactionNotesField: FormField
        var interactionOutcomeField: FormField
        var interactionErrors: [String]
        var vocKindField: SelectField
        var vocSeverityField: SelectField
        var vocCategoryField: FormField
        var vocChannelField: SelectField
        var vocSubjectField: FormField
        var vocDescriptionField: FormField
        var vocErrors: [String]
        var pointsAmountField: FormField
        var pointsReasonField: FormField
        var pointsErrors: [String]
        var pointsBalance: String
        /// Makes each rendered points form a distinct adjustment (a resubmitted form is still recorded once).
        var pointsNonce: String
        var openCases: [OpenCaseRow]
        var hasOpenCases: Bool
        /// The monthly spend chart, or nil without sales in the last 12 months.
        var spendChart: SpendChart?

        init(forms: CustomerPageForms, extras: CustomerOverviewService.Extras, openCases: [VOCCaseRecord], now: Timestamp,
             strings: ConsoleStrings) {
            let channels = InteractionService.channels.sorted { Self.channelOrder($0) < Self.channelOrder($1) }
            let channelOptions = channels.map { ($0, strings["ichannel_" + $0]) }
            interactionChannelField = SelectField(id: "interaction-channel", name: "channel", label: strings["interaction_channel"],
                                                  options: FormOption.list(channelOptions, selected: forms.interactionChannel),
                                                  error: forms.interactionErrors.message("channel"))
            interactionDirectionField = SelectField(id: "interaction-direction", name: "direction", label: strings["interaction_direction"],
                                                    options: FormOption.list([("inbound", strings["direction_inbound"]),
                                                                              ("outbound", strings["direction_outbound"])],
                                                                             selected: forms.interactionDirection),
                                                    error: forms.interactionErrors.message("direction"))
            interactionSubjectField = FormField(id: "interaction-subject", name: "subject", label: strings["interaction_subject"],
                                                value: forms.interactionSubject, error: forms.interactionErrors.message("subject"))
            interactionNotesField = FormField(id: "interaction-notes", name: "notes", label: strings["interaction_notes"],
                                              value: forms.interactionNotes, error: forms.interactionErrors.message("notes"), maxLength: 5_000)
            interactionOutcomeField = FormField(id: "interaction-outcome", name: "outcome", label: strings["interaction_outcome"],
                                                value: forms.interactionOutcome, error: forms.interactionErrors.message("outcome"))
            interactionErrors = forms.interactionErrors.general

            vocKindField = SelectField(id: "voc-kind", name: "kind", label: strings["voc_kind"],
                                       options: FormOption.list(VOCCase.Kind.allCases.map { ($0.rawValue, strings["voc_kind_" + $0.rawValue]) },
                                                                selected: forms.vocKind),
                                       error: forms.vocErrors.message("kind"))
            vocSeverityField = SelectField(id: "voc-severity", name: "severity", label: strings["voc_severity"],
                                           options: FormOption.list(VOCCase.Severity.allCases.map { ($0.rawValue, strings["voc_severity_" + $0.rawValue]) },
                                                                    selected: forms.vocSeverity),
                                           error: forms.vocErrors.message("severity"))
            vocCategoryField = FormField(id: "voc-category", name: "category", label: strings["voc_category"], value: forms.vocCategory,
                                         error: forms.vocErrors.message("category"), maxLength: 100)
            vocChannelField = SelectField(id: "voc-channel", name: "channel", label: strings["voc_channel"],
                                          options: FormOption.list(channelOptions, selected: forms.vocChannel),
                                          error: forms.vocErrors.message("channel"))
            vocSubjectField = FormField(id: "voc-subject", name: "subject", label: strings["voc_subject"], value: forms.vocSubject,
                                        error: forms.vocErrors.message("subject"), required: true)
            vocDescriptionField = FormField(id: "voc-description", name: "description", label: strings["voc_description"],
                                            value: forms.vocDescription, error: forms.vocErrors.message("description"), maxLength: 5_000)
            vocErrors = forms.vocErrors.general

            pointsAmountField = FormField(id: "points-amount", name: "points", label: strings["points_amount"], value: forms.pointsAmount,
                                          error: forms.pointsErrors.message("points"), required: true, inputMode: "numeric", maxLength: 12)
            pointsReasonField = FormField(id: "points-reason", name: "reason", label: strings["points_reason"], value: forms.pointsReason,
                                          help: strings["points_reasonHelp"], error: forms.pointsErrors.message("reason"), required: true,
                                          maxLength: 500)
            pointsErrors = forms.pointsErrors.general
            pointsBalance = ConsoleFormat.number(extras.points.balance)
            pointsNonce = TokenHasher.makeSecret(prefix: "n_")

            self.openCases = openCases.map { record in
                OpenCaseRow(caseURL: "/voc/\(record.id)", caseSubject: record.subject, caseKind: strings["voc_kind_" + record.kind.rawValue],
                            caseStatus: strings["voc_status_" + record.status.rawValue], caseStatusCode: record.status.rawValue,
                            caseDue: ConsoleFormat.time(record.dueAt), caseOverdue: record.dueAt.rawValue < now.rawValue)
            }
            hasOpenCases = !self.openCases.isEmpty
            spendChart = SpendChart(extras.monthlySpend, strings: strings)
        }

        /// Telephone and the counter first: where most contacts happen.
        static func channelOrder(_ channel: String) -> Int {
            ["phone", "branch_visit", "sms", "email", "web_chat", "app", "pos", "direct_mail", "social"].firstIndex(of: channel) ?? 99
        }
    }
}
