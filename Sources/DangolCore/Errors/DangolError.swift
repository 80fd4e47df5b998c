// DangolCore — the domain of Dangol (단골): value types, validation and normalisation.
// It is pure: no database, no network, no clock (time is passed in). Every other module builds on it.

/// The one error type that crosses module boundaries. It carries a stable code (mapped once to an HTTP status
/// and a problem+json type at the edge), an English message that never contains personal data, optional
/// field-level details, and — for identifier conflicts — the id of the customer that holds the identifier.
public struct DangolError: Error, Sendable, Hashable {
    /// A stable error category. New codes can be added without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The machine name used in problem+json `type` URIs and logs.
        public let name: String
        private init(_ name: String) { self.name = name }
        public var description: String { name }

        /// Input failed validation; see `fieldErrors`.
        public static let invalidInput = Code("invalid-input")
        /// The addressed record does not exist (or is deleted).
        public static let notFound = Code("not-found")
        /// A strong identifier already belongs to another live customer.
        public static let identifierConflict = Code("identifier-conflict")
        /// The request conflicts with the current state (e.g. an illegal lifecycle transition, a duplicate name).
        public static let conflict = Code("conflict")
        /// No or bad credentials.
        public static let unauthenticated = Code("unauthenticated")
        /// Authenticated, but the role or token scope does not allow this.
        public static let forbidden = Code("forbidden")
        /// A feature is switched off by configuration (e.g. RRN collection without a legal basis).
        public static let featureDisabled = Code("feature-disabled")
        /// The request body is larger than allowed.
        public static let payloadTooLarge = Code("payload-too-large")
        /// Storage or another dependency failed; the request changed nothing.
        public static let unavailable = Code("unavailable")
    }

    public var code: Code
    /// English, human readable, free of personal data.
    public var message: String
    /// Per-field problems, for forms and API clients.
    public var fieldErrors: [FieldError]
    /// For `identifierConflict`: the id of the live customer that holds the identifier (never their data).
    public var conflictingCustomerID: CustomerID?

    public init(_ code: Code, _ message: String, fieldErrors: [FieldError] = [], conflictingCustomerID: CustomerID? = nil) {
        self.code = code
        self.message = message
        self.fieldErrors = fieldErrors
        self.conflictingCustomerID = conflictingCustomerID
    }

    /// A validation failure with one or more field errors.
    public static func invalid(_ fieldErrors: [FieldError], message: String = "The request has invalid fields.") -> DangolError {
        DangolError(.invalidInput, message, fieldErrors: fieldErrors)
    }

    /// A validation failure on a single field.
    public static func invalid(field: String, code: String, _ message: String) -> DangolError {
        .invalid([FieldError(field: field, code: code, message: message)])
    }

    /// A missing record.
    public static func notFound(_ what: String) -> DangolError { DangolError(.notFound, "\(what) was not found.") }
}

/// One problem with one input field. `field` is a JSON-pointer-like path such as `identifiers/0/value`.
public struct FieldError: Error, Sendable, Hashable, Codable {
    public var field: String
    public var code: String
    public var message: String

    public init(field: String, code: String, message: String) {
        self.field = field
        self.code = code
        self.message = message
    }
}
