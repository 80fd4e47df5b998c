import DangolCore
import Foundation

/// A fitted Fellegi–Sunter model for one kind of customer: per-field m/u probabilities and the prior probability λ
/// that a candidate pair is a match. Codable, so a model fitted on the whole customer base can be stored and used to
/// score single incoming records later (``IdentityResolver/score(incoming:candidates:models:thresholds:)``).
///
/// The match weight of a pair is the sum of its fields' log₂(m/u); its probability is
/// `λ·2^w / (λ·2^w + 1 − λ)`.
public struct MatchModel: Sendable, Hashable, Codable {
    /// Which records the model compares.
    public var kind: CustomerKind
    /// Parameters of every field, in ``ComparisonField/allCases`` order.
    public var fields: [FieldParameters]
    /// λ: the share of candidate pairs that are matches.
    public var priorMatchProbability: Double
    /// EM iterations run to fit the model (0 for the starting model).
    public var iterations: Int
    /// Whether EM stopped because the parameters settled rather than at the iteration limit.
    public var converged: Bool
    /// How many candidate pairs the model was fitted on.
    public var pairsFitted: Int

    /// Creates a model from explicit parameters.
    public init(kind: CustomerKind, fields: [FieldParameters], priorMatchProbability: Double, iterations: Int = 0,
                converged: Bool = false, pairsFitted: Int = 0) {
        precondition(fields.map(\.field) == ComparisonField.allCases, "parameters for every field, in order")
        self.kind = kind
        self.fields = fields
        self.priorMatchProbability = priorMatchProbability
        self.iterations = iterations
        self.converged = converged
        self.pairsFitted = pairsFitted
    }

    /// The parameters of one field.
    public func parameters(of field: ComparisonField) -> FieldParameters { fields[field.index] }

    /// The match weight of a comparison vector: the sum of its fields' weights.
    public func weight(of vector: ComparisonVector) -> Double {
        var total = 0.0
        for field in fields { total += field.weight(level: vector.level(of: field.field)) }
        return total
    }

    /// The match probability of a weight under this model's prior.
    public func probability(weight: Double) -> Double {
        let priorOdds = priorMatchProbability / (1 - priorMatchProbability)
        let odds = priorOdds * exp2(min(weight, 1000))
        return odds.isInfinite ? 1 : odds / (1 + odds)
    }

    /// The weight at which a pair reaches `probability` (the inverse of ``probability(weight:)``).
    public func weight(forProbability probability: Double) -> Double {
        let p = min(max(probability, 1e-12), 1 - 1e-12)
        let λ = min(max(priorMatchProbability, 1e-12), 1 - 1e-12)
        return log2(p / (1 - p)) - log2(λ / (1 - λ))
    }

    /// Every code's weight, for the hot loop (``ComparisonVector/codeCount`` entries).
    func weightTable() -> [Float] {
        let perField = fields.map { parameters in
            (0..<(parameters.field.levelCount + 1)).map { level in
                Float(parameters.weight(level: level == parameters.field.levelCount ? ComparisonLevel.missing : UInt8(level)))
            }
        }
        var table = [Float](repeating: 0, count: ComparisonVector.codeCount)
        for code in 0..<ComparisonVector.codeCount {
            var rest = code
            var total: Float = 0
            for (index, radix) in ComparisonVector.radices.enumerated() {
                total += perField[index][rest % radix]
                rest /= radix
            }
            table[code] = total
        }
        return table
    }

    /// The starting point of EM, and the model used when there are too few pairs to fit: agreement likely in
    /// matches, rare in non-matches.
    public static func starting(kind: CustomerKind) -> MatchModel {
        let parameters: [FieldParameters] = ComparisonField.allCases.map { field in
            switch field {
            case .name:
                FieldParameters(field: field, m: [0.80, 0.03, 0.07, 0.05, 0.03, 0.02],
                                u: [0.01, 0.001, 0.004, 0.02, 0.1, 0.865])
            case .birthDate:
                FieldParameters(field: field, m: [0.90, 0.03, 0.03, 0.02, 0.02], u: [0.01, 0.001, 0.005, 0.05, 0.934])
            case .phone:
                FieldParameters(field: field, m: [0.80, 0.05, 0.15], u: [0.1, 0.01, 0.89])
            case .email:
                FieldParameters(field: field, m: [0.80, 0.05, 0.15], u: [0.01, 0.01, 0.98])
            case .address:
                FieldParameters(field: field, m: [0.70, 0.20, 0.10], u: [0.05, 0.10, 0.85])
            case .postcode:
                FieldParameters(field: field, m: [0.9, 0.1], u: [0.1, 0.9])
            case .businessRegistrationNumber, .corporateRegistrationNumber:
                FieldParameters(field: field, m: [0.95, 0.05], u: [0.01, 0.99])
            case .webDomain:
                FieldParameters(field: field, m: [0.9, 0.1], u: [0.05, 0.95])
            }
        }
        return MatchModel(kind: kind, fields: parameters, priorMatchProbability: 0.3)
    }
}

/// The two models a resolution uses: one for people, one for organisations.
public struct MatchModels: Sendable, Hashable, Codable {
    /// The model for pairs of people.
    public var person: MatchModel
    /// The model for pairs of organisations.
    public var organisation: MatchModel

    /// Creates the pair.
    public init(person: MatchModel, organisation: MatchModel) {
        self.person = person
        self.organisation = organisation
    }

    /// The starting models (before EM).
    public static let starting = MatchModels(person: .starting(kind: .person), organisation: .starting(kind: .organisation))

    /// The model for a kind.
    public subscript(kind: CustomerKind) -> MatchModel {
        kind == .person ? person : organisation
    }
}
