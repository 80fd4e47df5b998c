/// The console's user-interface text in Korean and English. Templates read it as `{{t.key}}`; Swift code as
/// `strings["key"]`. Keys are `area_name` (`list_empty`: no dots, which Mustache reads as nesting) and every key
/// exists in both languages (checked by a test).
struct ConsoleStrings: Sendable {
    /// One entry of the table.
    struct Entry: Sendable {
        var ko: String
        var en: String
    }

    let language: ConsoleLanguage
    /// Every string in this language, for templates.
    let all: [String: String]

    init(_ language: ConsoleLanguage) {
        self.language = language
        self.all = language == .ko ? ConsoleStrings.korean : ConsoleStrings.english
    }

    /// The text for a key; the key itself when it is missing (visible in tests, never a crash).
    subscript(_ key: String) -> String { all[key] ?? key }

    /// The table with the labels of domain values merged in.
    static let table: [String: Entry] = interface.merging(labels) { first, _ in first }.merging(reviews) { first, _ in first }
        .merging(activity) { first, _ in first }.merging(analytics) { first, _ in first }

    private static let korean: [String: String] = table.mapValues(\.ko)
    private static let english: [String: String] = table.mapValues(\.en)
}
