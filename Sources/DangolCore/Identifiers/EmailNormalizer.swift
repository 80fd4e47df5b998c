/// Checks and normalises e-mail addresses into ``EmailAddress`` values.
///
/// The checks are deliberately practical rather than full RFC 5322: one `@`, a non-empty local part of ASCII letters,
/// digits and `!#$%&'*+/=?^_\`{|}~.-` without leading, trailing or doubled dots, and a domain of at least two labels
/// (letters — internationalised domains included —, digits and inner hyphens). Quoted local parts and IP-literal
/// domains are rejected: real customers do not have them, and typos look like them.
///
/// Error codes: `empty`, `email.contains_space`, `email.missing_at`, `email.multiple_at`, `email.empty_local_part`,
/// `email.empty_domain`, `email.too_long`, `email.invalid_characters`, `email.invalid_local_part`,
/// `email.domain_without_dot`, `email.invalid_domain`.
public enum EmailNormalizer {
    /// Normalises one address. A `mailto:` prefix is tolerated.
    ///
    /// ```swift
    /// try EmailNormalizer.normalize("hong@Example.COM").normalized  // "hong@example.com"
    /// ```
    public static func normalize(_ raw: String) throws(NormalizationError) -> EmailAddress {
        var text = IdentifierText.trimmed(raw)
        if text.lowercased().hasPrefix("mailto:") { text = String(text.dropFirst("mailto:".count)) }
        guard !text.isEmpty else { throw .empty }
        guard !text.contains(where: IdentifierText.isSpaceLike) else {
            throw NormalizationError(code: "email.contains_space", message: "An e-mail address cannot contain spaces.")
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count >= 2 else {
            throw NormalizationError(code: "email.missing_at", message: "An e-mail address needs an @ sign.")
        }
        guard parts.count == 2 else {
            throw NormalizationError(code: "email.multiple_at", message: "An e-mail address has exactly one @ sign.")
        }
        let localPart = String(parts[0])
        let domain = String(parts[1]).lowercased()
        guard !localPart.isEmpty else {
            throw NormalizationError(code: "email.empty_local_part", message: "The part before the @ sign is empty.")
        }
        guard !domain.isEmpty else {
            throw NormalizationError(code: "email.empty_domain", message: "The domain after the @ sign is empty.")
        }
        guard localPart.utf8.count <= 64, text.utf8.count <= 254 else {
            throw NormalizationError(
                code: "email.too_long",
                message: "The e-mail address is longer than 254 characters, or its local part than 64."
            )
        }
        try checkLocalPart(localPart)
        try checkDomain(domain)
        return EmailAddress(localPart: localPart, domain: domain, matchKey: matchKey(localPart: localPart, domain: domain))
    }

    /// Domains served by Gmail, where dots and `+tags` in the local part do not change the mailbox.
    private static let gmailDomains: Set<String> = ["gmail.com", "googlemail.com"]

    private static func matchKey(localPart: String, domain: String) -> String {
        let local = localPart.lowercased()
        guard gmailDomains.contains(domain) else { return local + "@" + domain }
        let withoutTag = local.prefix { $0 != "+" }
        return String(withoutTag.filter { $0 != "." }) + "@gmail.com"
    }

    /// The special characters RFC 5322 allows in an unquoted local part besides letters, digits and dots.
    private static let localPartSymbols = Set("!#$%&'*+/=?^_`{|}~-")

    private static func checkLocalPart(_ localPart: String) throws(NormalizationError) {
        for character in localPart {
            let isAllowed = character.isASCII
                && (character.isLetter || character.isNumber || character == "." || localPartSymbols.contains(character))
            guard isAllowed else {
                throw NormalizationError(
                    code: "email.invalid_characters",
                    message: "The part before the @ sign contains a character that is not allowed."
                )
            }
        }
        guard !localPart.hasPrefix("."), !localPart.hasSuffix("."), !localPart.contains("..") else {
            throw NormalizationError(
                code: "email.invalid_local_part",
                message: "The part before the @ sign cannot start or end with a dot or contain two dots in a row."
            )
        }
    }

    private static func checkDomain(_ domain: String) throws(NormalizationError) {
        for character in domain where !(character.isLetter || character.isNumber || character == "-" || character == ".") {
            throw NormalizationError(
                code: "email.invalid_characters", message: "The domain contains a character that is not allowed."
            )
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else {
            throw NormalizationError(code: "email.domain_without_dot", message: "The domain after the @ sign needs a dot.")
        }
        let isWellFormed = labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
        }
        guard isWellFormed, let topLevel = labels.last, !topLevel.allSatisfy(\.isNumber) else {
            throw NormalizationError(
                code: "email.invalid_domain",
                message: "The domain has an empty label, a label starting or ending with a hyphen, "
                    + "or a numeric top-level domain."
            )
        }
    }
}
