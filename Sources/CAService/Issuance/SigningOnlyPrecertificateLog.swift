public import CertificateTransparency
public import Foundation
import SigstoreCrypto
public import X509

/// Signs SCTs for precertificates **without logging anything**: not a CT log.
///
/// No entry is stored and no inclusion proof can ever be produced, so its SCTs are promises no
/// one keeps. It exists for tests and for development stacks until a real CT log runs in the same
/// process; it checks what a log would check (the poison, and that the issuer signed the precertificate).
public struct SigningOnlyPrecertificateLog: PrecertificateLog {
    /// The SCT signer, with the key clients trust as the CT log's.
    public let signer: SCTSigner
    private let clock: @Sendable () -> Date

    public init(signer: SCTSigner, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.signer = signer
        self.clock = clock
    }

    public func submit(precertificateChain chain: [Certificate]) async throws -> SignedCertificateTimestamp {
        guard chain.count >= 2 else {
            throw CTError(.malformedEncoding, "add-pre-chain needs the precertificate and its issuer")
        }
        guard chain[1].publicKey.isValidSignature(chain[0].signature, for: chain[0]) else {
            throw CTError(.invalidSignature, "the precertificate is not signed by the next certificate in the chain")
        }
        let entry = try SignedEntry(precertificate: chain[0], issuer: chain[1])
        return try await signer.signedCertificateTimestamp(for: entry, at: clock())
    }
}
