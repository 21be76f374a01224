import Foundation
import SigstoreCrypto
import SigstoreModels
import SigstoreVerify

/// What `verify-blob` and `verify-blob-attestation` print on success, as text or JSON.
struct VerificationReport: Encodable, Sendable {
    struct Signer: Encodable, Sendable {
        /// `certificate` or `publicKey`.
        var kind: String
        /// The certificate's first subject alternative name (the identity the policy matched).
        var identity: String?
        var subjectAlternativeNames: [String]?
        var issuer: String?
        var notBefore: String?
        var notAfter: String?
        /// The Sigstore extensions the certificate carries, by name.
        var extensions: [String: String]?
        /// A managed key's algorithm and SHA-256 key ID (hex).
        var algorithm: String?
        var keyID: String?
    }

    struct TrustedTime: Encodable, Sendable {
        var time: String
        /// `timestampAuthority` or `transparencyLog`.
        var source: String
        /// The TSA's URI or the log's base URL.
        var authority: String
    }

    struct LogEntry: Encodable, Sendable {
        var baseURL: String
        var logID: String
        var logIndex: Int64
        var kind: String
        var version: String
        /// The integrated time, only when a signed entry timestamp vouches for it.
        var integratedTime: String?
        var checkpointOrigin: String?
        var treeSize: UInt64?
    }

    struct Statement: Encodable, Sendable {
        var type: String
        var predicateType: String
        var subjects: [Subject]
    }

    struct Subject: Encodable, Sendable {
        var name: String
        var digest: [String: String]
    }

    var verified = true
    var bundleVersion: String
    var signer: Signer
    var verifiedTimes: [TrustedTime]
    var transparencyLog: LogEntry
    var statement: Statement?
    /// The file or digest the signature was checked against.
    var artifact: String

    init(_ result: VerificationResult, artifact: ArtifactReference) {
        bundleVersion = "0.\(result.bundleVersion.rawValue)"
        switch result.signer {
        case .certificate(let certificate):
            signer = Signer(
                kind: "certificate", identity: certificate.subjectAlternativeNames.first,
                subjectAlternativeNames: certificate.subjectAlternativeNames, issuer: certificate.issuer,
                notBefore: Timestamp.format(certificate.notValidBefore), notAfter: Timestamp.format(certificate.notValidAfter),
                extensions: Dictionary(uniqueKeysWithValues: certificate.extensions.map { ($0.key.name, $0.value) }))
        case .publicKey(let key):
            signer = Signer(kind: "publicKey", algorithm: key.algorithm.description, keyID: Hex.encode(key.keyID))
        }
        verifiedTimes = result.verifiedTimes.map { time in
            switch time.source {
            case .timestampAuthority(let uri):
                TrustedTime(time: Timestamp.format(time.date), source: "timestampAuthority", authority: uri)
            case .transparencyLog(let url):
                TrustedTime(time: Timestamp.format(time.date), source: "transparencyLog", authority: url)
            }
        }
        let entry = result.logEntry
        transparencyLog = LogEntry(
            baseURL: entry.baseURL, logID: Hex.encode(entry.logID), logIndex: entry.logIndex, kind: entry.kind,
            version: entry.version, integratedTime: entry.integratedTime.map(Timestamp.format),
            checkpointOrigin: entry.checkpoint?.origin, treeSize: entry.checkpoint?.treeSize)
        statement = result.statement.map { statement in
            Statement(
                type: statement.type, predicateType: statement.predicateType,
                subjects: statement.subjects.map { Subject(name: $0.name, digest: $0.digest) })
        }
        self.artifact = artifact.text
    }

    /// The text form: `Verified OK`, then who signed, when, and where it was logged.
    var text: String {
        var lines = ["Verified OK"]
        func add(_ label: String, _ value: String) {
            lines.append((label.isEmpty ? "" : label + ":").padding(toLength: 12, withPad: " ", startingAt: 0) + value)
        }
        if signer.kind == "certificate" {
            add("Identity", signer.identity ?? "(none)")
            add("Issuer", signer.issuer ?? "(none)")
        } else {
            add("Key", "\(signer.algorithm ?? "") \(signer.keyID ?? "")")
        }
        for (index, time) in verifiedTimes.enumerated() {
            let source = time.source == "timestampAuthority" ? "RFC 3161 timestamp from" : "transparency log"
            add(index == 0 ? "Signed at" : "", "\(time.time) (\(source) \(time.authority))")
        }
        let log = transparencyLog
        add("Log entry", "\(log.baseURL) index \(log.logIndex) (\(log.kind) \(log.version))")
        if let statement {
            add("Predicate", statement.predicateType)
        }
        return lines.joined(separator: "\n")
    }
}
