import DangolAnalytics
import DangolCore
import DangolStore

/// Lookalikes (유사 고객): scores leads and prospects by how much they resemble a seed group — the most valuable
/// customers, an RFM segment or a hand-picked list — on their attributes (kind, tags, custom attributes, age band,
/// kind of e-mail domain) and early behaviour (purchases, spend and contacts in their first days). Computed on
/// demand with caps: a seed of at most ``seedCap`` customers (highest CLV first) and the ``candidateCap`` newest
/// candidates. The method is ``LookalikeModel``'s (seed centroid in standardised feature space, cosine).
///
/// Admins, managers and analysts (like the analytics summary); the customers are shown through
/// `CustomerService.views`, masked per viewer and audited like the customer list.
public struct LookalikeService: Sendable {
    /// Storage, clock and the personal-data vault.
    public let services: AppServices
    /// Currency of early spend and the business time zone (for ages).
    public var settings: AnalyticsSettings
    /// The most seed customers compared (and the most ids a request may list).
    public var seedCap = 2_000
    /// The most candidates scored per request.
    public var candidateCap = 20_000

    /// A service over `services`.
    public init(services: AppServices, settings: AnalyticsSettings = AnalyticsSettings()) {
        self.services = services
        self.settings = settings
    }

    /// Runs the search. `invalidInput` for a malformed request or a seed without customers.
    public func search(_ request: LookalikeRequest, for principal: Principal) async throws(DangolError) -> LookalikeResult {
        guard principal.role != .agent else {
            throw DangolError(.forbidden, "Lookalike searches are for admins, managers and analysts.")
        }
        try principal.require(scope: "customers:read")
        let query = try request.validated(maximumSeedIDs: seedCap)
        let repository = AnalyticsRepository()
        let (seedIDs, candidateIDs) = try await services.read { db in
            let seed = query.customerIDs.isEmpty
                ? try await repository.seedCustomers(valueQuadrant: query.valueQuadrant, rfmSegment: query.rfmSegment, limit: seedCap, on: db)
                : query.customerIDs
            let candidates = try await repository.lookalikeCandidates(
                stages: query.stages, kind: query.kind, tag: query.tag, ownerID: query.ownerID, limit: candidateCap + 1, on: db)
            return (seed, candidates)
        }
        let seedTraits = try await traits(of: seedIDs, earlyDays: query.earlyDays)
        guard !seedTraits.isEmpty else {
            throw DangolError.invalid(field: "seed", code: "lookalike.empty_seed",
                                      "The seed has no live customers (for a quadrant or segment: has a refresh scored anyone?).")
        }
        let seedSet = Set(seedTraits.map(\.customerID))
        let capped = candidateIDs.count > candidateCap
        let candidateTraits = try await traits(of: Array(candidateIDs.prefix(candidateCap)).filter { !seedSet.contains($0.rawValue) },
                                               earlyDays: query.earlyDays)
        let model: LookalikeModel
        do {
            model = try LookalikeModel(seed: seedTraits, candidates: candidateTraits)
        } catch {
            throw DangolError.invalid(field: "seed", code: "lookalike.empty_seed", error.message)
        }
        let matches = model.rank(candidateTraits, limit: query.limit, explain: 5)
        let views = try await CustomerService(services: services).views(matches.map { CustomerID($0.customerID) }, for: principal,
                                                                         detail: "lookalikes")
        var viewByID: [String: CustomerView] = [:]
        for view in views { viewByID[view.id.rawValue] = view }
        let traitsByID = Dictionary(candidateTraits.map { ($0.customerID, $0) }, uniquingKeysWith: { first, _ in first })
        let items = matches.compactMap { match -> LookalikeResult.Match? in
            guard let view = viewByID[match.customerID], let traits = traitsByID[match.customerID] else { return nil }
            let features = match.contributions.filter { !view.masked || !$0.feature.isPersonalData }.prefix(3)
                .map { LookalikeResult.Feature($0.feature, share: $0.share) }
            return LookalikeResult.Match(customer: view, similarity: match.similarity, features: Array(features),
                                         early: LookalikeResult.Early(purchases: traits.earlyPurchases, spendMinor: Int64(traits.earlySpend),
                                                                      contacts: traits.earlyContacts))
        }
        let profile = model.seedProfile(limit: 8).filter { seedTraits.count >= 10 || !$0.feature.isPersonalData }.prefix(5)
            .map { LookalikeResult.Feature($0.feature, standardScore: $0.standardScore) }
        return LookalikeResult(seedSize: seedTraits.count, seedProfile: Array(profile), candidatesScored: candidateTraits.count,
                               candidatesCapped: capped, earlyDays: query.earlyDays, currency: settings.currency, items: items)
    }

    /// The traits of the live customers among `ids`: profile, tags and attributes, age from a name-with-birth-date
    /// identifier, e-mail domain, and early behaviour.
    func traits(of ids: [CustomerID], earlyDays: Int) async throws(DangolError) -> [LookalikeTraits] {
        guard !ids.isEmpty else { return [] }
        let currency = settings.currency
        let (customers, identifiers, early) = try await services.read { db in
            let customers = try await CustomerRepository().findLive(ids, on: db)
            let live = customers.map(\.id)
            return (customers, try await IdentifierRepository().list(customerIDs: live, on: db),
                    try await AnalyticsRepository().earlyBehaviour(of: live, days: earlyDays, currency: currency, on: db))
        }
        let now = services.clock.now()
        let today = CivilDate(daysSinceEpoch: Int((now.rawValue + Int64(settings.utcOffsetSeconds) * 1_000) / 86_400_000))
        return customers.map { customer in
            var traits = LookalikeTraits(customerID: customer.id.rawValue, kind: customer.kind.rawValue, tags: customer.tags)
            for (key, value) in customer.attributes {
                switch value {
                case .text(let text) where text.count <= 40: traits.attributes[key] = text
                case .boolean: traits.attributes[key] = value.storageText
                case .number(let number): traits.numbers[key] = number
                default: break
                }
            }
            let records = (identifiers[customer.id] ?? []).filter(\.isLive)
            if let email = records.first(where: { $0.type == .email }), let at = email.matchKey.lastIndex(of: "@") {
                traits.emailDomain = String(email.matchKey[email.matchKey.index(after: at)...])
            }
            if let birth = records.first(where: { $0.type == .nameBirthDate })?.normalized.split(separator: "|").last,
               let date = CivilDate(iso8601: String(birth)) {
                traits.age = Self.age(born: date, on: today)
            }
            let behaviour = early[customer.id]
            traits.earlyPurchases = behaviour?.purchases ?? 0
            traits.earlySpend = Double(behaviour?.spendMinor ?? 0)
            traits.earlyContacts = behaviour?.contacts ?? 0
            return traits
        }
    }

    /// Whole years from `born` to `day`.
    static func age(born: CivilDate, on day: CivilDate) -> Int {
        day.year - born.year - ((day.month, day.day) < (born.month, born.day) ? 1 : 0)
    }
}
