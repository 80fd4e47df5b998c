import DangolApp
import DangolCSV
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import Testing

@Suite("Exporting customers to CSV")
struct CustomerExportTests {
    /// Creates 홍길동 (010-1234-5678, hong@example.com, owned by `agent`, SMS marketing granted) and an organisation.
    static func seed(_ services: AppServices, _ users: TestUsers) async throws -> CustomerView {
        let customers = CustomerService(services: services)
        let hong = try await customers.create(CustomerInput(
            kind: .person, displayName: "홍길동", lifecycleStage: .active, ownerID: "user-agent", tags: ["VIP"],
            identifiers: [IdentifierInput(type: "mobile_phone", value: "010-1234-5678"),
                          IdentifierInput(type: "email", value: "hong@example.com"),
                          IdentifierInput(type: "customer_number", value: "C-1")],
            consents: [ConsentInput(purpose: "collection_and_use", granted: true),
                       ConsentInput(purpose: "marketing_sms", granted: true),
                       ConsentInput(purpose: "marketing_email", granted: false)]), by: users.admin)
        _ = try await customers.create(CustomerInput(
            kind: .organisation, displayName: "주식회사 한빛소프트",
            identifiers: [IdentifierInput(type: "brn", value: "124-81-00998")]), by: users.admin)
        return hong
    }

    /// Exports to a temporary file and returns its records (header first).
    static func export(_ services: AppServices, options: ExportOptions = ExportOptions(), by principal: Principal) async throws
        -> (ExportSummary, [[String]]) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangol-export-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let summary = try await CustomerExporter(services: services).export(to: .file(path), options: options, by: principal)
        return (summary, try CSVFixtures.readCSV(path))
    }

    static func column(_ name: String, of rows: [[String]], row: Int) -> String? {
        guard let index = rows.first?.firstIndex(of: name), rows.count > row, rows[row].count > index else { return nil }
        return rows[row][index]
    }

    @Test("An admin's export is masked by default, exactly as the API masks it, and is not audited as unmasked",
          arguments: TestEngine.all)
    func maskedByDefault(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let hong = try await Self.seed(services, users)
            let (summary, rows) = try await Self.export(services, by: users.admin)
            #expect(summary.rows == 2)
            #expect(summary.unmaskedRows == 0)
            #expect(rows.first == CustomerExporter.header)
            #expect(rows.count == 3)
            let apiView = try await CustomerService(services: services).view(hong.id, for: users.admin)
            #expect(Self.column("id", of: rows, row: 1) == hong.id.rawValue)
            #expect(Self.column("display_name", of: rows, row: 1) == "홍*동")
            #expect(Self.column("display_name", of: rows, row: 1) == apiView.displayName)
            #expect(Self.column("mobile_phone", of: rows, row: 1) == "010-****-5678")
            #expect(Self.column("email", of: rows, row: 1) == "ho***@example.com")
            #expect(Self.column("customer_number", of: rows, row: 1) == "C-1")
            #expect(Self.column("owner", of: rows, row: 1) == "agent")
            #expect(Self.column("tags", of: rows, row: 1) == "VIP")
            #expect(Self.column("stage", of: rows, row: 1) == "active")
            #expect(Self.column("consent.marketing_sms", of: rows, row: 1) == "Y")
            #expect(Self.column("consent.marketing_email", of: rows, row: 1) == "N")
            #expect(Self.column("consent.marketing_push", of: rows, row: 1) == "")
            #expect(Self.column("display_name", of: rows, row: 2) == "주식회사 한빛소프트")
            #expect(Self.column("brn", of: rows, row: 2) == "1248100998")
            let audit = try await services.read { db in try await AuditRepository().list(action: "export.unmasked", on: db) }
            #expect(audit.isEmpty)
        }
    }

    @Test("An admin asking for unmasked gets clear values, and one audit entry records the row count", arguments: TestEngine.all)
    func unmaskedForAdmin(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            _ = try await Self.seed(services, users)
            let (summary, rows) = try await Self.export(services, options: ExportOptions(unmasked: true), by: users.admin)
            #expect(summary.unmaskedRows == 2)
            #expect(Self.column("display_name", of: rows, row: 1) == "홍길동")
            #expect(Self.column("mobile_phone", of: rows, row: 1) == "010-1234-5678")
            #expect(Self.column("email", of: rows, row: 1) == "hong@example.com")
            let audit = try await services.read { db in try await AuditRepository().list(action: "export.unmasked", on: db) }
            #expect(audit.count == 1)
            #expect(audit.first?.detail == "rows=2")
            #expect(audit.first?.actorID == users.admin.userID)
        }
    }

    @Test("A non-admin asking for an unmasked export is refused, and nothing is written", arguments: TestEngine.all)
    func unmaskedForbiddenForAgent(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            _ = try await Self.seed(services, users)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangol-export-\(UUID().uuidString).csv").path
            for principal in [users.agent, users.manager] {
                await #expect {
                    _ = try await CustomerExporter(services: services).export(to: .file(path), options: ExportOptions(unmasked: true), by: principal)
                } throws: { error in
                    (error as? DangolError)?.code == .forbidden
                }
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("An agent's masked export shows their own customers in clear, as the console does, and audits them",
          arguments: TestEngine.all)
    func agentSeesOwnCustomers(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            _ = try await Self.seed(services, users)
            let (summary, rows) = try await Self.export(services, by: users.agent)
            #expect(summary.unmaskedRows == 1)
            #expect(Self.column("mobile_phone", of: rows, row: 1) == "010-1234-5678")
            let (otherSummary, otherRows) = try await Self.export(services, by: users.otherAgent)
            #expect(otherSummary.unmaskedRows == 0)
            #expect(Self.column("mobile_phone", of: otherRows, row: 1) == "010-****-5678")
            let audit = try await services.read { db in try await AuditRepository().list(action: "export.unmasked", on: db) }
            #expect(audit.map(\.detail) == ["rows=1"])
        }
    }

    @Test("Cells a spreadsheet would run as formulas are neutralised", arguments: TestEngine.all)
    func formulaNeutralisation(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            _ = try await CustomerService(services: services).create(CustomerInput(
                kind: .organisation, displayName: "=HYPERLINK(\"http://evil.example\",\"click\")", tags: ["+cmd", "@SUM(A1)"]),
                by: users.admin)
            let (_, rows) = try await Self.export(services, by: users.admin)
            #expect(Self.column("display_name", of: rows, row: 1) == "'=HYPERLINK(\"http://evil.example\",\"click\")")
            #expect(Self.column("tags", of: rows, row: 1) == "'+cmd;@SUM(A1)")
        }
    }

    @Test("Paging by cursor exports every live customer once, in id order, and skips deleted ones", arguments: TestEngine.all)
    func paging(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let service = CustomerService(services: services)
            var ids: [CustomerID] = []
            for index in 0..<7 {
                ids.append(try await service.create(CustomerInput(kind: .person, displayName: "고객\(index)"), by: users.admin).id)
            }
            try await service.delete(ids[3], reason: "test", by: users.admin)
            let progress = ExportProgressLog()
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangol-export-\(UUID().uuidString).csv").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let summary = try await CustomerExporter(services: services).export(
                to: .file(path), options: ExportOptions(pageSize: 2), by: users.admin) { progress.record($0) }
            #expect(summary.rows == 6)
            let rows = try CSVFixtures.readCSV(path)
            #expect(rows.dropFirst().map { $0[0] } == ids.enumerated().filter { $0.offset != 3 }.map(\.element.rawValue))
            #expect(progress.values.last == 6)
            // A byte order mark for Korean Excel, skipped by readers.
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        }
    }

    @Test("An export can be imported again as it is", arguments: TestEngine.all)
    func roundTrip(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            _ = try await Self.seed(services, users)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangol-export-\(UUID().uuidString).csv").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            _ = try await CustomerExporter(services: services).export(to: .file(path), options: ExportOptions(unmasked: true), by: users.admin)
            let summary = try await CustomerImporter(services: services).importFile(path: path, options: ImportOptions(source: "export"),
                                                                                   by: users.admin)
            // Both rows are recognised by their identifiers: nothing is duplicated.
            #expect(summary.matched == 2)
            #expect(summary.created == 0)
            #expect(summary.ignoredColumns == ["id", "created_at"])
        }
    }
}

/// Collects the exporter's progress reports.
final class ExportProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int] = []
    func record(_ rows: Int) { lock.withLock { stored.append(rows) } }
    var values: [Int] { lock.withLock { stored } }
}
