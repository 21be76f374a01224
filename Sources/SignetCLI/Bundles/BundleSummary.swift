import SigstoreCrypto
import Foundation
import RFC3161
import SigstoreModels
import SigstoreVerify
import SwiftASN1
import X509

/// What `signet bundle inspect` shows of a bundle: its contents as they are written, parsed but
/// **not verified**.
struct BundleSummary: Encodable, Sendable {
    struct Content: Encodable, Sendable {
        /// `messageSignature` or `dsseEnvelope`.
        var kind: String
        var digestAlgorithm: String?
        var digest: String?
        var payloadType: String?
        var signatureCount: Int?
        var statement: Statement?
    }

    struct Statement: Encodable, Sendable {
        var type: String
        var predicateType: String
        var subjects: [Subject]
    }

    struct Subject: Encodable, Sendable {
        var name: String?
        var digest: [String: String]
    }

    struct Signer: Encodable, Sendable {
        /// `certificate`, `certificateChain` or `publicKey`.
        var kind: String
        var subjectAlternativeNames: [String]?
        var issuer: String?
        var notBefore: String?
        var notAfter: String?
        var serialNumber: String?
        var certificateIssuer: String?
        var extensions: [String: String]?
        var chainLength: Int?
        var publicKeyHint: String?
        var problem: String?
    }

    struct LogEntry: Encodable, Sendable {
        var logIndex: Int64
        var logID: String
        var kind: String
        var version: String
        var integratedTime: String?
        var hasInclusionPromise: Bool
        var inclusionProofTreeSize: Int64?
        var checkpointOrigin: String?
    }

    struct SignedTimestamp: Encodable, Sendable {
        var genTime: String?
        var serialNumber: String?
        var policy: String?
        var problem: String?
    }

    var mediaType: String
    var version: String
    var content: Content?
    var signer: Signer?
    var tlogEntries: [LogEntry]
    var timestamps: [SignedTimestamp]

    init(_ bundle: SigstoreBundle) {
        mediaType = bundle.mediaType
        version = "0.\(bundle.version.rawValue)"
        content = bundle.content.map(Self.content)
        signer = bundle.verificationMaterial.content.map(Self.signer)
        tlogEntries = bundle.verificationMaterial.tlogEntries.map(Self.logEntry)
        timestamps = bundle.verificationMaterial.rfc3161Timestamps.map { Self.timestamp($0.signedTimestamp) }
    }

    private static func content(_ content: SigstoreBundle.Content) -> Content {
        switch content {
        case .messageSignature(let signature):
            return Content(
                kind: "messageSignature", digestAlgorithm: signature.messageDigest?.algorithm.rawValue,
                digest: signature.messageDigest.map { Hex.encode($0.digest) })
        case .dsseEnvelope(let envelope):
            let statement = try? InTotoStatement(decoding: envelope.payload)
            return Content(
                kind: "dsseEnvelope", payloadType: envelope.payloadType, signatureCount: envelope.signatures.count,
                statement: statement.map { statement in
                    Statement(
                        type: statement.type, predicateType: statement.predicateType,
                        subjects: statement.subjects.map { Subject(name: $0.name, digest: $0.digest) })
                })
        }
    }

    private static func signer(_ material: SigstoreBundle.VerificationMaterial.Content) -> Signer {
        let kind: String
        let leaf: X509Certificate
        var chainLength: Int?
        switch material {
        case .publicKey(let identifier):
            return Signer(kind: "publicKey", publicKeyHint: identifier.hint)
        case .certificate(let certificate):
            kind = "certificate"
            leaf = certificate
        case .x509CertificateChain(let chain):
            kind = "certificateChain"
            chainLength = chain.certificates.count
            guard let first = chain.certificates.first else {
                return Signer(kind: kind, chainLength: 0, problem: "the certificate chain is empty")
            }
            leaf = first
        }
        let certificate: Certificate
        do {
            certificate = try Certificate(derEncoded: leaf.rawBytes)
        } catch {
            return Signer(kind: kind, chainLength: chainLength, problem: "the leaf certificate does not parse: \(error)")
        }
        let identity = SigningCertificate(certificate)
        return Signer(
            kind: kind, subjectAlternativeNames: identity.subjectAlternativeNames, issuer: identity.issuer,
            notBefore: Timestamp.format(identity.notValidBefore), notAfter: Timestamp.format(identity.notValidAfter),
            serialNumber: Hex.encode(certificate.serialNumber.bytes), certificateIssuer: certificate.issuer.description,
            extensions: Dictionary(uniqueKeysWithValues: identity.extensions.map { ($0.key.name, $0.value) }), chainLength: chainLength)
    }

    private static func logEntry(_ entry: TransparencyLogEntry) -> LogEntry {
        LogEntry(
            logIndex: entry.logIndex, logID: Hex.encode(entry.logId.keyId), kind: entry.kindVersion.kind,
            version: entry.kindVersion.version,
            integratedTime: entry.integratedTime > 0 ? Timestamp.format(unixSeconds: entry.integratedTime) : nil,
            hasInclusionPromise: entry.inclusionPromise != nil, inclusionProofTreeSize: entry.inclusionProof?.treeSize,
            checkpointOrigin: entry.inclusionProof.flatMap { proof in
                proof.checkpoint?.envelope.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init)
            })
    }

    private static func timestamp(_ der: [UInt8]) -> SignedTimestamp {
        do {
            let response = try TimeStampResponse(bytes: der)
            guard let token = response.timeStampToken else {
                return SignedTimestamp(problem: "the response carries no token (status \(response.status.status))")
            }
            let content = try token.signedData().encapsulatedContentInfo.eContent
            guard let content else { return SignedTimestamp(problem: "the token encapsulates no TSTInfo") }
            let info = try TSTInfo(berEncoded: content)
            return SignedTimestamp(
                genTime: Timestamp.format(info.generationDate), serialNumber: Hex.encode(info.serialNumber.bytes),
                policy: info.policy.description)
        } catch {
            return SignedTimestamp(problem: "the timestamp does not parse: \(error)")
        }
    }
}
