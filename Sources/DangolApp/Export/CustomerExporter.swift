import DangolCore
import DangolCSV
import DangolStore
import SQLKit

/// Exports live customers to CSV, one row per customer, paging through them by id so that memory stays flat.
///
/// ```swift
/// let exporter = CustomerExporter(services: services)
/// let summary = try await exporter.export(to: .file("customers.csv"), by: principal)
/// ```
///
/// Personal data is masked exactly as the API masks it (``PersonalDataPolicy``, ``PersonalDataMasker``, through the
/// same presenter): an admin gets `010-****-5678` and `홍*동` unless they pass `unmasked: true`; an agent sees their
/// own customers in clear, like in the console. Every export that contains clear personal data writes one
/// `export.unmasked` audit entry with the number of such rows. Non-admins asking for `unmasked` are refused.
///
/// Columns (``header``): `id, kind, display_name, stage, owner, tags, email, mobile_phone, other_phone,
/// customer_number, brn, crn, created_at` and one `consent.<purpose>` column per marketing purpose (`Y` granted, `N`
/// withdrawn or refused, empty when never asked). Several values of one identifier type are joined with `;`, as are
/// tags. The header names are ``ImportField`` names, so an export can be imported elsewhere as it is. Cells that a
/// spreadsheet would run as a formula get a leading `'`.
public struct CustomerExporter: Sendable {
    public let services: AppServices

    /// Creates an exporter over the given services.
    public init(services: AppServices) { self.services = services }

    /// The consent purposes exported as columns.
    static let consentPurposes: [ConsentPurpose] = [
        .marketingSMS, .marketingEmail, .marketingPhone, .marketingPost, .marketingPush, .nightTimeAdvertising,
    ]

    /// The header line's fields.
    public static let header: [String] = [
        "id", "kind", "display_name", "stage", "owner", "tags", "email", "mobile_phone", "other_phone", "customer_number",
        "brn", "crn", "created_at",
    ] + consentPurposes.map { "consent." + $0.rawValue }

    /// Writes every customer matching `options.filter` to `destination`.
    ///
    /// - Parameter progress: called after every page with the number of rows written so far.
    /// - Throws: `forbidden` when a non-admin asks for `unmasked` or the principal may not read customers;
    ///   `invalidInput` for a bad page size; `unavailable` when the file cannot be written or the database fails.
    public func export(to destination: ExportDestination, options: ExportOptions = ExportOptions(), by principal: Principal,
                       progress: @Sendable (Int) -> Void = { _ in }) async throws(DangolError) -> ExportSummary {
        try principal.require(scope: "customers:read")
        if options.unmasked {
            guard principal.role == .admin else {
                throw DangolError(.forbidden, "Only an admin may export unmasked personal data.")
            }
            try principal.require(scope: "admin")
        }
        guard (1...5_000).contains(options.pageSize) else {
            throw DangolError.invalid(field: "pageSize", code: "export.page_size", "The page size must be between 1 and 5,000.")
        }
        let started = ContinuousClock.now
        let usernames = try await services.read { db in
            Dictionary(try await UserRepository().list(on: db).map { ($0.id, $0.username) }, uniquingKeysWith: { first, _ in first })
        }
        let output: OutputFile
        switch destination {
        case .file(let path): output = try OutputFile.create(path: path)
        case .standardOutput: output = OutputFile.standardOutput()
        }
        let writer = CSVWriter(neutralizeFormulas: true)
        let presenter = CustomerPresenter(vault: services.vault)
        var rows = 0
        var unmaskedRows = 0
        var failure: DangolError?
        do throws(DangolError) {
            if options.byteOrderMark { try output.write(bytes: [0xEF, 0xBB, 0xBF]) }
            try output.write(writer.line(Self.header))
            var cursor: CustomerID?
            repeat {
                let after = cursor
                let page = try await services.read { db in
                    let customers = try await CustomerRepository().list(options.filter, after: after, limit: options.pageSize, on: db)
                    let ids = customers.map(\.id)
                    return ExportPage(customers: customers, identifiers: try await IdentifierRepository().list(customerIDs: ids, on: db),
                                      consents: try await HistoryRepository().consents(ofCustomers: ids, on: db))
                }
                for customer in page.customers {
                    let view = presenter.view(customer, identifiers: page.identifiers[customer.id] ?? [], for: principal,
                                              reveal: options.unmasked)
                    if !view.masked { unmaskedRows += 1 }
                    try output.write(writer.line(Self.row(view, consent: ConsentState(history: page.consents[customer.id] ?? []),
                                                          usernames: usernames)))
                    rows += 1
                }
                cursor = page.customers.count == options.pageSize ? page.customers.last?.id : nil
                progress(rows)
            } while cursor != nil
            try output.close()
        } catch {
            failure = error
            _ = try? output.close()
        }
        // Clear personal data that left the system is audited even when the export failed half-way.
        if unmaskedRows > 0 {
            let entry = AuditEntry(at: services.clock.now(), actorID: principal.userID, actorRole: principal.role.rawValue,
                                   action: "export.unmasked", customerID: nil, detail: "rows=\(unmaskedRows)",
                                   sourceIP: principal.sourceIP, requestID: principal.requestID)
            try await services.transaction { db in try await AuditRepository().append([entry], on: db) }
        }
        if let failure { throw failure }
        let elapsed = ContinuousClock.now - started
        return ExportSummary(rows: rows, unmaskedRows: unmaskedRows, destination: destination.description,
                             elapsedSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// One customer's fields in `header` order.
    static func row(_ view: CustomerView, consent: ConsentState, usernames: [String: String]) -> [String] {
        var byType: [IdentifierType: [String]] = [:]
        for identifier in view.identifiers { byType[identifier.type, default: []].append(identifier.value) }
        func values(_ type: IdentifierType) -> String { byType[type]?.joined(separator: ";") ?? "" }
        var fields = [
            view.id.rawValue, view.kind.rawValue, view.displayName, view.lifecycleStage.rawValue,
            view.ownerID.map { usernames[$0] ?? $0 } ?? "", view.tags.joined(separator: ";"), values(.email),
            values(.mobilePhone), values(.otherPhone), values(.customerNumber), values(.businessRegistrationNumber),
            values(.corporateRegistrationNumber), view.createdAt.iso8601,
        ]
        for purpose in consentPurposes {
            let entry = consent.entries.first { $0.purpose == purpose }
            fields.append(entry.map { $0.granted ? "Y" : "N" } ?? "")
        }
        return fields
    }
}

/// One page of customers with what their rows need.
private struct ExportPage: Sendable {
    var customers: [Customer]
    var identifiers: [CustomerID: [IdentifierRecord]]
    var consents: [CustomerID: [ConsentEvent]]
}
