import Foundation
public import LogEngine
public import Logging

/// What `signetd serve --config FILE` runs: a non-development deployment of the transparency
/// logs, the timestamp authority and the certificate authority with its CT log (any of them),
/// with keys from files and durable storage.
///
/// Read from YAML or JSON by ``init(yaml:)``; every key is documented, with a complete example,
/// in `Docs/Operations.md`. Values are checked when read, so a bad file is refused with the key
/// at fault before anything binds or opens.
public struct ServeConfiguration: Sendable {
    /// Address to listen on (`listen.host`).
    public var host = "127.0.0.1"
    /// Port to listen on (`listen.port`); 0 picks a free one.
    public var port = 8080
    /// `log-level`.
    public var logLevel: Logger.Level = .info
    /// `transparency-log`; nil when this process hosts no log.
    public var transparencyLog: TransparencyLog?
    /// `timestamp-authority`; nil when this process hosts no TSA.
    public var timestampAuthority: TimestampAuthority?
    /// `certificate-authority`; nil when this process hosts no CA.
    public var certificateAuthority: CertificateAuthority?
    /// `ct-log`; present exactly when ``certificateAuthority`` is.
    public var ctLog: CTLog?

    public init() {}

    /// The Rekor v1 and/or v2 logs.
    public struct TransparencyLog: Sendable {
        /// `hostname`: the checkpoint origin (v2) and key name (both); the v1 origin is
        /// `<hostname> - <tree-id>`. A bare host name: no scheme, port or path.
        public var hostname: String
        /// `storage`.
        public var storage: Storage
        /// `sequencer` and `max-entry-bytes`.
        public var sequencer = SequencerConfiguration()
        /// `v1`; nil to serve no Rekor v1 API.
        public var v1: V1Log?
        /// `v2`; nil to serve no Rekor v2 API.
        public var v2: V2Log?
    }

    /// Where the logs live.
    public enum Storage: Sendable, Hashable {
        /// `sqlite: DIR`: one `<log-name>.sqlite` file per log in `DIR` (created if missing).
        case sqlite(directory: String)
        /// `postgres: URL` (and `max-connections`): every log in one database, by name.
        case postgres(url: String, maximumConnections: Int)
    }

    /// The Rekor v1 log.
    public struct V1Log: Sendable, Hashable {
        /// `signing-key`.
        public var signingKey: KeyFile
        /// `tree-id`: the shard's tree ID, part of the origin and of entry IDs. Never change it.
        public var treeID: Int64
        /// `log-name`: the SQLite file's base name or the PostgreSQL log name.
        public var logName = "rekor-v1"
    }

    /// The Rekor v2 (tiles) log.
    public struct V2Log: Sendable, Hashable {
        /// `signing-key`: an Ed25519 key.
        public var signingKey: KeyFile
        /// `log-name`.
        public var logName = "rekor-v2"
    }

    /// The RFC 3161 timestamp authority.
    public struct TimestampAuthority: Sendable, Hashable {
        /// `signing-key`.
        public var signingKey: KeyFile
        /// `certificate-chain`: PEM certificates, the signing key's first, root last.
        public var certificateChain: String
    }

    /// A PEM private key file (`PRIVATE KEY`, `EC PRIVATE KEY`, or `ENCRYPTED PRIVATE KEY` with
    /// the password in `password-file`).
    public struct KeyFile: Sendable, Hashable {
        public var path: String
        public var passwordFile: String?
        /// The configuration key naming this file, for error messages.
        public var key: String
    }
}

/// Why `signetd serve` refused its configuration: names the key at fault and what was expected.
public struct ServeConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
