@testable import DangolAnalytics
import Foundation

/// The CSV vectors written by scripts/analytics/make-vectors.py from lifetimes 0.11.3.
enum ReferenceVectors {
    /// Rows of a vector file as dictionaries of column name to text.
    static func rows(_ name: String) -> [[String: String]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Vectors"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { fatalError("missing vector \(name)") }
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map { line in
            Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
        }
    }

    /// The 2,357-customer CDNOW summary in weeks.
    struct CDNOWCustomer {
        let id: Int
        let history: PurchaseHistory
        let monetaryValue: Double
    }

    static let cdnow: [CDNOWCustomer] = rows("cdnow_summary").map { row in
        CDNOWCustomer(
            id: Int(row["id"]!)!,
            history: try! PurchaseHistory(
                frequency: Int(Double(row["frequency"]!)!), recency: Double(row["recency"]!)!,
                age: Double(row["T"]!)!, unit: .weeks),
            monetaryValue: Double(row["monetary_value"]!)!)
    }

    static var cdnowHistories: PurchaseHistories {
        try! PurchaseHistories(
            frequency: cdnow.map(\.history.frequency), recency: cdnow.map(\.history.recency),
            age: cdnow.map(\.history.age), unit: .weeks)
    }

    /// lifetimes' fitted parameters by model and name.
    static let parameters: [String: Double] = Dictionary(uniqueKeysWithValues: rows("lifetimes_parameters").map {
        ("\($0["model"]!).\($0["name"]!)", Double($0["value"]!)!)
    })

    static var lifetimesBGNBD: BGNBDModel {
        try! BGNBDModel(r: parameters["bgnbd.r"]!, alpha: parameters["bgnbd.alpha"]!, a: parameters["bgnbd.a"]!,
                        b: parameters["bgnbd.b"]!, unit: .weeks)
    }

    /// Per-customer predictions of lifetimes with its own parameters, in the order of ``cdnow``.
    struct Prediction {
        let expected39: Double
        let expected52: Double
        let probabilityAlive: Double
        let expectedProfit: Double
        let lifetimeValue12Months: Double
    }

    static let predictions: [Prediction] = rows("lifetimes_predictions").map {
        Prediction(
            expected39: Double($0["expected_39"]!)!, expected52: Double($0["expected_52"]!)!,
            probabilityAlive: Double($0["p_alive"]!)!, expectedProfit: Double($0["expected_profit"]!)!,
            lifetimeValue12Months: Double($0["clv_12m"]!)!)
    }
}

/// |actual − expected| / max(|expected|, floor).
func relativeError(_ actual: Double, _ expected: Double, floor: Double = 1e-12) -> Double {
    abs(actual - expected) / max(abs(expected), floor)
}
