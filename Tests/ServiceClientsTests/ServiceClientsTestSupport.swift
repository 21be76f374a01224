import Foundation
import SigstoreCrypto
import SigstoreModels
import SigstoreTestSupport

/// What the write-client tests share: a managed key signing an artifact, and requests built from it.
struct WriteClientFixture {
    let key: PrivateKey
    let artifact: [UInt8]
    let digest: [UInt8]
    let signature: [UInt8]

    init(_ text: String = "artifact \(UUID().uuidString)") throws {
        key = try PrivateKey.generate(.ecdsaP256)
        artifact = Array(text.utf8)
        digest = HashAlgorithm.sha256.hash(artifact)
        signature = try key.signature(forDigest: digest, hash: .sha256)
    }

    var hashedRekordV1: ProposedEntry {
        get throws {
            .hashedRekordV001(.init(signature: signature, publicKey: Array(key.publicKey.pemRepresentation.utf8),
                                    data: try RekorHash(algorithm: .sha256, digest: digest)))
        }
    }

    var hashedRekordV2: RekorV2.HashedRekordRequest {
        .init(digest: digest, signature: .init(
            content: signature,
            verifier: .init(key: .publicKey(key.publicKey.derRepresentation), keyDetails: "PKIX_ECDSA_P256_SHA_256")))
    }

    /// A DSSE envelope over a small in-toto statement, signed by `key`.
    func envelope() throws -> DSSEEnvelope {
        let statement = InTotoStatement(
            subjects: [InTotoSubject(name: "a.txt", digest: ["sha256": digest.map { String(format: "%02x", $0) }.joined()])],
            predicateType: "https://signet.dev/test/v1", predicate: .object([:]))
        var envelope = DSSEEnvelope(payload: try statement.encoded(), payloadType: InTotoStatement.payloadType, signatures: [])
        envelope.signatures = [.init(sig: try key.signature(for: envelope.preAuthEncoding))]
        return envelope
    }
}
