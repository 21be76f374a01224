import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle

/// `signetd serve` (the default subcommand): hosts the Signet services on one origin.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Host the Signet services (CA, CT log, transparency log, timestamp authority).",
        discussion: """
        With --config FILE, serves what the file configures (transparency logs on SQLite or \
        PostgreSQL with keys from files, a timestamp authority, a certificate authority with its \
        CT log); see Docs/Operations.md. Flags given on the command line override the file.

        With --dev, every service runs on one loopback origin with keys and data under --data-dir \
        (created on first start), and DIR/trust_config.json describes the stack for clients.
        """
    )

    @Flag(name: .long, help: "Run the whole stack on embedded defaults (development and tests).")
    var dev = false

    @Option(name: .long, help: "Configuration file (YAML or JSON) of a non-development deployment.")
    var config: String?

    @Option(name: .long, help: "Address to listen on (default 127.0.0.1, or listen.host).")
    var host: String?

    @Option(name: .long, help: "Port to listen on; 0 picks a free port (default 8080, or listen.port).")
    var port: Int?

    @Option(name: .long, help: "Directory for keys, certificates and data (--dev).")
    var dataDir = ".signet"

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical (default info, or log-level).")
    var logLevel: String?

    @Option(name: .customLong("sqlite"), help: ArgumentHelp("Keep the logs in SQLite files in DIR (overrides transparency-log.storage and ct-log.storage).", valueName: "DIR"))
    var sqliteDirectory: String?

    @Option(name: .customLong("postgres"), help: ArgumentHelp("Keep the logs in this PostgreSQL database (overrides transparency-log.storage and ct-log.storage).", valueName: "URL"))
    var postgresURL: String?

    init() {}

    func validate() throws {
        switch (dev, config) {
        case (true, .some): throw ValidationError("--dev and --config exclude each other")
        case (false, nil): throw ValidationError("give --config FILE for a deployment, or --dev for the development stack")
        default: break
        }
        if dev, sqliteDirectory != nil || postgresURL != nil {
            throw ValidationError("--sqlite and --postgres apply to --config only; --dev keeps its logs under --data-dir")
        }
        if sqliteDirectory != nil, postgresURL != nil {
            throw ValidationError("--sqlite and --postgres exclude each other")
        }
        if let port, !(0...65535).contains(port) {
            throw ValidationError("--port must be between 0 and 65535")
        }
        if let logLevel, Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("unknown --log-level '\(logLevel)'")
        }
    }

    func run() async throws {
        if dev {
            try await runDevelopmentStack()
        } else if let config {
            try await runProduction(configurationFile: config)
        }
    }

    private func runDevelopmentStack() async throws {
        var logger = Logger(label: "signetd")
        logger.logLevel = logLevel.flatMap(Logger.Level.init(rawValue:)) ?? .info
        let host = self.host ?? "127.0.0.1"
        let port = self.port ?? 8080
        let dataDirectory = URL(fileURLWithPath: dataDir)
        let app = try DevStack.application(dataDirectory: dataDirectory, host: host, port: port, logger: logger)
        try await app.runService()
    }

    /// Reads the file, applies the flags and checks everything (keys, storage) before binding.
    func loadConfiguration(file: String) throws -> ServeConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ServeConfigurationError("cannot read the configuration file \(file): \(error.localizedDescription)")
        }
        var configuration = try ServeConfiguration(yaml: text)
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        if let logLevel { configuration.logLevel = try ServeConfiguration.logLevel(logLevel, key: "--log-level") }
        if let sqliteDirectory {
            guard configuration.transparencyLog != nil || configuration.ctLog != nil else {
                throw ServeConfigurationError("--sqlite needs a transparency-log or ct-log section")
            }
            configuration.transparencyLog?.storage = .sqlite(directory: sqliteDirectory)
            configuration.ctLog?.storage = .sqlite(directory: sqliteDirectory)
        }
        if let postgresURL {
            guard configuration.transparencyLog != nil || configuration.ctLog != nil else {
                throw ServeConfigurationError("--postgres needs a transparency-log or ct-log section")
            }
            configuration.transparencyLog?.storage = .postgres(url: postgresURL, maximumConnections: 20)
            configuration.ctLog?.storage = .postgres(url: postgresURL, maximumConnections: 20)
        }
        try configuration.checkLogNamesAreDistinct()
        return configuration
    }

    private func runProduction(configurationFile: String) async throws {
        let configuration: ServeConfiguration
        do {
            configuration = try loadConfiguration(file: configurationFile)
        } catch let error as ServeConfigurationError {
            throw ServeConfigurationError("\(configurationFile): \(error.message)")
        }
        var logger = Logger(label: "signetd")
        logger.logLevel = configuration.logLevel
        let metrics = PrometheusCollectorRegistry()
        let stack: ProductionStack
        do {
            stack = try await ProductionStack.prepare(configuration, metrics: metrics, logger: logger)
        } catch let error as ServeConfigurationError {
            throw ServeConfigurationError("\(configurationFile): \(error.message)")
        }
        let host = configuration.host
        let names = stack.services.names.joined(separator: ", ")
        let app = SignetApplication.build(
            configuration: ServerConfiguration(host: host, port: configuration.port),
            services: stack.services,
            metrics: metrics,
            logger: logger,
            onServerRunning: { port in
                // Written unbuffered: supervisors and tests read this line through a pipe.
                FileHandle.standardOutput.write(Data("signetd listening on http://\(host):\(port) — services: \(names)\n".utf8))
            }
        )
        do {
            try await app.runService()
        } catch {
            await stack.stop()
            throw error
        }
        await stack.stop()
    }
}
