import DangolApp
import DangolCSV
import DangolCore
import DangolStore
import DangolTestSupport
import Foundation
import SQLKit
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("Importing customers from CSV")
struct CustomerImportTests {
    @Test("A clean file creates every customer with identifiers, consents, lineage, events and one audit entry per batch",
          arguments: TestEngine.all)
    func cleanFile(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            try await CustomerService(services: services).defineAttribute(
                AttributeDefinition(key: "grade", label: "등급", type: .text), by: users.admin)
            let csv = """
                display_name,kind,mobile_phone,email,customer_number,birth_date,stage,owner,tags,attr.grade,consent.marketing_sms,brn
                홍길동,person,010-1234-5678,hong@example.com,C-1,1990-01-01,active,agent,VIP;온라인,gold,Y,
                김영희,,01098765432,kim@example.com,C-2,,lead,user-agent2,,silver,N,
                주식회사 한빛소프트,organisation,,info@hanbit.co.kr,C-3,,,,,,,124-81-00998

                """
            try await CSVFixtures.withFile(csv) { path in
                let progress = ImportProgressLog()
                let summary = try await CustomerImporter(services: services).importFile(
                    path: path, options: ImportOptions(batchSize: 2), by: users.admin) { progress.record($0) }
                #expect(summary.rowsRead == 3)
                #expect(summary.created == 3)
                #expect(summary.matched == 0 && summary.unchanged == 0 && summary.rejected == 0)
                #expect(summary.rejectFile == nil)
                #expect(summary.encoding == "utf-8")
                #expect(progress.reports.count == 2)
                #expect(progress.reports.last?.rowsRead == 3)
                #expect(progress.reports.last?.bytesRead == progress.reports.last?.totalBytes)

                let counts = try await CSVFixtures.tableCounts(services)
                #expect(counts["customers"] == 3)
                // 홍길동: mobile, email, customer number, name+birth date; 김영희: mobile, email, number; 한빛: email, number, BRN.
                #expect(counts["identifiers"] == 10)
                #expect(counts["consent_events"] == 2)
                #expect(counts["lifecycle_events"] == 3)
                #expect(counts["source_records"] == 3)
                // One outbox event per batch lists the customers it created.
                let payloads = try await CSVFixtures.strings(services, "SELECT payload AS s FROM domain_events WHERE type = 'customers.imported' ORDER BY id")
                #expect(payloads.count == 2)
                let listed = try payloads.flatMap { payload in
                    let object = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
                    return try #require(object["created"] as? [String])
                }
                let customerIDs = try await CSVFixtures.strings(services, "SELECT id AS s FROM customers")
                #expect(Set(listed) == Set(customerIDs))
                #expect(listed.count == 3)
                #expect(try await CSVFixtures.count(services, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'import.batch'") == 2)

                let page = try await CustomerService(services: services).list(CustomerFilter(), after: nil, limit: 10, for: users.admin, reveal: true)
                let hong = try #require(page.items.first { $0.displayName == "홍길동" })
                #expect(hong.lifecycleStage == .active)
                #expect(hong.ownerID == "user-agent")
                #expect(hong.tags == ["VIP", "온라인"])
                #expect(hong.attributes["grade"] == .text("gold"))
                #expect(Set(hong.identifiers.map(\.type)) == [.mobilePhone, .email, .customerNumber, .nameBirthDate])
                let kim = try #require(page.items.first { $0.displayName == "김영희" })
                #expect(kim.ownerID == "user-agent2")
                #expect(kim.kind == .person)
                let detail = try await CustomerService(services: services).detail(kim.id, for: users.admin)
                #expect(detail.consent.entries.map(\.granted) == [false])
                #expect(detail.consentHistory.first?.channel == "import")
                #expect(page.items.contains { $0.kind == .organisation && $0.displayName == "주식회사 한빛소프트" })
                #expect(try await CSVFixtures.foreignKeyViolations(services) == 0)
            }
        }
    }

    @Test("Korean headers map to fields without a mapping file", arguments: TestEngine.all)
    func koreanHeaders(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let csv = "이름,휴대폰,이메일,고객번호,생년월일,메모\n홍길동,010-1234-5678,hong@example.com,A100,1990.01.01,단골\n"
            try await CSVFixtures.withFile(csv) { path in
                let summary = try await CustomerImporter(services: services).importFile(path: path, by: users.admin)
                #expect(summary.created == 1)
                #expect(summary.ignoredColumns == ["메모"])
                let types = try await CSVFixtures.identifierTypes(services)
                #expect(types == ["customer_number", "email", "mobile_phone", "name_birth_date"])
            }
        }
    }

    @Test("A CP949 file saved by Korean Excel is detected and imported", arguments: TestEngine.all)
    func cp949File(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let bytes = CSVFixtures.cp949("이름,휴대전화,이메일\r\n홍길동,010-1234-5678,hong@example.com\r\n똠방각하,010-2222-3333,ddom@example.com\r\n")
            try await CSVFixtures.withFile(bytes: bytes) { path in
                let summary = try await CustomerImporter(services: services).importFile(path: path, by: users.admin)
                #expect(summary.encoding == "cp949")
                #expect(summary.created == 2)
                let names = try await services.read { db in
                    try await db.raw("SELECT display_name FROM customers ORDER BY display_name").all()
                        .map { try $0.decode(column: "display_name", as: String.self) }
                }
                #expect(names == ["똠방각하", "홍길동"])
            }
        }
    }

    @Test("A file without a display_name column is refused before anything is written", arguments: TestEngine.all)
    func missingNameColumn(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            try await CSVFixtures.withFile("email,mobile_phone\nhong@example.com,010-1234-5678\n") { path in
                await #expect {
                    _ = try await CustomerImporter(services: services).importFile(path: path, by: users.admin)
                } throws: { error in
                    guard let error = error as? DangolError else { return false }
                    return error.code == .invalidInput && error.message.contains("display_name")
                }
                let customers = try await CSVFixtures.tableCounts(services)["customers"]
                let batches = try await CSVFixtures.count(services, "SELECT COUNT(*) AS n FROM audit_log WHERE action = 'import.batch'")
                #expect(customers == 0)
                #expect(batches == 0)
                #expect(!FileManager.default.fileExists(atPath: path + ".rejects.csv"))
            }
        }
    }

    @Test("Bad rows are rejected with their line and a reason free of personal data, and no good row is lost",
          arguments: TestEngine.all)
    func badRows(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let csv = """
                display_name,mobile_phone,email,stage
                홍길동,010-1234-5678,hong@example.com,active
                김철수,010-12,kim@example.com,lead
                이영희,010-2222-3333,lee-at-example.com,lead
                박민수,010-3333-4444,park@example.com,vip
                최지우,010-4444-5555
                "정
                우성",010-5555-6666,jung@example.com,prospect

                강동원,010-6666-7777,kang@example.com,active
                "윤미래,010-7777-8888,yoon@example.com,lead
                """
            try await CSVFixtures.withFile(csv) { path in
                let summary = try await CustomerImporter(services: services).importFile(
                    path: path, options: ImportOptions(batchSize: 3), by: users.admin)
                #expect(summary.rowsRead == 8)
                #expect(summary.created == 3)
                #expect(summary.rejected == 5)
                #expect(summary.rejectFile == path + ".rejects.csv")
                let names = try await services.read { db in
                    try await db.raw("SELECT display_name FROM customers ORDER BY display_name").all()
                        .map { try $0.decode(column: "display_name", as: String.self) }
                }
                #expect(names == ["강동원", "정 우성", "홍길동"])

                let rejects = try CSVFixtures.readCSV(path + ".rejects.csv")
                #expect(rejects.first == ["line", "reason", "display_name", "mobile_phone", "email", "stage"])
                let rows = Array(rejects.dropFirst())
                #expect(rows.map { $0[0] } == ["3", "4", "5", "6", "11"])
                #expect(rows[0][1] == "line 3: mobile_phone: The phone number has too few digits for its prefix.")
                #expect(rows[1][1].hasPrefix("line 4: email: "))
                #expect(rows[2][1].hasPrefix("line 5: stage: unknown stage"))
                #expect(rows[3][1] == "line 6: the row has 2 fields but the header has 4")
                #expect(rows[4][1].hasPrefix("line 11: a quoted field is never closed"))
                // The original fields follow, so the file can be corrected and imported again.
                #expect(Array(rows[0].dropFirst(2)) == ["김철수", "010-12", "kim@example.com", "lead"])
                #expect(Array(rows[3].dropFirst(2)) == ["최지우", "010-4444-5555"])
                // Reasons name fields and rules, never values.
                for row in rows {
                    for value in ["010-12", "lee-at-example.com", "vip", "김철수", "이영희", "박민수", "최지우"] {
                        #expect(!row[1].contains(value))
                    }
                }
            }
        }
    }

    @Test("Importing the same file again creates nothing new", arguments: TestEngine.all)
    func reimport(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let csv = """
                display_name,mobile_phone,email,consent.marketing_email
                홍길동,010-1234-5678,hong@example.com,Y
                김영희,010-9876-5432,,N
                이순신,,lee@example.com,
                이순신,,lee@example.com,
                박지성,bad,,

                """
            try await CSVFixtures.withFile(csv) { path in
                let importer = CustomerImporter(services: services)
                let first = try await importer.importFile(path: path, by: users.admin)
                #expect(first.created == 3)
                #expect(first.unchanged == 1)
                #expect(first.rejected == 1)
                let before = try await CSVFixtures.tableCounts(services)
                let second = try await importer.importFile(path: path, by: users.admin)
                #expect(second.created == 0)
                #expect(second.matched == 0)
                #expect(second.unchanged == 4)
                #expect(second.rejected == 1)
                var after = try await CSVFixtures.tableCounts(services)
                #expect(after["audit_log"] == (before["audit_log"] ?? 0) + 1)
                after["audit_log"] = before["audit_log"]
                #expect(after == before)
                // The same rows under another source name are recognised by their identifiers instead.
                let third = try await importer.importFile(path: path, options: ImportOptions(source: "crm-2"), by: users.admin)
                #expect(third.created == 0)
                #expect(third.matched == 3)
                #expect(try await CSVFixtures.tableCounts(services)["customers"] == 3)
                #expect(try await CSVFixtures.tableCounts(services)["identifiers"] == before["identifiers"])
            }
        }
    }

    @Test("A row with an existing customer's e-mail attaches to that customer and adds its new identifiers",
          arguments: TestEngine.all)
    func attachesToExisting(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let existing = try await CustomerService(services: services).create(CustomerInput(
                kind: .person, displayName: "홍길동", identifiers: [IdentifierInput(type: "email", value: "hong@example.com")]),
                by: users.admin)
            let csv = "display_name,email,mobile_phone,consent.marketing_sms\n홍 길동,HONG@Example.com,010-1234-5678,Y\n"
            try await CSVFixtures.withFile(csv) { path in
                let summary = try await CustomerImporter(services: services).importFile(path: path, by: users.admin)
                #expect(summary.created == 0)
                #expect(summary.matched == 1)
                #expect(try await CSVFixtures.tableCounts(services)["customers"] == 1)
                let view = try await CustomerService(services: services).view(existing.id, for: users.admin)
                #expect(Set(view.identifiers.map(\.type)) == [.email, .mobilePhone])
                #expect(view.displayName == "홍*동")
                // A matched row does not apply its consents: a stale file must not re-grant a withdrawn consent.
                #expect(try await CSVFixtures.tableCounts(services)["consent_events"] == 0)
                #expect(try await CSVFixtures.count(services, "SELECT COUNT(*) AS n FROM source_records WHERE customer_id = '\(existing.id.rawValue)'") == 1)
                #expect(try await CSVFixtures.foreignKeyViolations(services) == 0)
            }
        }
    }

    @Test("Duplicate e-mails inside one file give one customer, within a batch and across batches", arguments: TestEngine.all)
    func duplicatesInFile(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let csv = """
                display_name,email,mobile_phone
                홍길동,hong@gmail.com,
                홍길동,Hong@Gmail.com,010-1234-5678
                김영희,kim@example.com,
                Hong Gildong,h.o.n.g+shop@gmail.com,
                김영희,,010-1234-5678

                """
            try await CSVFixtures.withFile(csv) { path in
                let summary = try await CustomerImporter(services: services).importFile(
                    path: path, options: ImportOptions(batchSize: 2), by: users.admin)
                // Lines 3 and 5 are 홍길동 again (Gmail ignores case, dots and +tags). Line 6 has 홍길동's mobile phone
                // and nothing else in common, under a clearly different name: a shared phone (SharedPhoneGuard), so it
                // is not fused with 홍길동 — it becomes a customer of its own with the number as other_phone (whether
                // it is line 4's 김영희 is for dedupe and a steward). (Line 5 named 홍길동 would be line 2 normalised,
                // and so unchanged: without an external_id the lineage key is the normalised row.)
                #expect(summary.created == 3)
                #expect(summary.matched == 2)
                #expect(summary.rejected == 0)
                #expect(summary.sharedPhones == 1)
                #expect(try await CSVFixtures.foreignKeyViolations(services) == 0)
                #expect(try await CSVFixtures.tableCounts(services)["customers"] == 3)
                #expect(try await CSVFixtures.count(services, "SELECT COUNT(*) AS n FROM identifiers WHERE type = 'email'") == 2)
                #expect(try await CSVFixtures.count(services, "SELECT COUNT(*) AS n FROM identifiers WHERE type = 'other_phone'") == 1)
            }
        }
    }

    @Test("A row whose identifiers belong to two different customers is rejected", arguments: TestEngine.all)
    func conflictingIdentifiers(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            let customers = CustomerService(services: services)
            _ = try await customers.create(CustomerInput(kind: .person, displayName: "홍길동",
                                                         identifiers: [IdentifierInput(type: "email", value: "hong@example.com")]), by: users.admin)
            _ = try await customers.create(CustomerInput(kind: .person, displayName: "김영희",
                                                         identifiers: [IdentifierInput(type: "mobile_phone", value: "010-1234-5678")]), by: users.admin)
            let csv = "display_name,email,mobile_phone\n홍길동,hong@example.com,010-1234-5678\n이순신,lee@example.com,\n"
            try await CSVFixtures.withFile(csv) { path in
                let summary = try await CustomerImporter(services: services).importFile(path: path, by: users.admin)
                #expect(summary.rejected == 1)
                #expect(summary.created == 1)
                let rejects = try CSVFixtures.readCSV(path + ".rejects.csv")
                #expect(rejects[1][1] == "line 2: identifiers belong to different customers; merge them or correct the row")
                #expect(try await CSVFixtures.tableCounts(services)["customers"] == 3)
            }
        }
    }

    @Test("Only roles that may change customers can import", arguments: TestEngine.all)
    func analystCannotImport(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            try await CSVFixtures.withFile("display_name\n홍길동\n") { path in
                await #expect(throws: DangolError.self) {
                    _ = try await CustomerImporter(services: services).importFile(path: path, by: users.analyst)
                }
            }
        }
    }

    @Test("A mapping file names columns by header, with comments and ignored columns")
    func mappingFile() throws {
        let mapping = try ImportMapping.parse("""
            # our shop's export
            회원명 = display_name
            핸드폰=mobile_phone
            SMS수신=consent.marketing_sms
            등급=attr.grade
            이메일=-
            """)
        #expect(mapping.columns == ["회원명": .displayName, "핸드폰": .mobilePhone, "SMS수신": .consent(.marketingSMS),
                                    "등급": .attribute("grade")])
        #expect(mapping.ignoredHeaders == ["이메일"])
        let json = try ImportMapping.parse(#"{"회원명": "display_name", "메모": null}"#)
        #expect(json.columns == ["회원명": .displayName])
        #expect(json.ignoredHeaders == ["메모"])
        #expect(throws: DangolError.self) { try ImportMapping.parse("이름=nickname") }
        #expect(throws: DangolError.self) { try ImportMapping.parse("just a line") }
        #expect(ImportMapping.defaultField(forHeader: "휴대폰") == .mobilePhone)
        #expect(ImportMapping.defaultField(forHeader: "E-mail") == .email)
        #expect(ImportMapping.defaultField(forHeader: "메모") == nil)
        #expect(ImportMapping.defaultField(forHeader: "Mobile Phone") == .mobilePhone)
        #expect(ImportMapping.defaultField(forHeader: "사업자등록번호") == .businessRegistrationNumber)
    }

    @Test("A mapping that does not fit the file is refused before anything is written", arguments: TestEngine.all)
    func mappingMismatch(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            try await CSVFixtures.withFile("회원명,핸드폰\n홍길동,010-1234-5678\n") { path in
                let importer = CustomerImporter(services: services)
                let missing = ImportMapping(columns: ["회원명": .displayName, "휴대폰번호": .mobilePhone])
                await #expect(throws: DangolError.self) { _ = try await importer.importFile(path: path, mapping: missing, by: users.admin) }
                let undefined = ImportMapping(columns: ["회원명": .displayName, "핸드폰": .attribute("grade")])
                await #expect(throws: DangolError.self) { _ = try await importer.importFile(path: path, mapping: undefined, by: users.admin) }
                let customers = try await CSVFixtures.tableCounts(services)["customers"]
                #expect(customers == 0)
                let good = ImportMapping(columns: ["회원명": .displayName, "핸드폰": .mobilePhone])
                let summary = try await importer.importFile(path: path, mapping: good, by: users.admin)
                #expect(summary.created == 1)
            }
        }
    }

    @Test("An explicit encoding is passed through to the reader", arguments: TestEngine.all)
    func explicitEncoding(engine: TestEngine) async throws {
        try await engine.withServices { services in
            let users = try await TestUsers.create(in: services)
            try await CSVFixtures.withFile(bytes: CSVFixtures.cp949("이름\n홍길동\n")) { path in
                var options = ImportOptions()
                options.encoding = .utf8
                // Read as UTF-8, the CP949 header is invalid: the file cannot be imported that way.
                await #expect(throws: DangolError.self) {
                    _ = try await CustomerImporter(services: services).importFile(path: path, options: options, by: users.admin)
                }
                options.encoding = .cp949
                let summary = try await CustomerImporter(services: services).importFile(path: path, options: options, by: users.admin)
                #expect(summary.created == 1)
            }
        }
    }
}

// MARK: - Helpers

/// Collects progress reports from the importer's callback.
final class ImportProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [ImportProgress] = []
    func record(_ progress: ImportProgress) { lock.withLock { stored.append(progress) } }
    var reports: [ImportProgress] { lock.withLock { stored } }
}

/// Files and database counts shared by the import, export and demo tests.
enum CSVFixtures {
    /// Writes `text` (UTF-8) to a fresh temporary file, runs `body` with its path, then removes it and its reject file.
    static func withFile(_ text: String, _ body: (String) async throws -> Void) async throws {
        try await CSVFixtures.withFile(bytes: Array(text.utf8), body)
    }

    static func withFile(bytes: [UInt8], _ body: (String) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dangol-import-\(UUID().uuidString).csv").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: path + ".rejects.csv")
        }
        try await body(path)
    }

    /// Every record of a CSV file (failing records left out).
    static func readCSV(_ path: String) throws -> [[String]] {
        try CSVFileReader(path: path).compactMap { try? $0.get().fields }
    }

    /// Row counts of the tables an import writes.
    static func tableCounts(_ services: AppServices) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in ["customers", "identifiers", "consent_events", "lifecycle_events", "source_records", "domain_events", "audit_log",
                      "customer_tags", "customer_attributes"] {
            counts[table] = try await CSVFixtures.count(services, "SELECT COUNT(*) AS n FROM \(table)")
        }
        return counts
    }

    /// Rows that break a foreign key. Imports write with SQLite's foreign key checks off (a bulk-load transaction),
    /// so the tests look for orphans themselves; PostgreSQL checks every row anyway.
    static func foreignKeyViolations(_ services: AppServices) async throws -> Int {
        guard services.database.engine == .sqlite else { return 0 }
        return try await services.read { db in try await db.raw("PRAGMA foreign_key_check").all().count }
    }

    static func count(_ services: AppServices, _ sql: String) async throws -> Int {
        try await services.read { db in
            try await db.raw("\(unsafeRaw: sql)").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    static func strings(_ services: AppServices, _ sql: String) async throws -> [String] {
        try await services.read { db in
            try await db.raw("\(unsafeRaw: sql)").all().map { try $0.decode(column: "s", as: String.self) }
        }
    }

    static func identifierTypes(_ services: AppServices) async throws -> [String] {
        try await services.read { db in
            try await db.raw("SELECT type FROM identifiers ORDER BY type").all().map { try $0.decode(column: "type", as: String.self) }
        }
    }

    /// `text` encoded as CP949, the way Korean Excel saves CSV (through the C library's iconv).
    static func cp949(_ text: String) -> [UInt8] {
        let converter = iconv_open("CP949", "UTF-8")
        precondition(converter != iconv_t(bitPattern: -1), "iconv lacks CP949")
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 8)
        let produced = input.withUnsafeMutableBytes { inputBytes in
            output.withUnsafeMutableBytes { outputBytes in
                var inPointer = inputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inputBytes.count
                var outPointer = outputBytes.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outputBytes.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                precondition(result != -1, "text not representable in CP949")
                return outputBytes.count - outLeft
            }
        }
        return Array(output.prefix(produced))
    }
}
