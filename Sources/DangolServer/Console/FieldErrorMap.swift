import DangolCore

/// Sorts the field errors of a failed use case onto the inputs of a console form. The service names fields with
/// API paths (`displayName`, `tags/2`, `identifiers/0/value`); `route` maps a path to the form's input name, and
/// what it cannot place is shown above the form. Messages are localised through `ConsoleStrings.fieldError`.
struct FieldErrorMap: Sendable {
    private(set) var byField: [String: [String]] = [:]
    /// Errors that belong to no single input.
    private(set) var general: [String] = []

    init() {}

    init(_ errors: [FieldError], strings: ConsoleStrings, route: (String) -> String?) {
        for error in errors {
            add(strings.fieldError(error), to: route(error.field))
        }
    }

    /// Adds a message to an input, or to the general list when `field` is nil.
    mutating func add(_ message: String, to field: String?) {
        if let field {
            if !(byField[field]?.contains(message) ?? false) { byField[field, default: []].append(message) }
        } else if !general.contains(message) {
            general.append(message)
        }
    }

    /// The message for an input (several joined), or nil.
    func message(_ field: String) -> String? { byField[field].map { $0.joined(separator: " ") } }

    /// Whether there is anything to show.
    var isEmpty: Bool { byField.isEmpty && general.isEmpty }

    /// The first component of an API field path: `identifiers/0/value` → `identifiers`.
    static func head(_ path: String) -> String { String(path.prefix { $0 != "/" }) }

    /// The index in an API field path: `identifiers/0/value` → 0.
    static func index(_ path: String) -> Int? {
        let parts = path.split(separator: "/")
        return parts.count > 1 ? Int(parts[1]) : nil
    }
}
