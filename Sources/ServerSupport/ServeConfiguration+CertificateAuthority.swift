import Foundation

extension ServeConfiguration {
    /// The Fulcio-compatible certificate authority (`certificate-authority`). It needs a
    /// ``CTLog`` in the same process: every certificate carries an SCT from it.
    public struct CertificateAuthority: Sendable, Hashable {
        /// `signing-key` (and `signing-key-password-file`): the issuing (intermediate) key.
        public var signingKey: KeyFile
        /// `certificate-chain`: PEM certificates, the issuing certificate first, the root last
        /// (`chain.pem` of `signetd ca init`).
        public var certificateChain: String
        /// `issuers`: a Fulcio-style issuer configuration file (YAML or JSON).
        public var issuers: String
    }

    /// The RFC 6962 certificate transparency log (`ct-log`), accepting chains to the CA's root.
    public struct CTLog: Sendable, Hashable {
        /// `hostname`: names the log in its engine checkpoints; a bare host name.
        public var hostname: String
        /// `signing-key`: an ECDSA P-256 key; it signs SCTs and tree heads.
        public var signingKey: KeyFile
        /// `storage`, or `transparency-log.storage` when the section has none.
        public var storage: Storage
        /// `log-name`: the tree's SQLite file base name or PostgreSQL log name; the submitted
        /// chains live beside it as `<log-name>-chains`.
        public var logName = "ctlog"

        /// The tree's and the chain archive's log names.
        var logNames: [String] { [logName, chainsLogName] }
        /// The chain archive's log name.
        var chainsLogName: String { "\(logName)-chains" }
    }

    /// Refuses two logs that would share one SQLite file or PostgreSQL log name.
    func checkLogNamesAreDistinct() throws(ServeConfigurationError) {
        guard let ctLog, let transparencyLog, ctLog.storage == transparencyLog.storage else { return }
        let taken = [transparencyLog.v1?.logName, transparencyLog.v2?.logName].compactMap { $0 }
        if let clash = ctLog.logNames.first(where: taken.contains) {
            throw ServeConfigurationError("ct-log.log-name '\(ctLog.logName)' makes the CT log use the log name '\(clash)', which a transparency-log log already uses in the same storage: choose another")
        }
    }
}

extension ServeConfiguration.CertificateAuthority {
    init(_ section: inout ServeConfigurationMapping) throws(ServeConfigurationError) {
        signingKey = try ServeConfiguration.KeyFile(&section, key: "signing-key")
        certificateChain = try section.requiredString(
            "certificate-chain", expected: "the path of a PEM file with the issuing certificate first and the root last (chain.pem of signetd ca init)"
        )
        issuers = try section.requiredString(
            "issuers", expected: "the path of a Fulcio-style issuer configuration (YAML or JSON) naming the accepted OIDC issuers"
        )
        try section.finish()
    }
}

extension ServeConfiguration.CTLog {
    /// - Parameter sharedStorage: `transparency-log.storage`, used when the section has no `storage`.
    init(_ section: inout ServeConfigurationMapping, sharedStorage: ServeConfiguration.Storage?) throws(ServeConfigurationError) {
        hostname = try ServeConfiguration.hostname(&section, expected: "the CT log's bare host name (for example ctlog.example.com)")
        signingKey = try ServeConfiguration.KeyFile(&section, key: "signing-key")
        if var storageSection = try section.mapping("storage") {
            storage = try ServeConfiguration.Storage(&storageSection)
        } else if let sharedStorage {
            storage = sharedStorage
        } else {
            throw ServeConfigurationError("\(section.path("storage")) is required (without a transparency-log section to share storage with): 'sqlite: DIRECTORY' or 'postgres: postgres://user@host/db'")
        }
        logName = try ServeConfiguration.logName(&section) ?? logName
        try section.finish()
    }
}
