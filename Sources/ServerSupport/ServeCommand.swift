public import ArgumentParser
import Foundation
import Hummingbird
import Logging

/// `signetd serve` (the default subcommand): hosts the Signet services on one origin.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Host the Signet services (CA, CT log, transparency log, timestamp authority).",
        discussion: """
        With --dev, every service runs on one loopback origin with keys and data under --data-dir
        (created on first start), and DIR/trust_config.json describes the stack for clients.
        """
    )

    @Flag(name: .long, help: "Run the whole stack on embedded defaults (development and tests).")
    var dev = false

    @Option(name: .long, help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0 picks a free port).")
    var port = 8080

    @Option(name: .long, help: "Directory for keys, certificates and data.")
    var dataDir = ".signet"

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    init() {}

    func validate() throws {
        guard dev else {
            throw ValidationError("only --dev is supported for now: run `signetd --dev`")
        }
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("unknown --log-level '\(logLevel)'")
        }
    }

    func run() async throws {
        var logger = Logger(label: "signetd")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let dataDirectory = URL(fileURLWithPath: dataDir)
        let stack = try DevStack.prepare(dataDirectory: dataDirectory, host: host, port: port, now: Date())
        if port != 0 {
            let file = try DevStack.writeTrustConfig(files: DataDirectory(root: dataDirectory), host: host, port: port, services: stack.services)
            print("signetd: trust configuration for clients in \(file.path)")
        }
        let host = self.host
        let names = stack.services.names.joined(separator: ", ")
        let app = SignetApplication.build(
            configuration: ServerConfiguration(host: host, port: port),
            services: stack.services,
            logger: logger,
            onServerRunning: { port in
                print("signetd listening on http://\(host):\(port) — services: \(names)")
            }
        )
        try await app.runService()
    }
}
