/// Why two records were judged the same or different: each field's comparison level and weight, the total weight,
/// the probability and the outcome. The review queue shows it side by side with the two records.
///
/// ```swift
/// for evidence in explanation.fields where evidence.level != "missing" {
///     print(evidence.field, evidence.level, evidence.weight)  // name exact +9.1, phone exact +3.2, …
/// }
/// ```
public struct PairExplanation: Sendable, Hashable, Codable {
    /// One field's part of the evidence.
    public struct FieldEvidence: Sendable, Hashable, Codable {
        /// The field compared.
        public var field: ComparisonField
        /// The level's name (one of ``ComparisonField/levels``), or `"missing"`.
        public var level: String
        /// log₂(m/u) of the level; 0 when missing.
        public var weight: Double
    }

    /// The first record's id.
    public var leftID: String
    /// The second record's id.
    public var rightID: String
    /// Every field's level and weight, in ``ComparisonField/allCases`` order.
    public var fields: [FieldEvidence]
    /// The sum of the field weights.
    public var weight: Double
    /// The match probability (1 for a shared strong identifier).
    public var probability: Double
    /// The outcome under the thresholds used.
    public var outcome: MatchOutcome

    /// Explains a comparison vector under a model.
    init(leftID: String, rightID: String, vector: ComparisonVector, model: MatchModel, thresholds: MatchThresholds,
         sharesStrongIdentifier: Bool) {
        self.leftID = leftID
        self.rightID = rightID
        fields = model.fields.map { parameters in
            let level = vector.level(of: parameters.field)
            return FieldEvidence(
                field: parameters.field,
                level: level == ComparisonLevel.missing ? "missing" : parameters.field.levels[Int(level)],
                weight: parameters.weight(level: level))
        }
        weight = fields.reduce(0) { $0 + $1.weight }
        if sharesStrongIdentifier {
            probability = 1
            outcome = .strongIdentifier
        } else {
            probability = model.probability(weight: weight)
            outcome = thresholds.outcome(probability: probability)
        }
    }
}
