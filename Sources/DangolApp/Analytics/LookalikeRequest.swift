import DangolAnalytics
import DangolCore

/// What a lookalike search compares: the seed group — a value quadrant and/or an RFM segment of the latest refresh,
/// or a list of customer ids — and which customers to score (by default prospects and leads), with the length of the
/// "early" window and how many matches to return.
///
/// ```json
/// {"seed": {"valueQuadrant": "most_valuable"}, "candidates": {"stages": ["lead"], "tag": "온라인"}, "earlyDays": 90, "limit": 50}
/// ```
public struct LookalikeRequest: Codable, Sendable, Hashable {
    /// The seed group: `customerIds`, or `valueQuadrant` and/or `rfmSegment` (not both kinds).
    public struct Seed: Codable, Sendable, Hashable {
        /// `most_valuable`, `growable`, `maintain` or `below_cost`.
        public var valueQuadrant: String?
        /// An RFM segment (`champions`, `loyal`, …).
        public var rfmSegment: String?
        /// Hand-picked customers (at most the service's seed cap).
        public var customerIds: [String]?

        /// Creates a seed.
        public init(valueQuadrant: String? = nil, rfmSegment: String? = nil, customerIds: [String]? = nil) {
            self.valueQuadrant = valueQuadrant
            self.rfmSegment = rfmSegment
            self.customerIds = customerIds
        }
    }

    /// Who is scored: live customers in `stages` (default prospect and lead), optionally of one kind, with a tag or of
    /// one owner.
    public struct Candidates: Codable, Sendable, Hashable {
        /// Lifecycle stages; default prospect and lead.
        public var stages: [String]?
        /// `person` or `organisation`.
        public var kind: String?
        /// A tag the candidates must carry.
        public var tag: String?
        /// The user who must own the candidates.
        public var ownerId: String?

        /// Creates a candidate filter.
        public init(stages: [String]? = nil, kind: String? = nil, tag: String? = nil, ownerId: String? = nil) {
            self.stages = stages
            self.kind = kind
            self.tag = tag
            self.ownerId = ownerId
        }
    }

    /// Whom to look like.
    public var seed: Seed
    /// Whom to score; default prospects and leads.
    public var candidates: Candidates?
    /// Days from a customer's first sign of life that count as early behaviour (1–3650, default 90).
    public var earlyDays: Int?
    /// Matches to return (1–500, default 50).
    public var limit: Int?

    /// Creates a request.
    public init(seed: Seed, candidates: Candidates? = nil, earlyDays: Int? = nil, limit: Int? = nil) {
        self.seed = seed
        self.candidates = candidates
        self.earlyDays = earlyDays
        self.limit = limit
    }

    /// The request checked and with its defaults.
    struct Validated: Sendable {
        var valueQuadrant: String?
        var rfmSegment: String?
        var customerIDs: [CustomerID]
        var stages: [LifecycleStage]
        var kind: CustomerKind?
        var tag: String?
        var ownerID: String?
        var earlyDays: Int
        var limit: Int
    }

    /// Checks every field at once; `invalidInput` lists each problem with its JSON pointer-like path.
    func validated(maximumSeedIDs: Int) throws(DangolError) -> Validated {
        var errors: [FieldError] = []
        let ids = seed.customerIds ?? []
        if seed.valueQuadrant == nil, seed.rfmSegment == nil, ids.isEmpty {
            errors.append(FieldError(field: "seed", code: "required", message: "Give a valueQuadrant, an rfmSegment or customerIds."))
        }
        if !ids.isEmpty, seed.valueQuadrant != nil || seed.rfmSegment != nil {
            errors.append(FieldError(field: "seed", code: "lookalike.seed_ambiguous",
                                     message: "Give customerIds or a quadrant/segment, not both."))
        }
        if let quadrant = seed.valueQuadrant, ValueMatrix.Quadrant(rawValue: quadrant) == nil {
            errors.append(FieldError(field: "seed/valueQuadrant", code: "invalid",
                                     message: "valueQuadrant is most_valuable, growable, maintain or below_cost."))
        }
        if let segment = seed.rfmSegment, RFMSegment(rawValue: segment) == nil {
            errors.append(FieldError(field: "seed/rfmSegment", code: "invalid", message: "Unknown RFM segment."))
        }
        if ids.count > maximumSeedIDs {
            errors.append(FieldError(field: "seed/customerIds", code: "range", message: "At most \(maximumSeedIDs) customer ids."))
        }
        for (index, id) in ids.enumerated() where !CustomerID.isWellFormed(id) {
            errors.append(FieldError(field: "seed/customerIds/\(index)", code: "invalid", message: "Not a customer id."))
        }
        var stages: [LifecycleStage] = [.prospect, .lead]
        if let names = candidates?.stages {
            stages = []
            for (index, name) in names.enumerated() {
                if let stage = LifecycleStage(rawValue: name) {
                    if !stages.contains(stage) { stages.append(stage) }
                } else {
                    errors.append(FieldError(field: "candidates/stages/\(index)", code: "invalid", message: "Unknown lifecycle stage."))
                }
            }
            if names.isEmpty { errors.append(FieldError(field: "candidates/stages", code: "required", message: "Name at least one stage.")) }
        }
        let kind = candidates?.kind.flatMap(CustomerKind.init(rawValue:))
        if candidates?.kind != nil, kind == nil {
            errors.append(FieldError(field: "candidates/kind", code: "invalid", message: "kind is person or organisation."))
        }
        let earlyDays = earlyDays ?? 90
        if !(1...3_650).contains(earlyDays) { errors.append(FieldError(field: "earlyDays", code: "range", message: "earlyDays is 1–3650.")) }
        let limit = limit ?? 50
        if !(1...500).contains(limit) { errors.append(FieldError(field: "limit", code: "range", message: "limit is 1–500.")) }
        guard errors.isEmpty else { throw DangolError.invalid(errors) }
        return Validated(valueQuadrant: seed.valueQuadrant, rfmSegment: seed.rfmSegment, customerIDs: ids.map(CustomerID.init(rawValue:)),
                         stages: stages, kind: kind, tag: candidates?.tag, ownerID: candidates?.ownerId, earlyDays: earlyDays, limit: limit)
    }
}
