import Foundation
import Merkle
import RFC3161
import SignedNote
import SigstoreCrypto
import SigstoreModels
import SigstoreVerify
import X509

extension VirtualSigstore {
    /// Which log a signing writes to.
    enum Log: Sendable {
        case rekorV1
        case rekorV2
    }

    /// How to sign: what, with which key material, into which log, with how many timestamps.
    struct Request: Sendable {
        var artifact = Array("hello, virtual sigstore\n".utf8)
        var log = Log.rekorV1
        var version = SigstoreBundle.Version.v0_3
        /// Sign an in-toto statement about the artifact in a DSSE envelope.
        var dsse = false
        /// Sign with a managed key (a `publicKey` hint) instead of a Fulcio certificate.
        var managedKey = false
        var keyAlgorithm = KeyAlgorithm.ecdsaP256
        /// RFC 3161 timestamps over the signature (Rekor v2 needs at least one).
        var timestamps = 1
        /// Ask the Rekor v1 log for a signed entry timestamp.
        var inclusionPromise = true
        /// Include the inclusion proof and checkpoint.
        var inclusionProof = true
        var leaf = LeafProfile()
        /// Seconds after ``VirtualSigstore/epoch`` at which the certificate is issued; the
        /// timestamp follows 30 s later and the log entry 60 s later.
        var signingOffset: TimeInterval = 60
    }

    /// A signed bundle with everything needed to verify it.
    struct Signed: Sendable {
        var bundle: SigstoreBundle
        var artifact: [UInt8]
        var signingKey: PrivateKey
        var policy: VerificationPolicy
    }

    func sign(_ request: Request = Request()) async throws -> Signed {
        let signingTime = Self.epoch.addingTimeInterval(request.signingOffset)
        let key = try PrivateKey.generate(request.keyAlgorithm)
        let signer: Signer
        let policy: VerificationPolicy
        if request.managedKey {
            signer = .key(key.publicKey)
            policy = .publicKey(key.publicKey)
        } else {
            let leaf = try await issueLeaf(for: key.publicKey, at: signingTime, profile: request.leaf)
            signer = .certificate(try leaf.derBytes)
            policy = .identity(san: .exact(Self.name(request.leaf.san)), issuer: .exact(request.leaf.issuer))
        }
        let content = try content(for: request, key: key)
        var timestamps: [SigstoreBundle.RFC3161SignedTimestamp] = []
        for index in 0..<request.timestamps {
            let time = signingTime.addingTimeInterval(30 + Double(index))
            timestamps.append(.init(signedTimestamp: try await timestamp(over: content.signature, at: time, serial: UInt64(index + 1))))
        }
        let entry = try await logEntry(for: content, signer: signer, request: request, at: signingTime.addingTimeInterval(60))
        let material: SigstoreBundle.VerificationMaterial.Content
        switch signer {
        case .key: material = .publicKey(.init(hint: ""))
        case .certificate(let der) where request.version >= .v0_3: material = .certificate(X509Certificate(rawBytes: der))
        case .certificate(let der):
            material = .x509CertificateChain(X509CertificateChain(certificates: [X509Certificate(rawBytes: der), X509Certificate(rawBytes: try caIntermediate.derBytes)]))
        }
        let bundle = SigstoreBundle(
            version: request.version,
            verificationMaterial: .init(
                content: material, tlogEntries: [entry],
                timestampVerificationData: timestamps.isEmpty ? nil : .init(rfc3161Timestamps: timestamps)),
            content: content.bundleContent)
        return Signed(bundle: bundle, artifact: request.artifact, signingKey: key, policy: policy)
    }

    /// An RFC 3161 response from this instance's TSA over `signature`.
    func timestamp(over signature: [UInt8], at time: Date, serial: UInt64) async throws -> [UInt8] {
        let issuer = try TimestampIssuer(signer: tsaKey, certificateChain: tsaChain)
        let request = TimeStampRequest(hash: .sha256, digest: HashAlgorithm.sha256.hash(signature), nonce: nil)
        let response = try await issuer.respond(to: request, at: time, serialNumber: Certificate.SerialNumber(bytes: [0x01] + withUnsafeBytes(of: serial.bigEndian, Array.init)))
        return try response.derEncoded()
    }

    enum Signer {
        case certificate([UInt8])
        case key(PublicKey)
    }

    /// What the client signed.
    struct Content {
        var signature: [UInt8]
        var digest: [UInt8]
        var digestAlgorithm = HashAlgorithm.sha256
        var bundleContent: SigstoreBundle.Content
        var envelope: DSSEEnvelope?
    }

    private func content(for request: Request, key: PrivateKey) throws -> Content {
        guard request.dsse else {
            let hash = key.publicKey.defaultDetails.hashAlgorithm ?? .sha512
            let digest = hash.hash(request.artifact)
            let signature = key.algorithm == .ed25519
                ? try key.signature(for: request.artifact)
                : try key.signature(forDigest: digest, hash: hash)
            let messageDigest = HashOutput(algorithm: ProtoHashAlgorithm(rawValue: hash.protobufName)!, digest: digest)
            return Content(
                signature: signature, digest: digest, digestAlgorithm: hash,
                bundleContent: .messageSignature(.init(messageDigest: messageDigest, signature: signature)))
        }
        let statement = #"{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"artifact","digest":{"sha256":"\#(HashAlgorithm.sha256.hash(request.artifact).map { String(format: "%02x", $0) }.joined())"}}],"predicateType":"https://virtual.test/predicate/v1","predicate":{"built":true}}"#
        var envelope = DSSEEnvelope(payload: Array(statement.utf8), payloadType: DSSE.inTotoPayloadType, signatures: [])
        let signature = try key.signature(for: envelope.preAuthEncoding)
        envelope.signatures = [.init(sig: signature)]
        return Content(signature: signature, digest: [], bundleContent: .dsseEnvelope(envelope), envelope: envelope)
    }

    static func name(_ san: GeneralName) -> String {
        switch san {
        case .rfc822Name(let email): email
        case .uniformResourceIdentifier(let uri): uri
        default: "\(san)"
        }
    }
}
