import CAService
import CTLogService
import Foundation
import LogEngine
import Logging
import Prometheus
import RFC3161
import SigstoreCrypto
import TSAService

/// The services of `signetd serve --config FILE`, built from a ``ServeConfiguration``: keys,
/// chains and issuer configurations loaded from files, logs (Rekor v1/v2, CT) opened on SQLite or
/// PostgreSQL and checked against their keys.
/// Everything that can fail does so here, before the server binds its port.
struct ProductionStack {
    var services: HostedServices
    /// Tasks that must run as long as the server (the PostgreSQL connection pool), cancelled on shutdown.
    var backgroundTasks: [Task<Void, Never>]
    /// The log sequencers, drained on shutdown.
    var sequencers: [Sequencer]

    static func prepare(_ configuration: ServeConfiguration, metrics: PrometheusCollectorRegistry, logger: Logger) async throws -> ProductionStack {
        var stack = ProductionStack(services: HostedServices(), backgroundTasks: [], sequencers: [])
        if let tsa = configuration.timestampAuthority {
            stack.services.timestampAuthority = try makeTimestampAuthority(tsa)
        }
        try configuration.checkLogNamesAreDistinct()
        do {
            if let log = configuration.transparencyLog {
                try await stack.addTransparencyLogs(log, metrics: metrics, logger: logger)
            }
            if let authority = configuration.certificateAuthority {
                guard let ctLog = configuration.ctLog else {
                    throw ServeConfigurationError("certificate-authority needs a ct-log section: every certificate embeds an SCT from the CT log in this process")
                }
                try await stack.addCertificateAuthority(authority, ctLog: ctLog, logger: logger)
            }
        } catch {
            await stack.stop()
            throw error
        }
        return stack
    }

    /// Commits what the logs still hold, then stops the background tasks.
    func stop() async {
        for sequencer in sequencers {
            await sequencer.shutdown()
        }
        await services.ctLog?.shutdown()
        for task in backgroundTasks {
            task.cancel()
        }
    }

    private static func makeTimestampAuthority(_ settings: ServeConfiguration.TimestampAuthority) throws -> TimestampAuthority {
        let key = try loadKey(settings.signingKey)
        let chain: TSACertificateChain
        do {
            chain = try TSACertificateChain(pemEncoded: String(contentsOfFile: settings.certificateChain, encoding: .utf8))
        } catch {
            throw ServeConfigurationError("timestamp-authority.certificate-chain: cannot read PEM certificates from \(settings.certificateChain): \(error)")
        }
        do {
            return try TimestampAuthority(signer: key, certificateChain: chain)
        } catch {
            throw ServeConfigurationError("timestamp-authority: the signing key and certificate chain cannot issue timestamps: \(error)")
        }
    }

    /// Reads a PEM private key, decrypting an `ENCRYPTED PRIVATE KEY` with the password file's
    /// first line.
    static func loadKey(_ file: ServeConfiguration.KeyFile) throws -> PrivateKey {
        let pem: String
        do {
            pem = try String(contentsOfFile: file.path, encoding: .utf8)
        } catch {
            throw ServeConfigurationError("\(file.key): cannot read \(file.path): \(error.localizedDescription)")
        }
        var password: [UInt8]?
        if let passwordFile = file.passwordFile {
            do {
                let text = try String(contentsOfFile: passwordFile, encoding: .utf8)
                password = Array((text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "").utf8)
            } catch {
                throw ServeConfigurationError("\(file.key)-password-file: cannot read \(passwordFile): \(error.localizedDescription)")
            }
        }
        do {
            return try CertificateAuthorityKeys.privateKey(pem: pem, password: password)
        } catch let error as CAError {
            // The loader speaks of "the CA key"; this is another key.
            throw ServeConfigurationError("\(file.key) (\(file.path)): \(error.message.replacingOccurrences(of: "the CA key", with: "the key"))")
        }
    }
}
