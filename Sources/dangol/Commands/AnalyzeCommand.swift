import ArgumentParser
import DangolAnalytics
import DangolApp
import DangolCore
import DangolStore
import Foundation

/// `dangol analyze`: the analytics refresh on the configured database, or the same models on a CSV file.
struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Customer analytics: RFM, BG/NBD + Gamma–Gamma (P(alive), expected purchases, CLV), value matrix, churn risk, Pareto.",
        discussion: """
            Without --input: refreshes customer_scores in the database (DANGOL_DB or --db) — purchase totals per \
            customer in SQL, models fitted with time in days, every customer scored, association rules for next \
            best product from customer baskets, the run recorded with its parameters, Pareto type, customer equity \
            and its change since the last run (acquisition, growth, loss). The server also runs this nightly (DANGOL_ANALYTICS_HOUR, \
            default 2 = 02:00 Asia/Seoul).

            With --input FILE.csv --out scores.csv: the same models on a plain transaction log without a database. \
            Columns by header: customer_id (or id), date (YYYY-MM-DD or YYYYMMDD), amount (or cents; whole minor \
            units, negative for a refund), optional cost. Rows that cannot be read are reported with their line and \
            reason. Writes one row per customer and the fitted parameters (JSON) to --parameters, default \
            OUT.parameters.json.

            Horizon and discount: expected purchases and spend over --horizon-days (default 365); CLV sums whole \
            30-day months (365 days → 12) discounted at the yearly --discount-rate (default 0.10) converted to a \
            monthly rate, as lifetimes does; historical value compounds past margin at the same yearly rate.
            """
    )

    @Option(help: "Database (SQLite file or postgres:// URL); default DANGOL_DB.")
    var db: String?

    @Option(help: "Standalone mode: the CSV transaction log to analyse.")
    var input: String?

    @Option(help: "Standalone mode: where to write one row per customer.")
    var out: String?

    @Option(help: "Standalone mode: where to write the fitted parameters and report (JSON).")
    var parameters: String?

    @Option(help: "Standalone mode: the last day observed (YYYY-MM-DD); default the latest date in the file.")
    var observationEnd: String?

    @Option(help: "Horizon of expected purchases, spend and CLV, in days.")
    var horizonDays: Int = 365

    @Option(help: "Yearly discount rate, e.g. 0.1 for 10%.")
    var discountRate: Double = 0.10

    @Option(help: "Currency analysed (transactions in other currencies are left out).")
    var currency: String = "KRW"

    func validate() throws {
        if input != nil, out == nil { throw ValidationError("--input needs --out.") }
        if input == nil, out != nil { throw ValidationError("--out needs --input (without --input the database is analysed).") }
        if let observationEnd, CivilDate(iso8601: observationEnd) == nil { throw ValidationError("--observation-end is YYYY-MM-DD.") }
        if let problem = settings.validate() { throw ValidationError(problem) }
    }

    var settings: AnalyticsSettings {
        AnalyticsSettings(horizonDays: horizonDays, annualDiscountRate: discountRate, currency: currency)
    }

    func run() async throws {
        if let input, let out {
            return try runStandalone(input: input, out: out)
        }
        let (services, _) = try await CommandEnvironment.start(database: db)
        do {
            let outcome = try await AnalyticsRefreshService(services: services, settings: settings).refresh(trigger: "cli") { progress in
                FileHandle.standardError.write(Data(
                    "\(progress.phase): \(progress.customers) customers  \(String(format: "%.1f", progress.elapsedSeconds))s\n".utf8))
            }
            print(Self.describe(outcome.report))
            print("run \(outcome.runID) in \(String(format: "%.1f", outcome.totalSeconds)) s")
        } catch {
            await services.database.close()
            CommandEnvironment.fail(error)
        }
        await services.database.close()
    }

    private func runStandalone(input: String, out: String) throws {
        do {
            let outcome = try StandaloneAnalysis(settings: settings)
                .run(input: input, output: out, observationEnd: observationEnd.flatMap(CivilDate.init(iso8601:)))
            for rejection in outcome.rejections.prefix(50) {
                FileHandle.standardError.write(Data("line \(rejection.line): \(rejection.reason)\n".utf8))
            }
            if outcome.rejections.count > 50 {
                FileHandle.standardError.write(Data("… \(outcome.rejections.count - 50) more rejected rows\n".utf8))
            }
            guard let report = outcome.report else { return }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let path = parameters ?? out + ".parameters.json"
            try encoder.encode(report).write(to: URL(fileURLWithPath: path))
            print("\(outcome.rowsRead) rows read, \(outcome.rejections.count) rejected, \(outcome.customers) customers → \(out)")
            print(Self.describe(report))
            print("parameters and report → \(path)")
        } catch {
            CommandEnvironment.fail(error)
        }
    }

    /// A few lines for people: parameters, Pareto type, equity, fallbacks.
    static func describe(_ report: AnalyticsReport) -> String {
        var lines = ["\(report.customers) customers (\(report.repeatBuyers) repeat buyers), observed to \(report.observationEnd)"]
        if let fit = report.bgnbd {
            let m = fit.model
            lines.append(String(format: "BG/NBD (days): r=%.6f alpha=%.6f a=%.6f b=%.6f  LL=%.2f", m.r, m.alpha, m.a, m.b, fit.logLikelihood))
        }
        if let fit = report.gammaGamma {
            let m = fit.model
            lines.append(String(format: "Gamma-Gamma: p=%.6f q=%.6f gamma=%.6f", m.p, m.q, m.gamma))
        }
        if let pareto = report.paretoRevenue {
            lines.append("revenue: \(pareto.businessType.rawValue) type, Gini " + String(format: "%.3f", pareto.gini))
        }
        if let pareto = report.paretoMargin {
            lines.append("margin: \(pareto.businessType.rawValue) type, Gini " + String(format: "%.3f", pareto.gini))
        }
        if let equity = report.equity {
            lines.append("customer equity (Σ margin CLV, \(report.horizonDays) days): " + String(format: "%.0f", equity) + " " + report.currency)
        }
        if let change = report.equityChange {
            lines.append(String(format: "equity change %+.0f = acquisition %+.0f (%d new) + growth %+.0f (%d retained) − loss %.0f (%d lost)",
                                change.after - change.before, change.acquisition, change.acquiredCount, change.retainedGrowth,
                                change.retainedCount, change.retentionLoss, change.lostCount))
        }
        if let associations = report.associations {
            lines.append("next best product: \(associations.rules) rules for \(associations.products) products from \(associations.baskets) customer baskets")
        }
        let t = report.timings
        lines.append(String(format: "timings: summaries %.2fs, fit %.2fs, scoring %.2fs, writing %.2fs, associations %.2fs, equity change %.2fs",
                            t.summarySeconds, t.fitSeconds, t.scoringSeconds, t.writingSeconds, t.associationSeconds ?? 0,
                            t.equitySeconds ?? 0))
        lines += report.fallbacks.map { "fallback: \($0)" }
        return lines.joined(separator: "\n")
    }
}
