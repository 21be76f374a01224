import DevIdentityProvider
import Foundation
import Hummingbird
import Logging
import Prometheus

extension DevStack {
    /// The `signetd --dev` application on `host:port` (0 picks a free port), with its data under
    /// `dataDirectory`.
    ///
    /// Once the server listens, the dev issuer moves to the bound port and `DATA/trust_config.json`
    /// is written for it, so with port 0 both name the port actually bound; then `onListening` is
    /// called with that port and the trust configuration file. With a fixed port the file is also
    /// written before binding, so a data directory that cannot take it stops the start.
    ///
    /// - Parameter announce: Print the trust configuration path and the listening line on stdout.
    static func application(
        dataDirectory: URL,
        host: String,
        port: Int,
        logger: Logger = Logger(label: "signetd"),
        now: Date = Date(),
        announce: Bool = true,
        onListening: @escaping @Sendable (_ port: Int, _ trustConfig: URL) async -> Void = { _, _ in }
    ) throws -> some ApplicationProtocol {
        let metrics = PrometheusCollectorRegistry()
        let stack = try prepare(dataDirectory: dataDirectory, host: host, port: port, now: now, metrics: metrics)
        let files = DataDirectory(root: dataDirectory)
        if port != 0 {
            try writeTrustConfig(files: files, host: host, port: port, services: stack.services)
        }
        let names = stack.services.names.joined(separator: ", ")
        return SignetApplication.build(
            configuration: ServerConfiguration(host: host, port: port),
            services: stack.services,
            metrics: metrics,
            logger: logger,
            onServerRunning: { boundPort in
                let trustConfig: URL
                do {
                    trustConfig = try await stack.serverIsListening(host: host, port: boundPort, files: files)
                } catch {
                    logger.critical("signetd --dev cannot write its trust configuration for port \(boundPort): \(error)")
                    return
                }
                if announce {
                    // Written unbuffered: supervisors and tests read these lines through a pipe.
                    FileHandle.standardOutput.write(Data("""
                    signetd: trust configuration for clients in \(trustConfig.path)
                    signetd listening on http://\(host):\(boundPort) — services: \(names)

                    """.utf8))
                }
                await onListening(boundPort, trustConfig)
            }
        )
    }

    /// Points the dev issuer at the bound port and writes the trust configuration for it.
    func serverIsListening(host: String, port: Int, files: DataDirectory) async throws -> URL {
        await services.devIdentityProvider?.setIssuer(Self.issuerURL(host: host, port: port))
        return try Self.writeTrustConfig(files: files, host: host, port: port, services: services)
    }
}
