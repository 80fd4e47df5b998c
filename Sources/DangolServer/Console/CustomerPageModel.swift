import DangolApp
import DangolCore
import DangolStore

/// The model of the customer page: profile, identifiers, consent state and history, lifecycle history,
/// relationships, and the action forms (transition, consent, identifier, delete) with their values and errors.
/// Row property names are prefixed (`id…`, `event…`) so a nil in a row never picks up a page value of the same name.
struct CustomerPageModel {
    struct Fact { var factLabel: String; var factValue: String }
    struct IdentifierRow {
        var idType: String; var idValue: String; var idMasked: Bool; var idVerified: String; var idSource: String
        var idFirstSeen: String; var idLastSeen: String
    }
    struct ConsentRow {
        var purposeLabel: String; var statusLabel: String; var statusClass: String; var consentSince: String
        var consentChannel: String; var consentVersion: String; var actionValue: String; var actionLabel: String
        var actionIsWithdraw: Bool
    }
    struct ConsentEventRow {
        var eventWhen: String; var eventPurpose: String; var eventStatus: String; var eventStatusClass: String
        var eventChannel: String; var eventSource: String; var eventVersion: String; var eventRecordedBy: String
    }
    struct LifecycleRow { var lifeFrom: String; var lifeTo: String; var lifeToStage: String; var lifeWhen: String; var lifeWho: String; var lifeWhy: String }
    struct RelationshipRow { var relKind: String; var relName: String; var relURL: String; var relTitle: String }
    /// A merge this customer survived, with an undo button while it stands (stewards only).
    struct MergeRow {
        var mergeID: String; var mergeWhen: String; var mergeAbsorbedURL: String; var mergeRule: String; var mergeProbability: String
        var mergeUndone: String; var mergeCanUndo: Bool

        init(merge: MergeView, canUndo: Bool, strings: ConsoleStrings) {
            mergeID = merge.id
            mergeWhen = ConsoleFormat.time(merge.mergedAt)
            mergeAbsorbedURL = "/customers/\(merge.absorbedID.rawValue)"
            mergeRule = strings["merge_rule_" + merge.rule]
            mergeProbability = merge.probability.map { ReviewPageModel.percent($0) } ?? "—"
            mergeUndone = merge.unmergedAt.map { strings["merge_undone"] + " " + ConsoleFormat.time($0) } ?? ""
            mergeCanUndo = canUndo && merge.unmergedAt == nil
        }
    }

    var customerID: String
    var customerName: String
    var facts: [Fact]
    var stage: String
    var stageLabel: String
    var tagList: [String]
    var attributeFacts: [Fact]
    var hasAttributes: Bool
    var isDeleted: Bool
    var deletionText: String
    var isMasked: Bool
    var canAct: Bool
    var identifierRows: [IdentifierRow]
    var hasIdentifiers: Bool
    var consentRows: [ConsentRow]
    var consentEvents: [ConsentEventRow]
    var hasConsentEvents: Bool
    var lifecycleRows: [LifecycleRow]
    var relationshipRows: [RelationshipRow]
    var hasRelationships: Bool
    var mergeRows: [MergeRow] = []
    var hasMerges = false

    /// The 360° facts (tier, points, purchases) and the newest timeline items.
    struct TimelineRow { var itemWhen: String; var itemKind: String; var itemSummary: String }
    var overviewFacts: [Fact] = []
    /// The 360° work forms (shown to roles that may act), open cases and the spend chart.
    var activity: Activity?
    var timelineRows: [TimelineRow] = []
    var hasTimeline = false
    /// Next best products (see `CustomerPageModel+Recommendations`).
    var recommendationRows: [RecommendationRow] = []
    var hasRecommendations = false

    /// Fills the 360° section from the overview's extras.
    mutating func add(_ extras: CustomerOverviewService.Extras, strings: ConsoleStrings) {
        let tier = extras.tierDetails
        overviewFacts = [
            Fact(factLabel: strings["overview_tier"], factValue: tier.map { strings.language == .ko ? $0.nameKorean : $0.nameEnglish } ?? strings["customer_none"]),
            Fact(factLabel: strings["overview_points"], factValue: ConsoleFormat.number(extras.points.balance)
                + (extras.points.expiringWithin30Days > 0 ? " (" + strings["overview_expiring"] + " " + ConsoleFormat.number(extras.points.expiringWithin30Days) + ")" : "")),
        ]
        for summary in extras.purchases {
            overviewFacts.append(Fact(factLabel: strings["overview_spend"] + " (\(summary.currency))", factValue: ConsoleFormat.number(summary.spendMinor)))
            overviewFacts.append(Fact(factLabel: strings["overview_purchases"], factValue: "\(summary.purchases)"
                + (summary.refunds > 0 ? " / " + strings["overview_refunds"] + " \(summary.refunds)" : "")))
            if let last = summary.lastPurchase { overviewFacts.append(Fact(factLabel: strings["overview_lastPurchase"], factValue: ConsoleFormat.time(last))) }
            if !summary.favouriteCategories.isEmpty {
                overviewFacts.append(Fact(factLabel: strings["overview_categories"], factValue: summary.favouriteCategories.joined(separator: ", ")))
            }
        }
        timelineRows = extras.timeline.items.map { item in
            let amount = item.amount.map { ConsoleFormat.number($0) } ?? ""
            // A VOC step names its status; the case id it carries is for the API, not for reading.
            let subject = item.kind == "voc" ? item.subject.map { strings["voc_status_" + $0] } : item.subject.map { strings.all["timeline_value_" + $0] ?? $0 }
            let detail = item.kind == "voc" ? nil : item.detail.map { strings.all["timeline_value_" + $0] ?? $0 }
            let summary = [subject ?? "", amount, detail ?? ""]
                .filter { !$0.isEmpty }.joined(separator: " · ")
            return TimelineRow(itemWhen: ConsoleFormat.time(item.at), itemKind: strings["timeline_kind_" + item.kind], itemSummary: summary)
        }
        hasTimeline = !timelineRows.isEmpty
    }

    var transitionStage: SelectField
    var transitionReason: FormField
    var transitionErrors: [String]
    var consentChannelField: SelectField
    var consentTextVersionField: FormField
    var consentRecipientField: FormField
    var consentErrors: [String]
    var identifierTypeField: SelectField
    var identifierValueField: FormField
    var identifierVerified: Bool
    var identifierOverride: Bool
    var identifierErrors: [String]
    var deleteReasonField: FormField

    init(detail: CustomerDetail, forms: CustomerPageForms, userNames: [String: String], canWrite: Bool, strings: ConsoleStrings) {
        let customer = detail.customer
        func who(_ userID: String?) -> String {
            guard let userID else { return strings["customer_system"] }
            return userNames[userID] ?? (userID.hasPrefix("system:") ? strings["customer_system"] : userID)
        }
        customerID = customer.id.rawValue
        customerName = customer.displayName
        stage = customer.lifecycleStage.rawValue
        stageLabel = strings.stage(customer.lifecycleStage)
        facts = [
            Fact(factLabel: strings["col_kind"], factValue: strings.kind(customer.kind)),
            Fact(factLabel: strings["col_owner"], factValue: customer.ownerID.map { userNames[$0] ?? $0 } ?? strings["customer_none"]),
            Fact(factLabel: strings["customer_created"], factValue: ConsoleFormat.time(customer.createdAt)),
            Fact(factLabel: strings["customer_updated"], factValue: ConsoleFormat.time(customer.updatedAt)),
            Fact(factLabel: strings["customer_id"], factValue: customer.id.rawValue),
        ]
        tagList = customer.tags
        attributeFacts = customer.attributes.sorted { $0.key < $1.key }.map { Fact(factLabel: $0.key, factValue: ConsoleFormat.attribute($0.value)) }
        hasAttributes = !attributeFacts.isEmpty
        isDeleted = customer.deletedAt != nil
        deletionText = [customer.deletedAt.map(ConsoleFormat.time), customer.deletionReason].compactMap { $0 }.joined(separator: " · ")
        isMasked = customer.masked
        canAct = canWrite && customer.deletedAt == nil
        identifierRows = customer.identifiers.map {
            IdentifierRow(idType: strings.identifierType($0.type), idValue: $0.value, idMasked: $0.masked,
                          idVerified: strings[$0.verified ? "yes" : "no"], idSource: $0.source,
                          idFirstSeen: ConsoleFormat.time($0.firstSeen), idLastSeen: ConsoleFormat.time($0.lastSeen))
        }
        hasIdentifiers = !identifierRows.isEmpty
        consentRows = CustomerPageModel.consentRows(detail.consent, strings: strings)
        consentEvents = detail.consentHistory.sorted { ($0.at, $0.sequence) > ($1.at, $1.sequence) }.map { event in
            let purpose = strings.purpose(event.purpose) + (event.recipient.map { " — " + $0 } ?? "")
            return ConsentEventRow(eventWhen: ConsoleFormat.time(event.at), eventPurpose: purpose,
                                   eventStatus: strings[event.granted ? "consent_granted" : "consent_withdrawn"],
                                   eventStatusClass: event.granted ? "granted" : "withdrawn", eventChannel: strings.channel(event.channel),
                                   eventSource: event.source, eventVersion: event.textVersion ?? "—", eventRecordedBy: who(event.recordedBy))
        }
        hasConsentEvents = !consentEvents.isEmpty
        lifecycleRows = detail.lifecycleHistory.sorted { $0.at > $1.at }.map {
            LifecycleRow(lifeFrom: $0.from.map(strings.stage) ?? "—", lifeTo: strings.stage($0.to), lifeToStage: $0.to.rawValue,
                         lifeWhen: ConsoleFormat.time($0.at), lifeWho: who($0.byUserID), lifeWhy: $0.reason ?? "—")
        }
        relationshipRows = detail.relationships.map {
            let other = $0.personID == customer.id ? $0.organisationID : $0.personID
            return RelationshipRow(relKind: strings.relation($0.kind), relName: $0.otherName, relURL: "/customers/" + other.rawValue,
                                   relTitle: $0.title ?? "—")
        }
        hasRelationships = !relationshipRows.isEmpty

        let otherStages = LifecycleStage.allCases.filter { $0 != customer.lifecycleStage }
        transitionStage = SelectField(id: "transition-to", name: "to", label: strings["transition_to"],
                                      options: FormOption.list(otherStages.map { ($0.rawValue, strings.stage($0)) },
                                                               selected: forms.transitionTo ?? otherStages.first?.rawValue),
                                      error: forms.transitionErrors.message("to"))
        transitionReason = FormField(id: "transition-reason", name: "reason", label: strings["transition_reason"],
                                     value: forms.transitionReason, error: forms.transitionErrors.message("reason"), maxLength: 500)
        transitionErrors = forms.transitionErrors.general
        consentChannelField = SelectField(id: "consent-channel", name: "channel", label: strings["form_channel"],
                                          options: FormOption.list(CustomerFormState.channels.map { ($0, strings.channel($0)) },
                                                                   selected: forms.consentChannel))
        consentTextVersionField = FormField(id: "consent-version", name: "textVersion", label: strings["form_textVersion"],
                                            value: forms.consentTextVersion, help: strings["form_textVersionHelp"], maxLength: 100)
        consentRecipientField = FormField(id: "consent-recipient", name: "recipient", label: strings["consent_recipient"],
                                          value: forms.consentRecipient, error: forms.consentErrors.message("recipient"), maxLength: 100)
        consentErrors = forms.consentErrors.general
        let types = IdentifierType.allCases.filter { $0.applies(to: customer.kind) }
        identifierTypeField = SelectField(id: "identifier-type", name: "type", label: strings["identifier_type"],
                                          options: FormOption.list(types.map { ($0.rawValue, strings.identifierType($0)) },
                                                                   selected: forms.identifierType),
                                          error: forms.identifierErrors.message("type"))
        identifierValueField = FormField(id: "identifier-value", name: "value", label: strings["identifier_value"],
                                         value: forms.identifierValue, error: forms.identifierErrors.message("value"),
                                         conflictID: forms.identifierConflictID, required: true, maxLength: 320)
        identifierVerified = forms.identifierVerified
        identifierOverride = forms.identifierOverride
        identifierErrors = forms.identifierErrors.general
        deleteReasonField = FormField(id: "delete-reason", name: "reason", label: strings["delete_reason"], value: forms.deleteReason,
                                      help: strings["delete_help"], error: forms.deleteErrors.message("reason"), required: true, maxLength: 500)
    }

    /// One row per purpose (third-party provision: one per recipient), each with the single button that flips it:
    /// withdraw when granted, grant otherwise — withdrawing is never harder than granting.
    static func consentRows(_ state: ConsentState, strings: ConsoleStrings) -> [ConsentRow] {
        func row(_ purpose: ConsentPurpose, _ entry: ConsentState.Entry?) -> ConsentRow {
            let granted = entry?.granted ?? false
            let recipient = entry?.recipient
            let status = entry.map { $0.granted ? "granted" : "withdrawn" } ?? "never"
            let action = (granted ? "withdraw:" : "grant:") + purpose.rawValue + (recipient.map { ":" + $0 } ?? "")
            return ConsentRow(purposeLabel: strings.purpose(purpose) + (recipient.map { " — " + $0 } ?? ""),
                              statusLabel: strings["consent_" + status], statusClass: status,
                              consentSince: entry.map { ConsoleFormat.time($0.since) } ?? "—",
                              consentChannel: entry.map { strings.channel($0.channel) } ?? "—", consentVersion: entry?.textVersion ?? "—",
                              actionValue: action, actionLabel: strings[granted ? "consent_withdraw" : "consent_grant"],
                              actionIsWithdraw: granted)
        }
        var rows: [ConsentRow] = []
        for purpose in ConsentPurpose.allCases {
            if purpose.requiresRecipient {
                rows += state.entries.filter { $0.purpose == purpose }.map { row(purpose, $0) }
            } else {
                rows.append(row(purpose, state.entries.first { $0.purpose == purpose }))
            }
        }
        return rows
    }
}
