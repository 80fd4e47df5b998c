/// Normalises the weak identifier "name with address" (상호+주소), raw `"주식회사 단골|서울시 중구  세종대로 110"`, into
/// `"주식회사단골|서울시 중구 세종대로 110"`: the name's match key (``NameNormalizer/matchKey(_:)``), a bar, and the
/// address in NFC with white space collapsed. Only the first bar separates; the address may contain more.
/// Error codes: `empty`, `name_address.format`, `name_address.empty_name`, `name_address.empty_address`.
public enum NameAddressNormalizer {
    /// Normalises one `name|address` value.
    public static func normalize(_ raw: String) throws(NormalizationError) -> String {
        let text = IdentifierText.trimmed(raw)
        guard !text.isEmpty else { throw .empty }
        let parts = text.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw NormalizationError(
                code: "name_address.format", message: "Expected a name and an address separated by a bar: name|address."
            )
        }
        let name = NameNormalizer.matchKey(String(parts[0]))
        guard !name.isEmpty else {
            throw NormalizationError(code: "name_address.empty_name", message: "The name before the bar is empty.")
        }
        let address = IdentifierText.collapsingWhitespace(String(parts[1]))
        guard !address.isEmpty else {
            throw NormalizationError(code: "name_address.empty_address", message: "The address after the bar is empty.")
        }
        return name + "|" + address
    }
}
