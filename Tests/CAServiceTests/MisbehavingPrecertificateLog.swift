import CAService
import CertificateTransparency
import SigstoreCrypto
import X509

/// A log that always fails, or answers with an SCT from a key nobody trusts.
struct MisbehavingPrecertificateLog: PrecertificateLog {
    enum Behaviour: Sendable { case unreachable, untrustedKey }
    let behaviour: Behaviour

    func submit(precertificateChain chain: [Certificate]) async throws -> SignedCertificateTimestamp {
        switch behaviour {
        case .unreachable:
            throw CTError(.malformedEncoding, "connection refused")
        case .untrustedKey:
            let rogue = try SCTSigner(signer: PrivateKey.generate(.ecdsaP256))
            return try await SigningOnlyPrecertificateLog(signer: rogue).submit(precertificateChain: chain)
        }
    }
}
