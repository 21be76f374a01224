@testable import CAService
import CertificateTransparency
import Foundation
import Synchronization
import SigstoreCrypto
import X509

/// A `SigningOnlyPrecertificateLog` that remembers every chain submitted, so tests can compare
/// the precertificate with the final certificate and count what reached the log.
final class RecordingPrecertificateLog: PrecertificateLog {
    let log: SigningOnlyPrecertificateLog
    private let submitted = Mutex<[[Certificate]]>([])

    init(_ log: SigningOnlyPrecertificateLog) {
        self.log = log
    }

    var chains: [[Certificate]] {
        submitted.withLock { $0 }
    }

    func submit(precertificateChain chain: [Certificate]) async throws -> SignedCertificateTimestamp {
        submitted.withLock { $0.append(chain) }
        return try await log.submit(precertificateChain: chain)
    }
}

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
