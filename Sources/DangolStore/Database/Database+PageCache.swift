import SQLKit

extension Database {
    /// Raises SQLite's page cache to at least `megabytes` for a bulk load and returns the previous setting, to be put
    /// back with `restorePageCache(_:)`; nil when nothing was changed (PostgreSQL, or the cache is already as large).
    ///
    /// Imports insert into indexes keyed by random values (identifier match keys, phone tails); once those outgrow
    /// the default cache every insert reads pages back from the file, and throughput halves by a million rows.
    public func raisePageCache(toMegabytes megabytes: Int) async throws -> Int? {
        guard engine == .sqlite, megabytes > 0 else { return nil }
        let previous = try await read { db in
            try await db.raw("PRAGMA cache_size").first()?.decode(column: "cache_size", as: Int.self)
        }
        guard let previous else { return nil }
        // Negative values are KiB, positive values pages (of at most 64 KiB).
        let previousKiB = previous < 0 ? -previous : previous * 64
        guard previousKiB < megabytes * 1024 else { return nil }
        try await read { db in try await db.raw("PRAGMA cache_size = \(unsafeRaw: String(-megabytes * 1024))").run() }
        return previous
    }

    /// Puts back a page cache setting returned by `raisePageCache(toMegabytes:)`.
    public func restorePageCache(_ previous: Int) async throws {
        guard engine == .sqlite else { return }
        try await read { db in try await db.raw("PRAGMA cache_size = \(unsafeRaw: String(previous))").run() }
    }
}
