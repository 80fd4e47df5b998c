import DangolIdentity

/// When the model may merge on its own and when a person must decide. Resolving a record as it arrives is one
/// record against a few candidates, without the whole population's evidence that a `dangol dedupe` run has; so a
/// record that carries a different value of the same kind of account identifier as the candidate — another customer
/// number or login, other e-mail addresses only, another BRN or CRN — is never merged automatically, however similar
/// the names and birth dates: it goes to the review queue instead. (Two accounts can be one person; that is for a
/// steward to say.)
enum AutoMergeVeto {
    static func vetoes(_ incoming: IdentityRecord, _ candidate: IdentityRecord) -> Bool {
        func disjoint(_ lhs: [String], _ rhs: [String]) -> Bool { !lhs.isEmpty && !rhs.isEmpty && Set(lhs).isDisjoint(with: rhs) }
        func differ(_ lhs: String?, _ rhs: String?) -> Bool {
            guard let lhs, let rhs, !lhs.isEmpty, !rhs.isEmpty else { return false }
            return lhs != rhs
        }
        return disjoint(incoming.customerNumbers, candidate.customerNumbers) || disjoint(incoming.emailKeys, candidate.emailKeys)
            || differ(incoming.businessRegistrationNumber, candidate.businessRegistrationNumber)
            || differ(incoming.corporateRegistrationNumber, candidate.corporateRegistrationNumber)
    }

    /// The outcome after the veto: an auto-merge the veto applies to becomes a review.
    static func outcome(_ explanation: PairExplanation, incoming: IdentityRecord, candidate: IdentityRecord?) -> MatchOutcome {
        guard explanation.outcome == .autoMerge, let candidate, vetoes(incoming, candidate) else { return explanation.outcome }
        return .review
    }
}
