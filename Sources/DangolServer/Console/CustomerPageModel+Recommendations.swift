import DangolApp
import Foundation

extension CustomerPageModel {
    /// One next best product on the customer page: the product, the reason in the page's language, the numbers.
    struct RecommendationRow {
        var recName: String
        var recSKU: String
        var recCategory: String?
        var recReason: String
        var recConfidence: String
        var recLift: String
    }

    /// Fills the "next best products" card from the offers of the latest refresh's model.
    mutating func addRecommendations(_ offers: [NextBestProductView], strings: ConsoleStrings) {
        recommendationRows = offers.map { offer in
            let percent = Int((offer.confidence * 100).rounded())
            let reason = strings["nbp_because"]
                .replacingOccurrences(of: "{product}", with: offer.because.name ?? offer.because.sku)
                .replacingOccurrences(of: "{percent}", with: String(percent))
                .replacingOccurrences(of: "{both}", with: ConsoleFormat.number(Int64(offer.bothCustomers)))
                .replacingOccurrences(of: "{buyers}", with: ConsoleFormat.number(Int64(offer.antecedentCustomers)))
            return RecommendationRow(recName: offer.product.name ?? offer.product.sku, recSKU: offer.product.sku,
                                     recCategory: offer.product.category, recReason: reason, recConfidence: "\(percent)%",
                                     recLift: String((offer.lift * 10).rounded() / 10))
        }
        hasRecommendations = !recommendationRows.isEmpty
    }
}
