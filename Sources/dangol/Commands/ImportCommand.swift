import ArgumentParser
import DangolApp
import DangolCSV
import DangolCore
import DangolStore
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import data from CSV files.",
        subcommands: [Customers.self, Transactions.self]
    )

    struct Customers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import customers from a CSV file (UTF-8 or CP949/EUC-KR).",
            discussion: """
                Columns are matched by header: display_name (or 이름), kind, mobile_phone (휴대폰), email (이메일), \
                customer_number (고객번호), other_phone, login_id, birth_date (생년월일), brn (사업자등록번호), crn, \
                web_domain, stage, owner, tags (separated by ;), attr.<key>, consent.<purpose>, external_id. \
                A mapping file of `csv header=field` lines maps other headers.

                The file is streamed and committed in batches; each batch lands entirely or not at all. Rejected rows are \
                written with their line number and reason to FILE.rejects.csv. Importing the same file again creates \
                nothing new; rows whose strong identifiers belong to an existing customer are attached to that customer.
                """
        )

        @Argument(help: "The CSV file.")
        var file: String

        @Option(help: "A mapping file: `csv header=field` per line.")
        var mapping: String?

        @Option(help: "auto, utf-8 or cp949.")
        var encoding: String = "auto"

        @Option(help: "The source system name recorded as lineage (makes re-imports idempotent per source).")
        var source: String = "import"

        @Option(help: "Where to write rejected rows (default FILE.rejects.csv).")
        var rejects: String?

        @Option(help: "Rows per transaction.")
        var batchSize: Int = ImportOptions().batchSize

        @Option(help: "Database (overrides DANGOL_DB).")
        var db: String?

        func validate() throws {
            guard CSVEncoding(rawValue: encoding) != nil else { throw ValidationError("--encoding must be auto, utf-8 or cp949.") }
            guard (1...50_000).contains(batchSize) else { throw ValidationError("--batch-size must be 1…50000.") }
        }

        func run() async throws {
            let (services, _) = try await CommandEnvironment.start(database: db)
            let progress = ProgressLine()
            do {
                let map = try mapping.map { path throws(DangolError) in try ImportMapping.load(path: path) } ?? .automatic
                let options = ImportOptions(source: source, batchSize: batchSize, rejectPath: rejects,
                                            encoding: CSVEncoding(rawValue: encoding) ?? .auto)
                let summary = try await CustomerImporter(services: services).importFile(
                    path: file, mapping: map, options: options, by: .system("cli-import"), progress: progress.report)
                progress.finish()
                print(ImportCommand.describe(summary))
            } catch {
                progress.finish()
                await services.database.close()
                CommandEnvironment.fail(error)
            }
            await services.database.close()
        }
    }

    static func describe(_ summary: ImportSummary) -> String {
        var text = """
            Read \(summary.rowsRead) rows (\(summary.encoding)) in \(String(format: "%.1f", summary.elapsedSeconds)) s \
            — \(Int(summary.rowsPerSecond)) rows/s.
              created   \(summary.created)
              matched   \(summary.matched)  (attached to existing customers)
              unchanged \(summary.unchanged)  (already imported)
              rejected  \(summary.rejected)
              reviews   \(summary.reviews)  (likely duplicates sent to the review queue)
              shared    \(summary.sharedPhones)  (mobile phones of another person, kept as other_phone)
            """
        if let rejectFile = summary.rejectFile, summary.rejected > 0 { text += "\nRejected rows with reasons: \(rejectFile)" }
        if !summary.ignoredColumns.isEmpty { text += "\nIgnored columns: \(summary.ignoredColumns.joined(separator: ", "))" }
        return text
    }

    struct Transactions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import sales (purchases and refunds) from a CSV file.",
            discussion: """
                Columns: external_id, occurred_at (ISO 8601 or YYYY-MM-DD HH:MM in Seoul time), channel (store, web, app, \
                call_center, partner), kind (purchase/refund), refund_of, store, currency (KRW), amount, and one line per \
                row: sku, quantity, unit_price, unit_cost — consecutive rows with the same external_id are one transaction. \
                The buyer: customer_id, or customer_number / mobile_phone / email of a live customer; otherwise anonymous.

                Streamed and committed in batches; rejected rows go to FILE.rejects.csv with their line and reason; importing \
                the same file again records nothing twice. Run `dangol tiers evaluate` afterwards to update tiers.
                """
        )

        @Argument(help: "The CSV file.")
        var file: String

        @Option(help: "The source system name (external ids are unique per source).")
        var source: String = "import"

        @Option(help: "Where to write rejected rows (default FILE.rejects.csv).")
        var rejects: String?

        @Option(help: "Rows per database transaction (1–50000); larger batches write each index page fewer times.")
        var batchSize: Int = TransactionImporter.defaultBatchSize

        @Option(help: "Database (SQLite file or postgres:// URL); default DANGOL_DB.")
        var db: String?

        func run() async throws {
            let (services, _) = try await CommandEnvironment.start(database: db)
            do {
                let progress = ProgressLine()
                let start = ContinuousClock.now
                let summary = try await TransactionImporter(services: services).importFile(
                    path: file, source: source, batchSize: batchSize, rejectPath: rejects, by: .system("cli-import")) { rows, bytes, total in
                    let elapsed = ContinuousClock.now - start
                    progress.report(ImportProgress(rowsRead: rows, created: 0, matched: 0, unchanged: 0, rejected: 0, bytesRead: bytes,
                                                   totalBytes: total,
                                                   elapsedSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
                }
                progress.finish()
                print("""
                    Read \(summary.rowsRead) rows in \(String(format: "%.1f", summary.elapsedSeconds)) s.
                      recorded   \(summary.created)  (\(summary.identified) with a known buyer)
                      unchanged  \(summary.unchanged)  (already imported)
                      rejected   \(summary.rejected)\(summary.rejectFile.map { "  → \($0)" } ?? "")
                    """)
            } catch {
                await services.database.close()
                CommandEnvironment.fail(error)
            }
            await services.database.close()
        }
    }
}
