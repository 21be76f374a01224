import SigstoreCrypto
import SigstoreModels

extension LoggedBody {
    /// The bytes the log hashed into its tree for this entry, after checking they describe
    /// `content`: for Rekor v1 the entry's own body, read and compared with the bundle; for
    /// Rekor v2 the body rebuilt from the bundle, which the entry must carry verbatim.
    func leafBytes(of entry: TransparencyLogEntry, for content: SignedContent) throws(VerificationError) -> [UInt8] {
        switch self {
        case .rekorV1(let body):
            try Self.check(body, against: content)
            return entry.canonicalizedBody
        case .hashedRekordV2, .dsseV2:
            let rebuilt = try rebuiltBody(for: content)
            guard rebuilt == entry.canonicalizedBody else {
                throw Self.mismatch("the entry's canonicalizedBody is not the body the bundle implies")
            }
            return rebuilt
        }
    }

    /// Interop contract §11.6: a v1 body must name the bundle's signature, key and digest.
    private static func check(_ body: RekorEntry, against content: SignedContent) throws(VerificationError) {
        switch (body, content.payload) {
        case (.hashedRekordV001(let record), _):
            guard record.signature == content.signature else { throw mismatch("the logged signature is not the bundle's") }
            try checkKey(record.publicKey, matches: content.signer)
            try checkDigest(of: record, against: content.payload)
        case (.dsseV001(let entry), .dsse(let envelope)):
            guard entry.matchesPayload(envelope.payload) else { throw mismatch("the logged payload hash is not the envelope payload's") }
            guard entry.signatures.count == 1, let logged = entry.signatures.first, logged.signatureBytes == content.signature else {
                throw mismatch("the logged signatures are not the envelope's")
            }
            try checkKey(logged.verifier, matches: content.signer)
        case (.intotoV002(let entry), .dsse(let envelope)):
            guard entry.matchesPayload(envelope.payload), entry.payloadType == envelope.payloadType else {
                throw mismatch("the logged payload hash or type is not the envelope's")
            }
            guard entry.signatures.count == 1, let logged = entry.signatures.first, logged.signatureBytes == content.signature else {
                throw mismatch("the logged signatures are not the envelope's")
            }
            try checkKey(logged.publicKey, matches: content.signer)
        case (.dsseV001, .message), (.intotoV002, .message):
            throw mismatch("a message signature is logged as a \(body.kind) entry")
        case (.hashedRekordV002, _), (.dsseV002, _):
            throw mismatch("a Rekor v2 entry kind was read as a v1 body")
        }
    }

    private static func checkDigest(of record: RekorV1.HashedRekord, against payload: SignedContent.Payload) throws(VerificationError) {
        guard let algorithm = HashAlgorithm(rawValue: record.data.algorithm.rawValue) else {
            throw mismatch("the logged digest algorithm \(record.data.algorithm.rawValue) is not supported")
        }
        switch payload {
        case .message(let signedAlgorithm, let signedDigest, let artifactDigests):
            // The logged digest must be the one signed and, when known, the artifact's.
            var compared = false
            if algorithm == signedAlgorithm {
                guard record.data.digest == signedDigest else { throw mismatch("the logged digest is not the signed digest") }
                compared = true
            }
            if let artifactDigest = artifactDigests[algorithm] {
                guard record.data.digest == artifactDigest else { throw mismatch("the logged digest is not the artifact's") }
                compared = true
            }
            guard compared else {
                throw mismatch("the entry logs a \(algorithm.rawValue) digest, which neither the bundle nor the artifact provides")
            }
        case .dsse(let envelope):
            // DSSE logged as hashedrekord: the digest is of the pre-authentication encoding.
            guard record.data.digest == algorithm.hash(envelope.preAuthEncoding) else {
                throw mismatch("the logged digest is not the digest of the envelope's pre-authentication encoding")
            }
        }
    }

    /// Rekor v1 bodies carry the signer as PEM (the log re-encodes it canonically, other
    /// producers do not); compare the DER inside rather than the text.
    private static func checkKey(_ logged: [UInt8], matches signer: Signer) throws(VerificationError) {
        let pem = PEMBlock(logged)
        switch signer {
        case .certificate(_, let der, _):
            let loggedDER = pem.map { $0.label == "CERTIFICATE" ? $0.der : [] } ?? logged
            guard loggedDER == der else { throw mismatch("the logged certificate is not the bundle's signing certificate") }
        case .managedKey(let key):
            let loggedKey: PublicKey?
            switch pem?.label {
            case "PUBLIC KEY", nil: loggedKey = try? PublicKey(derEncoded: pem?.der ?? logged)
            case "RSA PUBLIC KEY": loggedKey = try? PublicKey(pkcs1RSADER: pem?.der ?? [])
            default: loggedKey = nil
            }
            guard loggedKey == key else { throw mismatch("the logged public key is not the verification key") }
        }
    }

    static func mismatch(_ problem: String) -> VerificationError {
        VerificationError(.invalidTransparencyLogEntry, "the log entry does not match the bundle: \(problem)")
    }
}
