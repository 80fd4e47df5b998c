import DangolCore
import DangolIdentity
import DangolStore
import Foundation

/// `dangol dedupe` over the whole database: every live customer through the identity engine, then the clusters
/// merged (or only reported, in a dry run) and the review-band pairs sent to the review queue.
///
/// The match models fitted by the run (EM over the candidate pairs) are stored, so that real-time resolution
/// (``CustomerResolver``) scores incoming records with the same m/u probabilities. In a cluster the oldest customer
/// survives; a pair a steward rejected is never merged, whatever the model says.
public struct DatabaseDedupe: Sendable {
    public let services: AppServices
    public var configuration: ResolutionConfiguration

    public init(services: AppServices, configuration: ResolutionConfiguration = ResolutionConfiguration()) {
        self.services = services
        self.configuration = configuration
    }

    /// One merge the run made (or would make).
    public struct PlannedMerge: Sendable, Hashable {
        public var survivor: CustomerID
        public var absorbed: CustomerID
        public var probability: Double
        /// The merge id, when it was carried out.
        public var mergeID: String?
    }

    /// What a run found and did.
    public struct Report: Sendable {
        public var statistics: ResolutionStatistics
        public var merges: [PlannedMerge]
        /// Review pairs proposed (new ones only; pairs decided before are not proposed again).
        public var reviewsProposed: Int
        public var reviewPairs: [(CustomerID, CustomerID, Double)]
        /// Pairs the model would merge that a steward rejected before.
        public var skippedRejected: Int
        public var dryRun: Bool
        public var seconds: Double
    }

    /// Runs the engine over the database. With `dryRun` nothing is written.
    public func run(dryRun: Bool, by principal: Principal,
                    progress: @Sendable (String) -> Void = { _ in }) async throws(DangolError) -> Report {
        try CustomerMerger.requireSteward(principal)
        let started = ContinuousClock.now
        progress("reading customers")
        let (ids, records) = try await loadRecords()
        progress("resolving \(records.count) customers")
        // The models are fitted afresh on the whole database each run (EM needs no labels).
        let run = configuration
        let resolution = IdentityResolver(configuration: run).resolve(records)
        let models = resolution.models
        let reviewsRepository = MatchReviewRepository()

        // Clusters: the oldest member (smallest UUIDv7) survives.
        var members: [Int: [Int]] = [:]
        for (index, cluster) in resolution.clusterOfRecord.enumerated() { members[cluster, default: []].append(index) }
        var merges: [PlannedMerge] = []
        var skipped = 0
        let rejected = try await services.read { db in
            var pairs: Set<String> = []
            for review in try await reviewsRepository.list(status: .rejected, limit: 1_000_000, on: db) {
                pairs.insert(review.leftID.rawValue + "|" + review.rightID.rawValue)
            }
            return pairs
        }
        for group in members.values where group.count > 1 {
            let ordered = group.sorted { ids[$0] < ids[$1] }
            let survivor = ordered[0]
            for member in ordered.dropFirst() {
                let (a, b) = (ids[survivor], ids[member])
                if rejected.contains(min(a, b).rawValue + "|" + max(a, b).rawValue) { skipped += 1; continue }
                let probability = IdentityResolver.explain(records[survivor], records[member], models: models,
                                                           thresholds: run.thresholds).probability
                merges.append(PlannedMerge(survivor: a, absorbed: b, probability: probability))
            }
        }
        let reviewPairs = resolution.reviewPairs.map { (ids[$0.left], ids[$0.right], $0.probability) }

        var proposed = 0
        if !dryRun {
            progress("merging \(merges.count) pairs")
            let merger = CustomerMerger(services: services)
            for index in merges.indices {
                let view = try await merger.merge(survivor: merges[index].survivor, absorbed: merges[index].absorbed, rule: .auto,
                                                  probability: merges[index].probability, by: principal)
                merges[index].mergeID = view.id
            }
            progress("proposing \(reviewPairs.count) review pairs")
            var explained: [(CustomerID, CustomerID, PairExplanation)] = []
            for pair in resolution.reviewPairs {
                explained.append((ids[pair.left], ids[pair.right],
                                  IdentityResolver.explain(records[pair.left], records[pair.right], models: models, thresholds: run.thresholds)))
            }
            proposed = try await MatchReviewService(services: services).propose(explained, origin: "dedupe")
            try await CustomerResolver(services: services).storeModels(models, by: principal)
        }
        let elapsed = ContinuousClock.now - started
        return Report(statistics: resolution.statistics, merges: merges, reviewsProposed: proposed, reviewPairs: reviewPairs,
                      skippedRejected: skipped, dryRun: dryRun,
                      seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Every live customer as an identity record, in pages of 5,000.
    private func loadRecords() async throws(DangolError) -> ([CustomerID], [IdentityRecord]) {
        var ids: [CustomerID] = []
        var records: [IdentityRecord] = []
        var cursor: CustomerID?
        let customers = CustomerRepository()
        let identifiers = IdentifierRepository()
        while true {
            let page = try await services.read { db in
                let page = try await customers.list(CustomerFilter(), after: cursor, limit: 5_000, on: db)
                return (page, try await identifiers.list(customerIDs: page.map(\.id), on: db))
            }
            for customer in page.0 {
                ids.append(customer.id)
                records.append(IdentityRecordBuilder.record(customer, identifiers: page.1[customer.id] ?? []))
            }
            guard page.0.count == 5_000, let last = page.0.last else { break }
            cursor = last.id
        }
        return (ids, records)
    }
}
