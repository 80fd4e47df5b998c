/// Normalises the profile URL of a customer on a social network (Instagram, Naver blog, YouTube, Facebook…), so that
/// the same profile written differently compares equal.
///
/// `"HTTP://M.Instagram.com/dangol_cafe/?utm_source=ig#top"` → `"https://instagram.com/dangol_cafe"`: the scheme
/// becomes `https`, the host is lowercased without `www.` or `m.` (mobile sites show the same profile), default ports,
/// fragments, trailing slashes and tracking parameters (`utm_*`, `fbclid`, `gclid`, `igshid`, `igsh`, `si`) are
/// removed. The path and the other query parameters are kept as typed, since they carry the account
/// (`blog.naver.com/PostList.naver?blogId=…`, `facebook.com/profile.php?id=…`). A URL without a scheme is read as
/// https. Error codes: `empty`, `sns_url.invalid`, `sns_url.unsupported_scheme`.
public enum SNSURLNormalizer {
    /// Normalises one profile URL.
    public static func normalize(_ raw: String) throws(NormalizationError) -> String {
        let text = IdentifierText.trimmed(raw)
        guard !text.isEmpty else { throw .empty }
        guard !text.contains(where: IdentifierText.isSpaceLike), !IdentifierText.containsControlCharacter(text) else {
            throw invalid
        }
        var rest = Substring(text)
        if let schemeEnd = text.firstRange(of: "://") {
            let scheme = text[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "http" || scheme == "https" else {
                throw NormalizationError(
                    code: "sns_url.unsupported_scheme", message: "An SNS profile URL must use http or https."
                )
            }
            rest = text[schemeEnd.upperBound...]
        }
        let authority = rest.prefix { !"/?#".contains($0) }
        let afterAuthority = rest[authority.endIndex...].prefix { $0 != "#" }
        let (hostText, port) = try splitPort(authority)
        var host = hostText.lowercased()
        while host.hasSuffix(".") { host.removeLast() }
        for mobilePrefix in ["www.", "m."] where host.hasPrefix(mobilePrefix) {
            let shorter = String(host.dropFirst(mobilePrefix.count))
            if shorter.contains(".") { host = shorter }
            break
        }
        guard WebDomainNormalizer.isValidHostName(host) else { throw invalid }

        var path = afterAuthority.prefix { $0 != "?" }
        while path.hasSuffix("/") { path = path.dropLast() }
        let query = afterAuthority[path.endIndex...].drop { $0 == "?" || $0 == "/" }
        let keptParameters = query.split(separator: "&").filter { !isTrackingParameter($0) }
        let queryText = keptParameters.isEmpty ? "" : "?" + keptParameters.joined(separator: "&")
        return "https://" + host + port + path + queryText
    }

    /// Splits `host:port`, dropping default ports; rejects user info and non-numeric ports.
    private static func splitPort(_ authority: Substring) throws(NormalizationError) -> (Substring, String) {
        guard !authority.contains("@") else { throw invalid }
        guard let colon = authority.lastIndex(of: ":") else { return (authority, "") }
        let port = authority[authority.index(after: colon)...]
        guard IdentifierText.isAllASCIIDigits(String(port)) else { throw invalid }
        return (authority[..<colon], port == "80" || port == "443" ? "" : ":" + port)
    }

    private static let trackingParameters: Set<String> = ["fbclid", "gclid", "igshid", "igsh", "si"]

    private static func isTrackingParameter(_ parameter: Substring) -> Bool {
        let name = parameter.prefix { $0 != "=" }.lowercased()
        return name.hasPrefix("utm_") || trackingParameters.contains(name)
    }

    private static let invalid = NormalizationError(
        code: "sns_url.invalid", message: "An SNS profile must be an http or https URL with a host name, without spaces."
    )
}
