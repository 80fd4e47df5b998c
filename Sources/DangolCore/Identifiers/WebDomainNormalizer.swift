/// Normalises an organisation's web domain: `"https://www.Dangol.co.kr:8443/about?x=1"` → `"dangol.co.kr"`.
///
/// Lowercases, strips the scheme, user info, `www.`, port, path, query and a trailing dot, then checks that what is
/// left is a host name with at least one dot (letters — internationalised names included —, digits and inner hyphens
/// in each label, a non-numeric last label). Error codes: `empty`, `web_domain.missing_dot`, `web_domain.invalid`.
public enum WebDomainNormalizer {
    /// Normalises one domain or URL to its host name.
    public static func normalize(_ raw: String) throws(NormalizationError) -> String {
        var text = IdentifierText.trimmed(raw).lowercased()
        guard !text.isEmpty else { throw .empty }
        if let schemeEnd = text.firstRange(of: "://") { text = String(text[schemeEnd.upperBound...]) }
        var host = Substring(text.prefix { !"/?#".contains($0) })
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if let colon = host.lastIndex(of: ":") { host = host[..<colon] }
        while host.hasSuffix(".") { host = host.dropLast() }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        let domain = String(host)
        guard !domain.isEmpty else { throw invalid }
        guard domain.contains(".") else {
            throw NormalizationError(
                code: "web_domain.missing_dot", message: "A web domain needs a dot, as in example.co.kr."
            )
        }
        guard isValidHostName(domain) else { throw invalid }
        return domain
    }

    /// Whether `host` (already lowercased) is a host name of at least two labels, each non-empty, at most 63 bytes,
    /// of letters, digits and inner hyphens, with a non-numeric last label (so IP addresses are excluded).
    static func isValidHostName(_ host: String) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, !last.allSatisfy(\.isNumber) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.utf8.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }

    private static let invalid = NormalizationError(
        code: "web_domain.invalid",
        message: "A web domain may contain only letters, digits, inner hyphens and dots between non-empty labels."
    )
}
