import DangolCore
import DangolStore
import Logging
import Foundation

/// Everything a use case needs, built once per process: the database, the clock, id generation, the personal-data
/// vault and a logger. Passed in, never reached through a global.
public struct AppServices: Sendable {
    public let database: Database
    public let clock: any DangolClock
    public let ids: IDGenerator
    public let vault: PersonalDataVault
    public let logger: Logger

    public init(database: Database, clock: any DangolClock, vault: PersonalDataVault, logger: Logger) {
        self.database = database
        self.clock = clock
        self.ids = IDGenerator(clock: clock)
        self.vault = vault
        self.logger = logger
    }

    /// Opens the configured database, applies pending migrations and loads (or, on first start, creates) the data key.
    public static func start(configuration: DangolConfiguration, logger: Logger, clock: any DangolClock = SystemClock()) async throws -> AppServices {
        let keyBytes = try loadOrCreateKey(at: configuration.keyFile, logger: logger)
        let vault = try PersonalDataVault(dataKey: keyBytes)
        let database = try await Database.open(url: configuration.databaseURL, logger: logger)
        do {
            try await Migrator(database: database, logger: logger).migrate()
        } catch {
            await database.close()
            throw error
        }
        return AppServices(database: database, clock: clock, vault: vault, logger: logger)
    }

    /// Reads the data key file; if it does not exist, writes a new random key there (mode 0600).
    static func loadOrCreateKey(at path: String, logger: Logger) throws(DangolError) -> [UInt8] {
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            guard let key = PersonalDataVault.parseKey(text) else {
                throw DangolError(.invalidInput, "The key file \(path) does not hold a 32-byte key in hex or base64.")
            }
            return key
        }
        let hex = PersonalDataVault.generateKeyHex()
        guard FileManager.default.createFile(atPath: path, contents: Data((hex + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw DangolError(.unavailable, "Could not create the key file \(path).")
        }
        logger.notice("created a new data-encryption key file", metadata: ["path": .string(path)])
        return PersonalDataVault.parseKey(hex) ?? []
    }
}
