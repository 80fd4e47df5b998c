import DangolApp
import DangolCore
import Foundation

/// The review queue page: one row per pending pair.
struct ReviewListPage {
    struct Row {
        var rowURL: String; var leftName: String; var rightName: String; var rowProbability: String; var rowOrigin: String
        var rowFound: String
    }

    var rows: [Row]
    /// Stored, not computed: templates see stored properties only (Mustache reads them by reflection).
    var hasRows: Bool

    init(reviews: [MatchReviewView], strings: ConsoleStrings) {
        rows = reviews.map { review in
            Row(rowURL: "/reviews/\(review.id)", leftName: review.left.displayName, rightName: review.right.displayName,
                rowProbability: ReviewPageModel.percent(review.probability), rowOrigin: strings["review_origin_" + review.origin],
                rowFound: ConsoleFormat.time(review.createdAt))
        }
        hasRows = !rows.isEmpty
    }
}

/// One pair side by side: both records' profile and identifiers (masked per role), the evidence per field, and the
/// decision forms.
struct ReviewPageModel {
    struct Side {
        var sideID: String; var sideHeadingID: String; var sideLabel: String; var sideURL: String; var sideName: String
        var sideKind: String; var sideStage: String
        var sideStageLabel: String; var sideTags: [String]; var sideIdentifiers: [Identifier]; var sideCreated: String
    }
    struct Identifier { var identifierType: String; var identifierValue: String; var identifierMasked: Bool }
    struct Evidence { var evidenceField: String; var evidenceLevel: String; var evidenceWeight: String; var evidenceClass: String }

    var reviewID: String
    var left: Side
    var right: Side
    var evidence: [Evidence]
    var totalWeight: String
    var probability: String
    var isPending: Bool
    var statusLabel: String
    var mergedURL: String?
    var isMasked: Bool

    init(review: MatchReviewView, strings: ConsoleStrings) {
        func side(_ view: CustomerView, _ name: String) -> Side {
            Side(sideID: view.id.rawValue, sideHeadingID: name + "-heading", sideLabel: strings["review_" + name], sideURL: "/customers/\(view.id.rawValue)", sideName: view.displayName,
                 sideKind: strings.kind(view.kind), sideStage: view.lifecycleStage.rawValue, sideStageLabel: strings.stage(view.lifecycleStage),
                 sideTags: view.tags,
                 sideIdentifiers: view.identifiers.map {
                     Identifier(identifierType: strings.identifierType($0.type), identifierValue: $0.value, identifierMasked: $0.masked)
                 },
                 sideCreated: ConsoleFormat.time(view.createdAt))
        }
        reviewID = review.id
        left = side(review.left, "left")
        right = side(review.right, "right")
        evidence = review.fields.map { field in
            let missing = field.level == "missing"
            // Level names are the engine's (`one_typo`, `jaro_winkler_0.92`…); unknown ones are shown as they are.
            let key = "level_" + field.level.replacingOccurrences(of: ".", with: "_")
            let level = strings.all[key] ?? field.level.replacingOccurrences(of: "_", with: " ")
            return Evidence(evidenceField: strings["field_" + field.field], evidenceLevel: level,
                            evidenceWeight: missing ? "—" : Self.signed(field.weight),
                            evidenceClass: missing ? "muted" : field.weight >= 0 ? "weight-for" : "weight-against")
        }
        totalWeight = Self.signed(review.weight)
        probability = Self.percent(review.probability)
        isPending = review.status == "pending"
        statusLabel = strings["review_status_" + review.status]
        if let mergeID = review.mergeID, !mergeID.isEmpty, review.status == "confirmed" {
            mergedURL = "/customers/\(review.left.id.rawValue)"
        }
        isMasked = review.left.masked || review.right.masked
    }

    static func percent(_ probability: Double) -> String { String(format: "%.1f%%", probability * 100) }
    static func signed(_ weight: Double) -> String { String(format: "%+.2f", weight) }
}
