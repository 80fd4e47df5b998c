import DangolStore
import DangolApp
import DangolCore
import Foundation
import Logging

/// Shared start-up for commands: configuration from the environment (overridable by `--db`), a logger that writes
/// structured lines to standard error, and the opened, migrated services.
enum CommandEnvironment {
    static func configuration(database: String?) -> DangolConfiguration {
        var configuration = DangolConfiguration.fromEnvironment()
        if let database {
            let analyticsHour = configuration.analyticsHour
            configuration = DangolConfiguration(databaseURL: database, host: configuration.host, port: configuration.port,
                                                keyFile: ProcessInfo.processInfo.environment["DANGOL_KEY_FILE"],
                                                maxBodyBytes: configuration.maxBodyBytes, logLevel: configuration.logLevel)
            configuration.analyticsHour = analyticsHour
        }
        return configuration
    }

    static func logger(_ configuration: DangolConfiguration, label: String = "dangol") -> Logger {
        LoggingSystem.bootstrapOnce()
        var logger = Logger(label: label)
        logger.logLevel = Logger.Level(rawValue: configuration.logLevel) ?? .info
        return logger
    }

    static func start(database: String?) async throws -> (AppServices, DangolConfiguration) {
        let configuration = configuration(database: database)
        let services = try await AppServices.start(configuration: configuration, logger: logger(configuration))
        return (services, configuration)
    }

    /// Prints a domain error for a person and exits non-zero.
    static func fail(_ error: any Error) -> Never {
        guard let error = error as? DangolError else {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
        var message = "error: \(error.message)"
        for field in error.fieldErrors { message += "\n  \(field.field): \(field.message)" }
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(1)
    }
}

extension LoggingSystem {
    private static let once: Void = {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
    }()

    /// Bootstraps logging to standard error exactly once per process.
    static func bootstrapOnce() { _ = once }
}
