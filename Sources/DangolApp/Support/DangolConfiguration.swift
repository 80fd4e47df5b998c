import Foundation

/// Settings read from the environment (twelve-factor). Every field has a working default for a first run.
///
/// | variable | meaning | default |
/// |---|---|---|
/// | `DANGOL_DB` | SQLite file path, or a `postgres://user:pass@host:port/db` URL | `dangol.sqlite` |
/// | `DANGOL_PORT` | HTTP port | `8080` |
/// | `DANGOL_HOST` | bind address | `127.0.0.1` |
/// | `DANGOL_KEY_FILE` | file holding the 32-byte data-encryption key (hex or base64) | `<db>.key`, created on first start |
/// | `DANGOL_MAX_BODY_BYTES` | largest accepted request body | `1048576` |
/// | `DANGOL_MAX_UPLOAD_BYTES` | largest file uploaded through the console's import page | `2147483648` (2 GiB) |
/// | `DANGOL_UPLOAD_DIR` | where uploads wait for their import, and reject files stay | `dangol-uploads` in the temporary directory |
/// | `DANGOL_LOG_LEVEL` | `trace`…`critical` | `info` |
/// | `DANGOL_ANALYTICS_HOUR` | local hour (Asia/Seoul) of the nightly analytics refresh, 0–23, or `off` | `2` |
public struct DangolConfiguration: Sendable {
    public var databaseURL: String
    public var host: String
    public var port: Int
    public var keyFile: String
    public var maxBodyBytes: Int
    /// The largest file the console's import page accepts (streamed to disk, never held in memory).
    public var maxUploadBytes: Int = 1 << 31
    public var logLevel: String
    /// The local hour of the nightly analytics refresh; nil: no nightly refresh.
    public var analyticsHour: Int? = 2

    public init(databaseURL: String = "dangol.sqlite", host: String = "127.0.0.1", port: Int = 8080, keyFile: String? = nil,
                maxBodyBytes: Int = 1 << 20, logLevel: String = "info") {
        self.databaseURL = databaseURL
        self.host = host
        self.port = port
        self.keyFile = keyFile ?? DangolConfiguration.defaultKeyFile(for: databaseURL)
        self.maxBodyBytes = maxBodyBytes
        self.logLevel = logLevel
    }

    /// Reads the process environment.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> DangolConfiguration {
        let database = environment["DANGOL_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "dangol.sqlite"
        var configuration = DangolConfiguration(
            databaseURL: database,
            host: environment["DANGOL_HOST"] ?? "127.0.0.1",
            port: environment["DANGOL_PORT"].flatMap(Int.init) ?? 8080,
            keyFile: environment["DANGOL_KEY_FILE"],
            maxBodyBytes: environment["DANGOL_MAX_BODY_BYTES"].flatMap(Int.init) ?? (1 << 20),
            logLevel: environment["DANGOL_LOG_LEVEL"] ?? "info"
        )
        if let upload = environment["DANGOL_MAX_UPLOAD_BYTES"].flatMap(Int.init), upload > 0 { configuration.maxUploadBytes = upload }
        if let hour = environment["DANGOL_ANALYTICS_HOUR"] {
            configuration.analyticsHour = Int(hour).flatMap { (0...23).contains($0) ? $0 : nil }
        }
        return configuration
    }

    static func defaultKeyFile(for databaseURL: String) -> String {
        if databaseURL.hasPrefix("postgres") { return "dangol.key" }
        return databaseURL == ":memory:" ? "dangol-memory.key" : databaseURL + ".key"
    }
}
