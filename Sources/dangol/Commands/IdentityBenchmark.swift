import ArgumentParser
import DangolApp
import DangolCore
import DangolIdentity
import DangolStore
import Foundation

extension BenchCommand {
    /// `dangol bench identity`: the database path of identity resolution, end to end and scored against the truth —
    /// synthetic records (people, companies, households, noise) imported with `CustomerImporter` (deterministic
    /// matching, the shared-phone guard, the model for weak values), then `dangol dedupe` over the database.
    struct IdentityBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "identity",
            abstract: "Import N synthetic records with known truth, deduplicate the database, and score it (precision, recall, F1)."
        )

        @Option(help: "How many records.")
        var records: Int = 100_000

        @Option(help: "Random seed of the generator.")
        var seed: UInt64 = 2026

        @Option(help: "SQLite file (deleted first) or postgres:// URL (must be empty).")
        var db: String = "bench-data/identity.sqlite"

        func run() async throws {
            try FileManager.default.createDirectory(atPath: "bench-data", withIntermediateDirectories: true)
            let csv = "bench-data/identity-import-\(records)-\(seed).csv"
            let truth = try SyntheticImportCSV(generator: SyntheticIdentityGenerator(seed: seed)).write(records: records, to: csv)
            if !db.hasPrefix("postgres") {
                for suffix in ["", "-wal", "-shm", ".key"] { try? FileManager.default.removeItem(atPath: db + suffix) }
            }
            let (services, _) = try await CommandEnvironment.start(database: db)
            let importer = CustomerImporter(services: services)
            var options = ImportOptions(source: "bench")
            options.rejectPath = csv + ".rejects.csv"
            let imported = try await importer.importFile(path: csv, options: options, by: .system("bench"))
            let afterImport = try await score(services, truth: truth)
            let dedupe = try await DatabaseDedupe(services: services).run(dryRun: false, by: .system("bench"))
            let afterDedupe = try await score(services, truth: truth)
            print("""
                \(records) records → import \(String(format: "%.1f", imported.elapsedSeconds)) s (created \(imported.created), \
                matched \(imported.matched), rejected \(imported.rejected), reviews \(imported.reviews)); \
                dedupe \(String(format: "%.1f", dedupe.seconds)) s (\(dedupe.merges.count) merges, \(dedupe.reviewPairs.count) review pairs, \
                \(dedupe.statistics.pairsCompared) pairs compared)
                after import: precision \(Self.f(afterImport.precision)), recall \(Self.f(afterImport.recall)), F1 \(Self.f(afterImport.f1))
                after dedupe: precision \(Self.f(afterDedupe.precision)), recall \(Self.f(afterDedupe.recall)), F1 \(Self.f(afterDedupe.f1)) \
                (over the \(truth.count - imported.rejected) imported records; rejected rows are in \(options.rejectPath ?? ""))
                RESULT identity engine=\(services.database.engine.rawValue) records=\(records) import_seconds=\(String(format: "%.2f", imported.elapsedSeconds)) \
                dedupe_seconds=\(String(format: "%.2f", dedupe.seconds)) rejected=\(imported.rejected) precision=\(Self.f(afterDedupe.precision)) \
                recall=\(Self.f(afterDedupe.recall)) f1=\(Self.f(afterDedupe.f1))
                """)
            await services.database.close()
        }

        /// Pairwise precision/recall/F1 of the customers the imported records belong to, against the truth.
        private func score(_ services: AppServices, truth: [String: String]) async throws -> PairwiseScore {
            let links = try await services.read { db in try await SourceRecordRepository().links(source: "bench", on: db) }
            var predicted: [String] = []
            var actual: [String] = []
            for (externalID, customer) in links {
                guard let entity = truth[externalID] else { continue }
                predicted.append(customer.rawValue)
                actual.append(entity)
            }
            return PairwiseScore(predicted: predicted, truth: actual)
        }

        private static func f(_ value: Double) -> String { String(format: "%.4f", value) }
    }
}
