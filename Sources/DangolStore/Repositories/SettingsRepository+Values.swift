import DangolCore
import SQLKit

extension SettingsRepository {
    /// A stored setting's value (text, often JSON), or nil.
    public func value(_ key: String, on db: any SQLDatabase) async throws -> String? {
        try await db.raw("SELECT value FROM settings WHERE key = \(bind: key)").first()?.decode(column: "value", as: String.self)
    }

    /// Stores a setting, replacing an earlier value.
    public func setValue(_ key: String, _ value: String, by userID: String?, at: Timestamp, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO settings (key, value, updated_at, updated_by) VALUES (\(bind: key), \(bind: value), \(bind: at.rawValue), \(bind: userID))
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """).run()
    }
}
