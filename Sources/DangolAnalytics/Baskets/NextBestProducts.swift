/// Next best product (다음 구매 추천): which products to offer a customer, from association rules and what the
/// customer already owns.
///
/// A product qualifies when the customer does not own it and some rule X → it starts from a product X they own with a
/// lift strictly above the minimum (1 by default: X buyers take it more often than customers at large). Its reason
/// is the strongest such rule — highest confidence ("34% of X buyers also buy Y"), then highest lift — and products
/// are ranked by that rule the same way, ties by product id so the order is deterministic. The rules may come from
/// ``PurchaseAssociations`` or from a stored model (the analytics refresh keeps a few rules per product).
///
/// ```swift
/// let offers = NextBestProducts.rank(storedRules, owned: ["CF-AMR"], limit: 3)
/// offers.first?.confidence  // 0.34: 34% of CF-AMR buyers also bought offers.first?.consequent
/// ```
public enum NextBestProducts {
    /// The best `limit` rules, one per product not in `owned`, from the rules whose antecedent is in `owned`.
    public static func rank(_ rules: [AssociationRule], owned: Set<String>, limit: Int, minimumLift: Double = 1) -> [AssociationRule] {
        var best: [String: AssociationRule] = [:]
        for rule in rules where owned.contains(rule.antecedent) && !owned.contains(rule.consequent) {
            guard rule.pairCount > 0, rule.lift > minimumLift else { continue }
            if let current = best[rule.consequent], !strongerReason(rule, current) { continue }
            best[rule.consequent] = rule
        }
        return Array(best.values.sorted(by: strongerReason).prefix(max(0, limit)))
    }

    /// Higher confidence first, then higher lift, then consequent and antecedent ids.
    static func strongerReason(_ a: AssociationRule, _ b: AssociationRule) -> Bool {
        if a.confidence != b.confidence { return a.confidence > b.confidence }
        if a.lift != b.lift { return a.lift > b.lift }
        return (a.consequent, a.antecedent) < (b.consequent, b.antecedent)
    }
}
