import ArgumentParser
import DangolApp
import DangolCSV
import DangolCore
import DangolIdentity
import DangolStore
import Foundation

struct DedupeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract: "Find the records that are the same customer (identity resolution) — in the database or in a CSV file.",
        discussion: """
            Without --input: every live customer in the database (DANGOL_DB or --db) goes through the engine; each \
            cluster is merged into its oldest record (rule `auto`, lineage kept, undoable), uncertain pairs go to the \
            review queue, and the fitted models are stored for real-time resolution. --dry-run only reports.

            With --input: reads FILE.csv, normalises names, birth dates, phones, e-mail addresses, addresses, postcodes, customer \
            numbers, BRN/CRN and web domains, compares candidate pairs found by blocking, weighs the evidence with a \
            Fellegi–Sunter model fitted by EM on the file itself, clusters with a guard against chaining, and writes \
            record_id,cluster_id (a cluster is named by the id of its first record).

            Columns are matched by header (id, kind, name, company_name, birth_date, phone, email, address, postcode, \
            customer_number, brn, crn, domain, or common Korean headers such as 이름, 휴대폰, 생년월일, 주소); a mapping \
            file of `csv header=field` lines maps other headers. Records sharing a customer number, e-mail, BRN or CRN \
            are always one customer; a shared phone never suffices on its own (households share phones).

            Evaluate on data with known truth:
              dangol dedupe generate --records 100000 --out bench-data/ids.csv
              dangol dedupe --input bench-data/ids.csv --out bench-data/clusters.csv --truth-column entity_id
            """,
        subcommands: [Resolve.self, Generate.self],
        defaultSubcommand: Resolve.self
    )

    /// `dangol dedupe --input …`: the default subcommand, so that `generate` can have its own `--out`.
    struct Resolve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Resolve the database's customers, or the records of a CSV file (the default: `dangol dedupe [--input …]`)."
        )

        @Option(help: "Database (SQLite file or postgres:// URL) when deduplicating the database; default DANGOL_DB.")
        var db: String?

        @Flag(help: "Database mode: report what would be merged and queued, change nothing.")
        var dryRun = false

        @Option(help: "Database mode: write the merges and review pairs (customer ids and probabilities only) to this CSV.")
        var report: String?

        @Option(help: "The CSV file of records to resolve.")
        var input: String?

        @Option(help: "A mapping file: `csv header=field` per line (fields as above; - ignores a column).")
        var mapping: String?

        @Option(help: "Where to write record_id,cluster_id.")
        var out: String?

        @Option(help: "Where to write the pairs for review (left_record_id,right_record_id,probability,weight).")
        var review: String?

        @Option(help: "A column holding the true entity of each record: prints pairwise precision, recall and F1.")
        var truthColumn: String?

        @Option(help: "Match probability from which records merge without review.")
        var autoMerge: Double = MatchThresholds().autoMerge

        @Option(help: "Match probability from which a pair goes to review.")
        var reviewThreshold: Double = MatchThresholds().review

        @Option(help: "Blocks with more records than this are skipped (and counted).")
        var maxBlockSize: Int = ResolutionConfiguration().maxBlockSize

        @Option(help: "Use the models in this JSON file instead of fitting them with EM.")
        var model: String?

        @Option(help: "Write the models used (JSON) to this file, e.g. to reuse them with --model.")
        var modelOut: String?

        @Option(help: "auto, utf-8 or cp949.")
        var encoding: String = "auto"

        func validate() throws {
            if input == nil {
                guard out == nil, truthColumn == nil, review == nil, mapping == nil else {
                    throw ValidationError("--out, --mapping, --review and --truth-column go with --input FILE.csv.")
                }
            } else {
                guard out != nil else { throw ValidationError("Pass --out FILE.csv for record_id,cluster_id.") }
                guard !dryRun, report == nil, db == nil else { throw ValidationError("--dry-run, --report and --db are for the database mode (no --input).") }
            }
            guard (0...1).contains(autoMerge), (0...1).contains(reviewThreshold), reviewThreshold <= autoMerge else {
                throw ValidationError("Thresholds are probabilities with --review-threshold ≤ --auto-merge.")
            }
            guard maxBlockSize >= 2 else { throw ValidationError("--max-block-size must be at least 2.") }
            guard CSVEncoding(rawValue: encoding) != nil else { throw ValidationError("--encoding must be auto, utf-8 or cp949.") }
        }

        func run() async throws {
            guard let input, let out else { return try await runOnDatabase() }
            do {
                var configuration = ResolutionConfiguration(
                    thresholds: MatchThresholds(autoMerge: autoMerge, review: reviewThreshold), maxBlockSize: maxBlockSize)
                if let model {
                    guard let data = FileManager.default.contents(atPath: model),
                          let models = try? JSONDecoder().decode(MatchModels.self, from: data) else {
                        throw DangolError(.invalidInput, "The model file \(model) is not a JSON model written by --model-out.")
                    }
                    configuration.models = models
                }
                let map = try mapping.map { path throws(DangolError) in try DedupeMapping.load(path: path) } ?? .automatic
                let summary = try StandaloneDedupe(configuration: configuration).run(
                    input: input, mapping: map, output: out, truthColumn: truthColumn, reviewOutput: review,
                    encoding: CSVEncoding(rawValue: encoding) ?? .auto)
                if let modelOut {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    guard let data = try? encoder.encode(summary.models), FileManager.default.createFile(atPath: modelOut, contents: data) else {
                        throw DangolError(.unavailable, "Could not write the model file \(modelOut).")
                    }
                }
                print(DedupeCommand.describe(summary, out: out))
            } catch {
                CommandEnvironment.fail(error)
            }
        }

        /// `dangol dedupe [--dry-run]`: the database mode.
        func runOnDatabase() async throws {
            if let report, FileManager.default.fileExists(atPath: report) {
                throw ValidationError("\(report) exists; choose a new file for the report.")
            }
            let (services, _) = try await CommandEnvironment.start(database: db)
            do {
                let configuration = ResolutionConfiguration(
                    thresholds: MatchThresholds(autoMerge: autoMerge, review: reviewThreshold), maxBlockSize: maxBlockSize)
                let result = try await DatabaseDedupe(services: services, configuration: configuration)
                    .run(dryRun: dryRun, by: .system("cli-dedupe")) { step in print("… \(step)") }
                if let report {
                    var lines = ["kind,left_customer_id,right_customer_id,probability,merge_id"]
                    for merge in result.merges {
                        lines.append("merge,\(merge.survivor.rawValue),\(merge.absorbed.rawValue),\(String(format: "%.6f", merge.probability)),\(merge.mergeID ?? "")")
                    }
                    for (left, right, probability) in result.reviewPairs {
                        lines.append("review,\(left.rawValue),\(right.rawValue),\(String(format: "%.6f", probability)),")
                    }
                    guard FileManager.default.createFile(atPath: report, contents: Data((lines.joined(separator: "\n") + "\n").utf8)) else {
                        throw DangolError(.unavailable, "Could not write the report \(report).")
                    }
                }
                print(DedupeCommand.describe(result))
            } catch {
                await services.database.close()
                CommandEnvironment.fail(error)
            }
            await services.database.close()
        }
    }

    static func describe(_ report: DatabaseDedupe.Report) -> String {
        let statistics = report.statistics
        return """
            \(report.dryRun ? "Dry run: nothing was changed." : "Done.") \(statistics.records) customers in \
            \(String(format: "%.1f", report.seconds)) s.
              pairs compared     \(statistics.pairsCompared)
              \(report.dryRun ? "would merge" : "merged     ")        \(report.merges.count)  (into the oldest record of each cluster)
              review pairs       \(report.reviewPairs.count)\(report.dryRun ? "" : "  (\(report.reviewsProposed) new in the review queue)")
              kept apart         \(report.skippedRejected)  (pairs a steward rejected before)
            """
    }

    static func describe(_ summary: DedupeSummary, out: String) -> String {
        let statistics = summary.statistics
        func seconds(_ value: Double) -> String { String(format: "%.2f", value) }
        var text = """
            Resolved \(summary.records) records into \(statistics.clusters) customers in \(seconds(summary.totalSeconds)) s \
            — \(Int(summary.recordsPerSecond)) records/s.
              read \(seconds(summary.readSeconds)) s · normalise \(seconds(summary.normaliseSeconds)) s · \
            resolve \(seconds(summary.resolveSeconds)) s · write \(seconds(summary.writeSeconds)) s
              pairs compared     \(statistics.pairsCompared)  (\(statistics.pairsByKey.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")))
              blocks             \(statistics.blocks)  (\(statistics.oversizedBlocksSkipped) oversized, skipped)
              strong-id links    \(statistics.strongIdentifierLinks)
              auto-merge pairs   \(statistics.autoMergePairs)
              review pairs       \(statistics.reviewPairs)
              guard splits       \(statistics.componentsSplitByGuard)  (\(statistics.guardPairsScored) pairs scored; \
            largest component before \(statistics.largestComponentBeforeGuard))
              EM iterations      person \(statistics.personEMIterations), organisation \(statistics.organisationEMIterations) \
            (λ person \(String(format: "%.4f", summary.models.person.priorMatchProbability)))
            """
        if summary.rowsRejected > 0 { text += "\n  unreadable rows    \(summary.rowsRejected)" }
        if summary.valuesDropped > 0 { text += "\n  values dropped     \(summary.valuesDropped)  (did not normalise)" }
        text += "\nClusters: \(out)"
        if let score = summary.score {
            text += """

                Against the truth: precision \(String(format: "%.4f", score.precision)), recall \
                \(String(format: "%.4f", score.recall)), F1 \(String(format: "%.4f", score.f1)) \
                (\(score.truePositivePairs) of \(score.predictedPairs) predicted pairs true; \(score.truePairs) true pairs)
                RESULT dedupe records=\(summary.records) seconds=\(seconds(summary.totalSeconds)) \
                records_per_second=\(Int(summary.recordsPerSecond)) pairs_compared=\(statistics.pairsCompared) \
                precision=\(String(format: "%.4f", score.precision)) recall=\(String(format: "%.4f", score.recall)) \
                f1=\(String(format: "%.4f", score.f1))
                """
        }
        return text
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write synthetic person and organisation records with known truth (entity_id) as CSV.",
            discussion: """
                Noise 0 copies every entity exactly; 1 (default) adds typos (jamo-level in Hangul), spacing variants, \
                English nicknames, swapped day/month, changed phones, missing fields and company legal-form variants; \
                2 doubles every rate. Households share a phone and an address between different people, who must \
                not be merged. The same seed gives the same file.
                """
        )

        @Option(help: "How many records.")
        var records: Int = 100_000

        @Option(help: "Noise level: a number (0 none, 1 default, 2 high) or none, low, default, high.")
        var noise: String = "default"

        @Option(help: "Random seed.")
        var seed: UInt64 = 1

        @Option(help: "Where to write the CSV.")
        var out: String

        func validate() throws {
            guard records >= 0 else { throw ValidationError("--records must not be negative.") }
            guard Self.noiseLevel(noise) != nil else { throw ValidationError("--noise must be a number ≥ 0 or none, low, default, high.") }
        }

        static func noiseLevel(_ text: String) -> Double? {
            switch text.lowercased() {
            case "none": 0
            case "low": 0.5
            case "default": 1
            case "high": 2
            default: Double(text).flatMap { $0 >= 0 ? $0 : nil }
            }
        }

        func run() throws {
            let generator = SyntheticIdentityGenerator(seed: seed, noise: SyntheticNoise(level: Self.noiseLevel(noise) ?? 1))
            let start = ContinuousClock.now
            do {
                try SyntheticIdentityCSV(generator: generator).write(records: records, to: out)
            } catch {
                CommandEnvironment.fail(error)
            }
            let elapsed = ContinuousClock.now - start
            print("Wrote \(records) records to \(out) in \(elapsed.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 1)))).")
        }
    }
}
