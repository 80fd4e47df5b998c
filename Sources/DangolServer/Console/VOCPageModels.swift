import DangolApp
import DangolCore
import DangolStore

/// The VOC board (고객의 소리 현황판): one column per open status (and recently resolved), each card with its
/// customer, deadline and an overdue mark.
struct VOCBoardPage: Sendable {
    struct Card: Sendable {
        var cardURL: String; var cardSubject: String; var cardKind: String; var cardSeverity: String; var cardSeverityCode: String
        var cardCustomerURL: String; var cardDue: String; var cardOverdue: Bool; var cardEscalated: Bool; var cardOwner: String
    }
    struct Column: Sendable {
        var columnID: String; var columnTitle: String; var columnCount: Int; var cards: [Card]; var columnEmpty: Bool
    }

    var columns: [Column]
    var overdueCount: Int
    var hasOverdue: Bool

    static let statuses: [VOCCase.Status] = [.received, .assigned, .inProgress, .reopened, .resolved]

    init(cases: [VOCCase.Status: [VOCCaseRecord]], now: Timestamp, userNames: [String: String], strings: ConsoleStrings) {
        var overdue = 0
        columns = Self.statuses.map { status in
            let cards = (cases[status] ?? []).map { record in
                let late = record.status.isOpen && record.dueAt.rawValue < now.rawValue
                if late { overdue += 1 }
                return Card(cardURL: "/voc/\(record.id)", cardSubject: record.subject, cardKind: strings["voc_kind_" + record.kind.rawValue],
                            cardSeverity: strings["voc_severity_" + record.severity.rawValue], cardSeverityCode: record.severity.rawValue,
                            cardCustomerURL: "/customers/\(record.customerID.rawValue)", cardDue: ConsoleFormat.time(record.dueAt),
                            cardOverdue: late, cardEscalated: record.escalatedAt != nil,
                            cardOwner: record.ownerID.map { userNames[$0] ?? $0 } ?? strings["customer_none"])
            }
            return Column(columnID: "voc-" + status.rawValue, columnTitle: strings["voc_status_" + status.rawValue], columnCount: cards.count,
                          cards: cards, columnEmpty: cards.isEmpty)
        }
        overdueCount = overdue
        hasOverdue = overdue > 0
    }
}

/// One VOC case: what was said, where it stands, its history, and the form that moves it on.
struct VOCCasePage: Sendable {
    struct Fact: Sendable { var factLabel: String; var factValue: String }
    struct Step: Sendable { var stepWhen: String; var stepFrom: String; var stepTo: String; var stepWho: String; var stepNote: String }

    var caseID: String
    var caseSubject: String
    var caseDescription: String?
    var customerURL: String
    var statusLabel: String
    var statusCode: String
    var overdue: Bool
    var escalated: Bool
    var facts: [Fact]
    var steps: [Step]
    var canAct: Bool
    var hasNext: Bool
    var toField: SelectField
    var noteField: FormField
    var resolutionField: FormField
    var ownerField: SelectField
    var errors: [String]

    init(detail: VOCService.Detail, now: Timestamp, userNames: [String: String], canAct: Bool, form: VOCTransitionForm,
         strings: ConsoleStrings) {
        let record = detail.record
        func who(_ id: String?) -> String { id.map { userNames[$0] ?? $0 } ?? strings["customer_system"] }
        caseID = record.id
        caseSubject = record.subject
        caseDescription = record.description
        customerURL = "/customers/\(record.customerID.rawValue)"
        statusLabel = strings["voc_status_" + record.status.rawValue]
        statusCode = record.status.rawValue
        overdue = record.status.isOpen && record.dueAt.rawValue < now.rawValue
        escalated = record.escalatedAt != nil
        facts = [
            Fact(factLabel: strings["voc_kind"], factValue: strings["voc_kind_" + record.kind.rawValue]),
            Fact(factLabel: strings["voc_severity"], factValue: strings["voc_severity_" + record.severity.rawValue]),
            Fact(factLabel: strings["voc_category"], factValue: record.category ?? "—"),
            Fact(factLabel: strings["voc_channel"], factValue: strings.all["ichannel_" + record.channel] ?? record.channel),
            Fact(factLabel: strings["voc_owner"], factValue: record.ownerID.map { userNames[$0] ?? $0 } ?? strings["customer_none"]),
            Fact(factLabel: strings["voc_opened"], factValue: ConsoleFormat.time(record.openedAt)),
            Fact(factLabel: strings["voc_due"], factValue: ConsoleFormat.time(record.dueAt)),
        ]
        if let escalatedAt = record.escalatedAt {
            facts.append(Fact(factLabel: strings["voc_escalated"], factValue: ConsoleFormat.time(escalatedAt) + " → " + who(record.escalatedTo)))
        }
        if let resolution = record.resolution { facts.append(Fact(factLabel: strings["voc_resolution"], factValue: resolution)) }
        steps = detail.events.reversed().map { event in
            Step(stepWhen: ConsoleFormat.time(event.at), stepFrom: event.from.map { strings["voc_status_" + $0.rawValue] } ?? "—",
                 stepTo: strings["voc_status_" + event.to.rawValue], stepWho: who(event.byUserID), stepNote: event.note ?? "")
        }
        let next = VOCCase.Status.allCases.filter { record.status.next.contains($0) }
        self.canAct = canAct
        hasNext = !next.isEmpty
        toField = SelectField(id: "voc-to", name: "to", label: strings["voc_transitionTo"],
                              options: FormOption.list(next.map { ($0.rawValue, strings["voc_status_" + $0.rawValue]) },
                                                       selected: form.to ?? next.first?.rawValue),
                              error: form.errors.message("to"))
        noteField = FormField(id: "voc-note", name: "note", label: strings["voc_note"], value: form.note, error: form.errors.message("note"),
                              maxLength: 2_000)
        resolutionField = FormField(id: "voc-resolution", name: "resolution", label: strings["voc_resolution"], value: form.resolution,
                                    help: strings["voc_resolutionHelp"], error: form.errors.message("resolution"), maxLength: 2_000)
        let owners = userNames.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }
        ownerField = SelectField(id: "voc-owner", name: "ownerId", label: strings["voc_ownerField"],
                                 options: [FormOption(value: "", label: "—", selected: form.ownerID == nil)]
                                     + FormOption.list(owners, selected: form.ownerID ?? record.ownerID),
                                 error: form.errors.message("ownerId"))
        errors = form.errors.general
    }
}

/// The VOC transition form as last posted.
struct VOCTransitionForm: Sendable {
    var to: String?
    var note = ""
    var resolution = ""
    var ownerID: String?
    var errors = FieldErrorMap()
}
