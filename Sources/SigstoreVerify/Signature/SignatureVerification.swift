import SigstoreCrypto
import SigstoreModels

/// Checks the bundle's signature over the artifact (interop contract §9.3, §9.4, §11.8).
enum SignatureVerification {
    /// Verifies the message signature or DSSE envelope with the signer's key and ties it to
    /// `artifact` when one is given.
    ///
    /// - Parameter loggedAlgorithm: The digest algorithm a Rekor v1 `hashedrekord` body names,
    ///   so the artifact is hashed with it in the same pass.
    static func verify(
        _ bundle: SigstoreBundle, signer: Signer, artifact: Artifact?, loggedAlgorithm: HashAlgorithm?
    ) throws(VerificationError) -> (content: SignedContent, statement: InTotoStatement?) {
        switch bundle.content {
        case .messageSignature(let message):
            let payload = try verify(message, key: signer.key, artifact: artifact, loggedAlgorithm: loggedAlgorithm)
            return (SignedContent(signer: signer, signature: message.signature, payload: payload), nil)
        case .dsseEnvelope(let envelope):
            let statement = try verify(envelope, key: signer.key, artifact: artifact)
            return (SignedContent(signer: signer, signature: envelope.signatures[0].sig, payload: .dsse(envelope)), statement)
        case nil:
            throw VerificationError(.invalidBundle, "the bundle has no messageSignature or dsseEnvelope")
        }
    }

    private static func verify(
        _ message: SigstoreBundle.MessageSignature, key: PublicKey, artifact: Artifact?, loggedAlgorithm: HashAlgorithm?
    ) throws(VerificationError) -> SignedContent.Payload {
        let algorithm: HashAlgorithm
        if let messageDigest = message.messageDigest {
            guard let named = HashAlgorithm(protobufName: messageDigest.algorithm.rawValue), messageDigest.digest.count == named.digestLength else {
                throw VerificationError(.invalidBundle, "the message digest is not a SHA-2 digest of the length its algorithm \(messageDigest.algorithm.rawValue) gives")
            }
            algorithm = named
        } else {
            algorithm = key.defaultDetails.hashAlgorithm ?? .sha512
        }
        let digests = try artifact?.digests(Set([algorithm] + (loggedAlgorithm.map { [$0] } ?? []))) ?? [:]
        let digest: [UInt8]
        if let artifact {
            guard let artifactDigest = digests[algorithm] else {
                throw VerificationError(.artifactMismatch, "the bundle signs a \(algorithm.rawValue) digest, but the artifact was given as \(artifact.label)")
            }
            if let signed = message.messageDigest?.digest, signed != artifactDigest {
                throw VerificationError(.artifactMismatch, "\(artifact.label) is not the signed artifact: its \(algorithm.rawValue) is \(Hex.encode(artifactDigest)), the bundle signs \(Hex.encode(signed))")
            }
            digest = artifactDigest
        } else {
            guard let signed = message.messageDigest?.digest else {
                throw VerificationError(.invalidBundle, "the bundle names no message digest, so it can only be verified against the artifact")
            }
            digest = signed
        }
        if key.algorithm == .ed25519 {
            // Pure Ed25519 signs the message itself; no digest can stand in for it.
            guard let bytes = try artifact?.message() else {
                throw VerificationError(.invalidSignature, "an Ed25519 signature covers the whole artifact; pass its bytes, not a digest")
            }
            guard key.isValidSignature(message.signature, for: bytes, details: .pkixEd25519) else {
                throw VerificationError(.invalidSignature, "the Ed25519 signature does not verify over the artifact")
            }
        } else {
            guard key.isValidSignature(message.signature, forDigest: digest, hash: algorithm) else {
                throw VerificationError(.invalidSignature, "the signature does not verify over the \(algorithm.rawValue) digest \(Hex.encode(digest)) with the signer's \(key.algorithm) key")
            }
        }
        return .message(algorithm: algorithm, digest: digest, artifactDigests: digests)
    }

    private static func verify(_ envelope: DSSEEnvelope, key: PublicKey, artifact: Artifact?) throws(VerificationError) -> InTotoStatement {
        guard envelope.signatures.count == 1, let signature = envelope.signatures.first else {
            throw VerificationError(.invalidBundle, "the DSSE envelope has \(envelope.signatures.count) signatures, not one")
        }
        guard key.isValidSignature(signature.sig, for: envelope.preAuthEncoding) else {
            throw VerificationError(.invalidSignature, "the DSSE signature does not verify over the envelope's pre-authentication encoding")
        }
        guard envelope.payloadType == DSSE.inTotoPayloadType else {
            throw VerificationError(.invalidSignature, "the DSSE payloadType is \(String(reflecting: envelope.payloadType)), not \(DSSE.inTotoPayloadType)")
        }
        let statement = try InTotoStatement(payload: envelope.payload)
        if let artifact {
            let digests = try artifact.digests(statement.digestAlgorithms.union([.sha256]))
            guard statement.subject(matching: digests) != nil else {
                throw VerificationError(.artifactMismatch, "\(artifact.label) is not among the statement's \(statement.subjects.count) subject(s)")
            }
        }
        return statement
    }
}
