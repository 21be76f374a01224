import CTLogService
import Foundation
import LogEngine
import Logging
import SignedNote
import SigstoreCrypto
import X509

extension ProductionStack {
    /// Opens the CT log (its tree and its chain archive) on the configured storage and loads
    /// both, so storage holding another log stops the start; the log is hosted at `/ct/v1`.
    mutating func addCTLog(_ settings: ServeConfiguration.CTLog, acceptingRoot root: Certificate, logger: Logger) async throws -> CTLog {
        let key = try Self.loadKey(settings.signingKey)
        guard key.publicKey.algorithm == .ecdsaP256 else {
            throw ServeConfigurationError("\(settings.signingKey.key) must be an ECDSA P-256 key (SCTs and signed tree heads), not \(key.publicKey.algorithm)")
        }
        let opener = try makeStorageOpener(settings.storage, key: "ct-log.storage", logger: logger)
        let tree = try await opener(settings.logName)
        let chains = try await opener(settings.chainsLogName)
        var ctLogger = logger
        ctLogger[metadataKey: "log"] = "ct"
        let log: CTLog
        do {
            log = try CTLog(roots: AcceptedRoots([root]), key: key, storage: tree, chainStorage: chains, hostname: settings.hostname, logger: ctLogger)
        } catch let error as CTLogError {
            throw ServeConfigurationError("ct-log: \(error.message)")
        }
        let head: TreeHead
        do {
            head = try await log.start()
        } catch let error as LogEngineError {
            throw ServeConfigurationError("ct-log (log \(settings.logName)): \(error.message)")
        }
        try Self.checkTreeHead(head, isSignedBy: key, settings: settings)
        services.ctLog = log
        logger.info("CT log ready", metadata: ["hostname": "\(settings.hostname)", "size": "\(head.size)"])
        return log
    }

    /// The engine checks a stored log's origin; a CT log is also known by its key (the log ID
    /// is its hash), so a tree signed by another key is another log, never to be extended.
    private static func checkTreeHead(_ head: TreeHead, isSignedBy key: PrivateKey, settings: ServeConfiguration.CTLog) throws {
        let verifier: RekorNoteVerifier
        do {
            verifier = try CheckpointSigner.rekorV2(hostname: settings.hostname, key: key).verifier
        } catch {
            throw ServeConfigurationError("\(settings.signingKey.key): \(error.message)")
        }
        do {
            try Note(parsing: head.checkpoint).verify(with: [verifier])
        } catch {
            throw ServeConfigurationError("ct-log (log \(settings.logName)): the stored tree head of size \(head.size) is not signed by \(settings.signingKey.key) (\(settings.signingKey.path)): the storage holds another CT log (\(error.message))")
        }
    }
}
