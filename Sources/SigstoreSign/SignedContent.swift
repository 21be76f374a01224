import SigstoreCrypto
import SigstoreModels

/// The signature over what is signed, in the shapes the log and the bundle need.
struct SignedContent: Sendable {
    enum Kind: Sendable {
        /// Message signature: the digest and the hash it was taken with.
        case message(digest: [UInt8], hash: HashAlgorithm)
        case envelope(DSSEEnvelope)
    }

    var kind: Kind
    var signature: [UInt8]

    init(_ content: SigningContent, key: PrivateKey) throws {
        let details = key.publicKey.defaultDetails
        guard let hash = details.hashAlgorithm else {
            throw SigningError(.signingKey, "\(key.algorithm) keys cannot make a prehashed signature")
        }
        do {
            switch content {
            case .artifact(let bytes):
                let digest = hash.hash(bytes)
                kind = .message(digest: digest, hash: hash)
                signature = try key.signature(forDigest: digest, hash: hash, details: details)
            case .inTotoStatement(let statement):
                do {
                    _ = try InTotoStatement(decoding: statement)
                } catch {
                    throw SigningError(.invalidContent, "the file is not an in-toto statement: \(error)")
                }
                var envelope = DSSEEnvelope(payload: statement, payloadType: InTotoStatement.payloadType, signatures: [])
                signature = try key.signature(for: envelope.preAuthEncoding, details: details)
                envelope.signatures = [.init(sig: signature)]
                kind = .envelope(envelope)
            }
        } catch let error as SigningError {
            throw error
        } catch {
            throw SigningError(.signingKey, "signing failed: \(error)")
        }
    }

    var bundleContent: SigstoreBundle.Content {
        switch kind {
        case .message(let digest, let hash):
            .messageSignature(.init(messageDigest: HashOutput(algorithm: Self.protoHash(hash), digest: digest), signature: signature))
        case .envelope(let envelope):
            .dsseEnvelope(envelope)
        }
    }

    static func protoHash(_ hash: HashAlgorithm) -> ProtoHashAlgorithm {
        switch hash {
        case .sha256: .sha2_256
        case .sha384: .sha2_384
        case .sha512: .sha2_512
        }
    }

    static func rekorHash(_ hash: HashAlgorithm) -> RekorHash.Algorithm {
        switch hash {
        case .sha256: .sha256
        case .sha384: .sha384
        case .sha512: .sha512
        }
    }
}
