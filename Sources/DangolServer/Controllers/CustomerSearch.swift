import DangolStore

/// Reads one free-text search box the way a person means it: four digits are a phone tail, text with `@` an email
/// prefix, anything else a name fragment.
enum CustomerSearch {
    static func apply(_ text: String, to filter: inout CustomerFilter) {
        let digits = text.filter(\.isNumber)
        if text.count == 4, digits.count == 4 {
            filter.phoneTail = text
        } else if text.contains("@") {
            filter.emailPrefix = text.lowercased()
        } else {
            filter.nameFragment = text
        }
    }
}
