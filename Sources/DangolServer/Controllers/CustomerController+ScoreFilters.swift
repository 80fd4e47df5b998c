import DangolCore
import DangolStore
import Hummingbird

extension CustomerController {
    /// Reads the analytics filters of `GET /customers` (`query` gives a parameter's value): `segment` (RFM),
    /// `valueQuadrant`, `churnBand`, `minClv`.
    static func applyScoreFilters(_ query: (String) -> String?, to filter: inout CustomerFilter, errors: inout [FieldError]) {
        let segments = ["champions", "loyal", "potential_loyalists", "new", "at_risk", "cant_lose", "hibernating", "lost"]
        if let segment = query("segment") {
            if segments.contains(segment) { filter.rfmSegment = segment } else {
                errors.append(FieldError(field: "segment", code: "invalid", message: "segment must be one of \(segments.joined(separator: ", "))."))
            }
        }
        let quadrants = ["most_valuable", "growable", "maintain", "below_cost"]
        if let quadrant = query("valueQuadrant") {
            if quadrants.contains(quadrant) { filter.valueQuadrant = quadrant } else {
                errors.append(FieldError(field: "valueQuadrant", code: "invalid",
                                         message: "valueQuadrant must be most_valuable, growable, maintain or below_cost."))
            }
        }
        if let band = query("churnBand") {
            if ["low", "medium", "high"].contains(band) { filter.churnBand = band } else {
                errors.append(FieldError(field: "churnBand", code: "invalid", message: "churnBand must be low, medium or high."))
            }
        }
        if let text = query("minClv") {
            if let value = Double(text), value.isFinite { filter.minimumCLV = value } else {
                errors.append(FieldError(field: "minClv", code: "invalid", message: "minClv is a number of minor units."))
            }
        }
    }
}
