import CAService
import CTLogService
import CertificateTransparency
import Foundation
import LogStorageSQLite
import SigstoreCrypto
import X509

extension DevStack {
    /// The CT log of the dev stack: key `ctlog/signing-key.pem`, tree and chains in SQLite files
    /// under `ctlog/`, accepting chains to the dev CA's root.
    static func makeCTLog(files: DataDirectory, acceptingRootOf keys: CertificateAuthorityKeys) throws -> CTLog {
        let key = try files.privateKey("ctlog/signing-key.pem", creating: .ecdsaP256)
        guard let root = keys.chain.last else {
            throw CTLogError(.internalFailure, "the dev CA has no certificate chain")
        }
        let log = try CTLog(
            roots: AcceptedRoots([root]),
            key: key,
            storage: SQLiteLogStorage(path: files.url("ctlog/log.sqlite").path),
            chainStorage: SQLiteLogStorage(path: files.url("ctlog/chains.sqlite").path)
        )
        // Publishes the signed empty tree head of a new log, so reads answer before the first write.
        Task { _ = try? await log.signedTreeHead() }
        return log
    }
}

/// The CA's CT seam answered by the log in the same process: no HTTP round trip per certificate.
struct InProcessPrecertificateLog: PrecertificateLog {
    let log: CTLog

    func submit(precertificateChain: [Certificate]) async throws -> SignedCertificateTimestamp {
        // The CA signed this precertificate a moment ago with a fresh random serial number.
        try await log.addNewPreChain(precertificateChain)
    }
}
