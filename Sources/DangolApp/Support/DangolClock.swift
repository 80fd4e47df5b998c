// DangolApp — the use cases of Dangol: customers, identifiers, consent, users and tokens, imports and exports,
// the demo data set. It combines Core and Store inside transactions; it has no HTTP types. Time comes from an
// injected clock so rules that depend on "now" are testable.

import DangolCore
import Foundation

/// Where "now" comes from. Production uses `SystemClock`; tests pass a fixed or stepping clock.
public protocol DangolClock: Sendable {
    func now() -> Timestamp
}

/// The system's wall clock.
public struct SystemClock: DangolClock {
    public init() {}
    public func now() -> Timestamp { Timestamp(rawValue: Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))) }
}
