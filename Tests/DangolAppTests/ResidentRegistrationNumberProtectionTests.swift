import DangolApp
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import Logging
import SQLKit
import Synchronization
import Testing

/// Collects every log line (message and metadata) so tests can search them for personal data.
final class CapturedLogs: Sendable {
    let lines = Mutex<[String]>([])

    var all: String { lines.withLock { $0.joined(separator: "\n") } }

    func handler(label: String) -> some LogHandler { CapturingHandler(store: self) }

    struct CapturingHandler: LogHandler {
        let store: CapturedLogs
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            store.lines.withLock { $0.append("\(event.level) \(event.message) \(merged)") }
        }
    }
}

@Suite("Resident registration numbers are protected")
struct ResidentRegistrationNumberProtectionTests {
    static let rrn = "900101-1234567"
    static let rrnDigits = "9001011234567"

    @Test("RRN collection is off until an admin records a legal basis", arguments: TestEngine.all)
    func offByDefault(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            let input = CustomerInput(kind: .person, displayName: "홍길동", identifiers: [IdentifierInput(type: "rrn", value: Self.rrn)])
            let error = await #expect(throws: DangolError.self) { _ = try await customers.create(input, by: users.admin) }
            #expect(error?.fieldErrors.first?.code == "rrn.collection_disabled")
            await #expect(throws: DangolError.self) {
                try await customers.setRRNCollection(enabled: true, legalBasis: "", by: users.admin)
            }
            await #expect(throws: DangolError.self) {
                try await customers.setRRNCollection(enabled: true, legalBasis: "전자금융거래법 제6조", by: users.manager)
            }
            try await customers.setRRNCollection(enabled: true, legalBasis: "전자금융거래법 제6조", by: users.admin)
            let created = try await customers.create(input, by: users.admin)
            #expect(created.identifiers.first?.value == "900101-1******")
        }
    }

    @Test("An RRN is never stored or logged in clear, yet can be looked up and shown to the owner", arguments: TestEngine.all)
    func neverInClear(engine: TestEngine) async throws {
        let logs = CapturedLogs()
        try await engine.withDatabase { database in
            let vault = try PersonalDataVault(dataKey: Array(repeating: 9, count: 32))
            let logger = Logger(label: "dangol.test", factory: { logs.handler(label: $0) })
            let services = AppServices(database: database, clock: TestClock(), vault: vault, logger: logger)
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            try await customers.setRRNCollection(enabled: true, legalBasis: "전자금융거래법 제6조", by: users.admin)
            let created = try await customers.create(
                CustomerInput(kind: .person, displayName: "홍길동", ownerID: users.agent.userID,
                              identifiers: [IdentifierInput(type: "rrn", value: Self.rrn)]), by: users.admin)
            // A second customer with the same number is a conflict, found through the keyed hash.
            let conflict = await #expect(throws: DangolError.self) {
                _ = try await customers.create(CustomerInput(kind: .person, displayName: "홍길순",
                                                             identifiers: [IdentifierInput(type: "rrn", value: Self.rrnDigits)]), by: users.admin)
            }
            #expect(conflict?.conflictingCustomerID == created.id)
            #expect(conflict?.message.contains(Self.rrnDigits.prefix(6)) == false)
            let found = try await customers.lookup(type: "rrn", value: Self.rrnDigits, for: users.agent)
            #expect(found.id == created.id)
            #expect(found.identifiers.first?.value == Self.rrn)
            #expect(try await customers.view(created.id, for: users.manager).identifiers.first?.value == "900101-1******")

            // Search every stored text value for the clear number.
            let dump = try await Self.dumpAllText(database)
            #expect(!dump.isEmpty)
            #expect(!dump.contains(Self.rrnDigits))
            #expect(!dump.contains(Self.rrn))
            #expect(!dump.contains("1234567"))
            if database.engine == .sqlite {
                for suffix in ["", "-wal"] {
                    let path = database.location + suffix
                    if let bytes = FileManager.default.contents(atPath: path) {
                        #expect(bytes.range(of: Data(Self.rrnDigits.utf8)) == nil, "found in \(suffix)")
                        #expect(bytes.range(of: Data(Self.rrn.utf8)) == nil)
                        // Sanity: the file does hold the customer's (unprotected) name.
                        #expect(bytes.range(of: Data("홍길동".utf8)) != nil || suffix == "")
                    }
                }
            }
            if database.engine == .postgres, let logPath = ProcessInfo.processInfo.environment["DANGOL_TEST_POSTGRES_LOG"],
               let serverLog = try? String(contentsOfFile: logPath, encoding: .utf8) {
                #expect(!serverLog.contains(Self.rrnDigits))
            }
        }
        #expect(!logs.all.contains(Self.rrnDigits))
        #expect(!logs.all.contains("1234567"))
    }

    /// Every text column of every table, concatenated.
    static func dumpAllText(_ database: Database) async throws -> String {
        try await database.read { db in
            let tables: [String]
            switch database.engine {
            case .sqlite:
                tables = try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table'").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            case .postgres:
                tables = try await db.raw("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            }
            var text = ""
            for table in tables {
                let rows: [any SQLRow]
                switch database.engine {
                case .sqlite:
                    rows = try await db.raw("SELECT * FROM \(ident: table)").all()
                case .postgres:
                    rows = try await db.raw("SELECT row_to_json(t)::text AS json FROM \(ident: table) t").all()
                }
                for row in rows {
                    for column in row.allColumns {
                        if let value = try? row.decode(column: column, as: String.self) { text += value + "\n" }
                    }
                }
            }
            return text
        }
    }
}

@Suite("Concurrency and atomicity")
struct CustomerConcurrencyTests {
    @Test("Two concurrent creates with the same phone end as one customer and one clear conflict", arguments: TestEngine.all)
    func concurrentCreates(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            let results = await withTaskGroup(of: Result<CustomerView, DangolError>.self) { group in
                for index in 0..<6 {
                    group.addTask {
                        do {
                            return .success(try await customers.create(
                                CustomerInput(kind: .person, displayName: "동시\(index)",
                                              identifiers: [IdentifierInput(type: "phone", value: "010-7777-8888")]), by: users.admin))
                        } catch let error as DangolError { return .failure(error) } catch { return .failure(.storageUnavailable()) }
                    }
                }
                var all: [Result<CustomerView, DangolError>] = []
                for await result in group { all.append(result) }
                return all
            }
            let successes = results.compactMap { try? $0.get() }
            #expect(successes.count == 1)
            for case .failure(let error) in results { #expect(error.code == .identifierConflict) }
            let count = try await services.database.read { db in try await CustomerRepository().countLive(on: db) }
            #expect(count == 1)
        }
    }
}
