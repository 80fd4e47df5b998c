import DangolCore
import DangolIdentity
import DangolStore
import Foundation

/// The configurable parts of identity resolution, stored in `settings`: the match thresholds (auto-merge and review)
/// and the survivorship policy of merges. Read by everyone who may read customers; changed by admins (audited).
public struct IdentitySettingsService: Sendable {
    public let services: AppServices
    private let settings = SettingsRepository()

    public init(services: AppServices) { self.services = services }

    /// The settings in force, with their defaults filled in.
    public struct Settings: Sendable, Codable, Hashable {
        public var thresholds: MatchThresholds
        public var survivorship: SurvivorshipPolicy
        /// Whether match models fitted by `dangol dedupe` are stored (else the engine's starting models are used).
        public var modelsFitted: Bool

        public init(thresholds: MatchThresholds, survivorship: SurvivorshipPolicy, modelsFitted: Bool) {
            self.thresholds = thresholds
            self.survivorship = survivorship
            self.modelsFitted = modelsFitted
        }
    }

    /// A change: fields left nil stay as they are.
    public struct Change: Sendable, Codable, Hashable {
        public var thresholds: MatchThresholds?
        public var survivorship: SurvivorshipPolicy?

        public init(thresholds: MatchThresholds? = nil, survivorship: SurvivorshipPolicy? = nil) {
            self.thresholds = thresholds
            self.survivorship = survivorship
        }
    }

    static let survivorshipSetting = "identity.survivorship"

    public func current(for principal: Principal) async throws(DangolError) -> Settings {
        try principal.require(scope: "customers:read")
        return try await load()
    }

    func load() async throws(DangolError) -> Settings {
        let (thresholds, survivorship, models) = try await services.read { db in
            (try await settings.value(CustomerResolver.thresholdsSetting, on: db), try await settings.value(Self.survivorshipSetting, on: db),
             try await settings.value(CustomerResolver.modelsSetting, on: db))
        }
        let decoder = JSONDecoder()
        return Settings(
            thresholds: thresholds.flatMap { try? decoder.decode(MatchThresholds.self, from: Data($0.utf8)) } ?? MatchThresholds(),
            survivorship: survivorship.flatMap { try? decoder.decode(SurvivorshipPolicy.self, from: Data($0.utf8)) } ?? .standard,
            modelsFitted: models != nil)
    }

    /// Changes thresholds and/or the survivorship policy (admins).
    /// - Throws: `invalidInput` for thresholds outside 0…1 or a review threshold above the auto-merge one, an empty or
    ///   over-long source name, or a source listed twice.
    public func change(_ change: Change, by principal: Principal) async throws(DangolError) -> Settings {
        try principal.requireAdmin()
        var errors: [FieldError] = []
        if let thresholds = change.thresholds {
            if !(0...1).contains(thresholds.autoMerge) || !(0...1).contains(thresholds.review) {
                errors.append(FieldError(field: "thresholds", code: "range", message: "Thresholds are probabilities between 0 and 1."))
            } else if thresholds.review > thresholds.autoMerge {
                errors.append(FieldError(field: "thresholds/review", code: "order", message: "The review threshold must not exceed the auto-merge threshold."))
            }
        }
        if let policy = change.survivorship {
            for (index, source) in policy.sourceTrust.enumerated() where source.trimmingWhitespace().isEmpty || source.count > 100 {
                errors.append(FieldError(field: "survivorship/sourceTrust/\(index)", code: "invalid", message: "A source name has 1–100 characters."))
            }
            if Set(policy.sourceTrust).count != policy.sourceTrust.count {
                errors.append(FieldError(field: "survivorship/sourceTrust", code: "duplicate", message: "Each source may be listed once."))
            }
        }
        guard errors.isEmpty else { throw DangolError.invalid(errors) }
        let now = services.clock.now()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try await services.transaction { db in
            if let thresholds = change.thresholds {
                try await settings.setValue(CustomerResolver.thresholdsSetting, String(decoding: try encoder.encode(thresholds), as: UTF8.self),
                                            by: principal.userID, at: now, on: db)
            }
            if let policy = change.survivorship {
                try await settings.setValue(Self.survivorshipSetting, String(decoding: try encoder.encode(policy), as: UTF8.self),
                                            by: principal.userID, at: now, on: db)
            }
            try await AuditRepository().append([AuditEntry(
                at: now, actorID: principal.userID, actorRole: principal.role.rawValue, action: "settings.identity", customerID: nil,
                detail: [change.thresholds.map { "thresholds auto=\($0.autoMerge) review=\($0.review)" },
                         change.survivorship.map { _ in "survivorship" }].compactMap { $0 }.joined(separator: "; "),
                sourceIP: principal.sourceIP, requestID: principal.requestID)], on: db)
        }
        return try await load()
    }
}
