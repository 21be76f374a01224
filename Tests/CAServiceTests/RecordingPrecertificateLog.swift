@testable import CAService
import CertificateTransparency
import Foundation
import Synchronization
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
