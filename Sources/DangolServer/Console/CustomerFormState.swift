import Foundation
import DangolApp
import DangolCore

/// The values of the "new customer" form as typed, turned into a `CustomerInput`. Identifiers are built in a fixed
/// order and `input()` returns which form field each index came from, so that an error on `identifiers/1/value`
/// is shown next to the e-mail input and not somewhere else.
struct CustomerFormState: Sendable {
    var kind = CustomerKind.person.rawValue
    var displayName = ""
    var mobilePhone = ""
    var email = ""
    var customerNumber = ""
    var brn = ""
    var brnOverride = false
    var stage = LifecycleStage.prospect.rawValue
    var tags = ""
    var owner = ""
    var consents: Set<String> = []
    var channel = "store"
    var textVersion = ""

    /// The purposes the create form offers. Third-party provision needs a named recipient and is recorded on the
    /// customer page instead.
    static let offeredPurposes = ConsentPurpose.allCases.filter { !$0.requiresRecipient }

    /// The channels a member of staff records consent from.
    static let channels = ["store", "call_center", "paper", "web", "app", "crm"]

    /// A blank form; new customers belong to whoever creates them unless changed.
    init(ownerID: String?) {
        owner = ownerID ?? ""
    }

    /// The form as posted.
    init(form: ConsoleForm) {
        kind = form.text("kind") ?? ""
        displayName = form["displayName"] ?? ""
        mobilePhone = form["mobilePhone"] ?? ""
        email = form["email"] ?? ""
        customerNumber = form["customerNumber"] ?? ""
        brn = form["brn"] ?? ""
        brnOverride = form.isChecked("brnOverride")
        stage = form.text("stage") ?? LifecycleStage.prospect.rawValue
        tags = form["tags"] ?? ""
        owner = form.text("owner") ?? ""
        consents = Set(form.all("consents"))
        channel = form.text("channel") ?? "store"
        textVersion = form["textVersion"] ?? ""
    }

    /// The input for `CustomerService.create`, and for each identifier index the name of the input it came from.
    func input() -> (input: CustomerInput, identifierFields: [String]) {
        let customerKind = CustomerKind(rawValue: kind)
        var identifiers: [IdentifierInput] = []
        var fields: [String] = []
        func add(_ field: String, _ type: IdentifierType, _ value: String, overrideChecksum: Bool? = nil) {
            guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
            identifiers.append(IdentifierInput(type: type.rawValue, value: value, source: "console", overrideChecksum: overrideChecksum))
            fields.append(field)
        }
        add("mobilePhone", .mobilePhone, mobilePhone)
        add("email", .email, email)
        add("customerNumber", .customerNumber, customerNumber)
        // The BRN input is hidden for people; a value left in it must not fail a person's form invisibly.
        if customerKind == .organisation { add("brn", .businessRegistrationNumber, brn, overrideChecksum: brnOverride) }
        let version = textVersion.trimmingCharacters(in: .whitespacesAndNewlines)
        let consentInputs = CustomerFormState.offeredPurposes.filter { consents.contains($0.rawValue) }.map {
            ConsentInput(purpose: $0.rawValue, granted: true, channel: channel, source: "crm-console",
                         textVersion: version.isEmpty ? nil : version)
        }
        let input = CustomerInput(kind: customerKind, displayName: displayName, lifecycleStage: LifecycleStage(rawValue: stage),
                                  ownerID: owner.isEmpty ? nil : owner, tags: CustomerFormState.tagList(tags),
                                  identifiers: identifiers, consents: consentInputs)
        return (input, fields)
    }

    /// `"vip, 강남점 ,"` → `["vip", "강남점"]`.
    static func tagList(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// The input an API field path belongs to, given which input each identifier index came from.
    static func route(_ path: String, identifierFields: [String]) -> String? {
        switch FieldErrorMap.head(path) {
        case "kind": "kind"
        case "displayName": "displayName"
        case "lifecycleStage": "stage"
        case "ownerID": "owner"
        case "tags": "tags"
        case "consents": "consents"
        case "identifiers": FieldErrorMap.index(path).flatMap { identifierFields.indices.contains($0) ? identifierFields[$0] : nil }
        default: nil
        }
    }
}
