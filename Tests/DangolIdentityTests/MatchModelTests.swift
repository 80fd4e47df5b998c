import DangolCore
@testable import DangolIdentity
import Foundation
import Testing

@Suite("Fellegi–Sunter model and EM")
struct MatchModelTests {
    /// A mixture with known parameters over three fields (the others missing): λ = 0.2.
    static let truth: MatchModel = {
        var model = MatchModel.starting(kind: .person)
        model.priorMatchProbability = 0.2
        model.fields[ComparisonField.name.index] = FieldParameters(
            field: .name, m: [0.70, 0.05, 0.10, 0.08, 0.05, 0.02], u: [0.02, 0.01, 0.02, 0.05, 0.15, 0.75])
        model.fields[ComparisonField.birthDate.index] = FieldParameters(
            field: .birthDate, m: [0.85, 0.05, 0.05, 0.03, 0.02], u: [0.01, 0.01, 0.03, 0.10, 0.85])
        model.fields[ComparisonField.phone.index] = FieldParameters(field: .phone, m: [0.75, 0.10, 0.15], u: [0.05, 0.05, 0.90])
        model.fields[ComparisonField.email.index] = FieldParameters(field: .email, m: [0.80, 0.10, 0.10], u: [0.02, 0.03, 0.95])
        return model
    }()

    /// The expected count of every vector over the four fields for a million pairs.
    static func histogram(of model: MatchModel) -> [ComparisonVector: Int] {
        let fields: [ComparisonField] = [.name, .birthDate, .phone, .email]
        var histogram: [ComparisonVector: Int] = [:]
        func visit(_ index: Int, _ levels: [UInt8], _ m: Double, _ u: Double) {
            if index == fields.count {
                var all = [UInt8](repeating: ComparisonLevel.missing, count: ComparisonField.allCases.count)
                for (f, level) in zip(fields, levels) { all[f.index] = level }
                let p = model.priorMatchProbability * m + (1 - model.priorMatchProbability) * u
                histogram[ComparisonVector(levels: all)] = Int((p * 1_000_000).rounded())
                return
            }
            let parameters = model.parameters(of: fields[index])
            for level in 0..<parameters.m.count {
                visit(index + 1, levels + [UInt8(level)], m * parameters.m[level], u * parameters.u[level])
            }
        }
        visit(0, [], 1, 1)
        return histogram
    }

    @Test("EM recovers m, u and λ of a known mixture from a different start")
    func emConverges() {
        let fitted = ExpectationMaximization().fit(histogram: Self.histogram(of: Self.truth), starting: .starting(kind: .person))
        #expect(fitted.converged)
        #expect(fitted.iterations > 1)
        #expect(abs(fitted.priorMatchProbability - 0.2) < 0.01)
        for field in [ComparisonField.name, .birthDate, .phone, .email] {
            let expected = Self.truth.parameters(of: field), actual = fitted.parameters(of: field)
            for level in 0..<expected.m.count {
                #expect(abs(expected.m[level] - actual.m[level]) < 0.01, "m of \(field) level \(level)")
                #expect(abs(expected.u[level] - actual.u[level]) < 0.01, "u of \(field) level \(level)")
            }
        }
        // Fields never observed keep their starting parameters.
        #expect(fitted.parameters(of: .webDomain) == MatchModel.starting(kind: .person).parameters(of: .webDomain))
    }

    @Test("Weight is the sum of log2 likelihood ratios; a missing field weighs 0; probability follows λ")
    func weights() {
        var levels = [UInt8](repeating: ComparisonLevel.missing, count: ComparisonField.allCases.count)
        levels[ComparisonField.name.index] = 0
        levels[ComparisonField.phone.index] = 2
        let model = Self.truth
        let expected = log2(0.70 / 0.02) + log2(0.15 / 0.90)
        #expect(abs(model.weight(of: ComparisonVector(levels: levels)) - expected) < 1e-9)
        let probability = model.probability(weight: expected)
        let odds = 0.2 / 0.8 * exp2(expected)
        #expect(abs(probability - odds / (1 + odds)) < 1e-12)
        #expect(abs(model.weight(forProbability: probability) - expected) < 1e-9)
    }

    @Test("Comparison vectors pack and unpack every level, missing included")
    func vectorRoundTrip() {
        let levels: [UInt8] = [5, 4, ComparisonLevel.missing, 1, 2, 0, 1, ComparisonLevel.missing, 0]
        #expect(ComparisonVector(levels: levels).levels == levels)
        #expect(ComparisonVector.codeCount == 7 * 6 * 4 * 4 * 4 * 3 * 3 * 3 * 3)
    }

    @Test("A fitted model survives a JSON round trip")
    func codable() throws {
        let models = MatchModels(person: Self.truth, organisation: .starting(kind: .organisation))
        let data = try JSONEncoder().encode(models)
        #expect(try JSONDecoder().decode(MatchModels.self, from: data) == models)
    }
}
