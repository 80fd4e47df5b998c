// dangol — the command-line tool and server of Dangol (단골). Each subcommand is a thin shell over DangolApp.

import ArgumentParser

@main
struct Dangol: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dangol",
        abstract: "Dangol (단골) — the customer relationship platform: one customer, one record.",
        discussion: """
            Configuration comes from the environment: DANGOL_DB (SQLite file path, default dangol.sqlite, or a \
            postgres:// URL), DANGOL_PORT (8080), DANGOL_HOST (127.0.0.1), DANGOL_KEY_FILE (data-encryption key; \
            created next to the SQLite file on first start), DANGOL_LOG_LEVEL (info).

            Start with:  dangol demo
            """,
        subcommands: [
            DemoCommand.self, ServeCommand.self, MigrateCommand.self, UserCommand.self, TokenCommand.self,
            ImportCommand.self, ExportCommand.self, AnalyzeCommand.self, DedupeCommand.self, TiersCommand.self, PointsCommand.self, VOCCommand.self,
            BenchCommand.self,
        ]
    )
}
