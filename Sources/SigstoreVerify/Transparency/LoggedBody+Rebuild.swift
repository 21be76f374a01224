import SigstoreCrypto
import SigstoreModels

extension LoggedBody {
    /// The canonical Rekor v2 body for `content` (interop contract §5.3, §5.4): the bundle's
    /// signature and signer with the default `keyDetails` of the signer's key, over the digest
    /// that key type implies (of the artifact, or of the DSSE pre-authentication encoding).
    func rebuiltBody(for content: SignedContent) throws(VerificationError) -> [UInt8] {
        let key = content.signer.key
        let keyDetails = key.defaultDetails.rawValue
        let verifierKey: RekorV2.Verifier.Key
        switch content.signer {
        case .certificate(_, let der, _): verifierKey = .x509Certificate(der)
        case .managedKey: verifierKey = .publicKey(key.derRepresentation)
        }
        let signature = RekorV2.Signature(content: content.signature, verifier: RekorV2.Verifier(key: verifierKey, keyDetails: keyDetails))
        do {
            switch (self, content.payload) {
            case (.hashedRekordV2, _):
                let algorithm = try RekorV2.hashAlgorithm(forKeyDetails: keyDetails)
                let digest = try Self.digest(of: content.payload, with: algorithm)
                return try RekorEntry.hashedRekordV002(.init(data: HashOutput(algorithm: algorithm, digest: digest), signature: signature)).canonicalBody()
            case (.dsseV2, .dsse(let envelope)):
                let payloadHash = HashOutput(algorithm: .sha2_256, digest: HashAlgorithm.sha256.hash(envelope.payload))
                return try RekorEntry.dsseV002(.init(payloadHash: payloadHash, signatures: [signature])).canonicalBody()
            case (.dsseV2, .message):
                throw Self.mismatch("a message signature is logged as a dsse entry")
            case (.rekorV1, _):
                throw Self.mismatch("a Rekor v1 body cannot be rebuilt")
            }
        } catch let error as VerificationError {
            throw error
        } catch {
            throw Self.mismatch("no Rekor v2 body can describe this bundle: \(error)")
        }
    }

    private static func digest(of payload: SignedContent.Payload, with algorithm: ProtoHashAlgorithm) throws(VerificationError) -> [UInt8] {
        guard let hash = HashAlgorithm(protobufName: algorithm.rawValue) else {
            throw mismatch("Rekor v2 digest algorithm \(algorithm.rawValue) is not supported")
        }
        switch payload {
        case .message(let signedAlgorithm, let signedDigest, let artifactDigests):
            if signedAlgorithm == hash { return signedDigest }
            guard let digest = artifactDigests[hash] else {
                throw mismatch("the signer's key implies a \(hash.rawValue) digest, which neither the bundle nor the artifact provides")
            }
            return digest
        case .dsse(let envelope):
            return hash.hash(envelope.preAuthEncoding)
        }
    }
}
