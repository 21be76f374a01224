import CTLogService
import CertificateTransparency
import Foundation
import LogEngine
import LogStorageSQLite
import Logging
import SigstoreCrypto
import Synchronization
import SwiftASN1
import X509

/// A CT log on real SQLite files in a fresh temporary directory, with a P-256 root it accepts
/// and a fixed clock.
struct CTLogFixture {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    let rootKey: PrivateKey
    let root: Certificate
    let logKey: PrivateKey
    let log: CTLog
    let directory: URL

    init(clock: TestClock = TestClock()) throws {
        rootKey = try PrivateKey.generate(.ecdsaP256)
        root = try Self.caCertificate(name: "ctlog-test-root", key: rootKey)
        logKey = try PrivateKey.generate(.ecdsaP256)
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("ctlog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        log = try CTLog(
            roots: AcceptedRoots([root]),
            key: logKey,
            storage: SQLiteLogStorage(path: directory.appendingPathComponent("log.sqlite").path),
            chainStorage: SQLiteLogStorage(path: directory.appendingPathComponent("chains.sqlite").path),
            now: { clock.now },
            logger: Self.quietLogger
        )
    }

    static let quietLogger: Logger = {
        var logger = Logger(label: "ctlog-tests")
        logger.logLevel = .warning
        return logger
    }()

    var verifier: SCTVerifier {
        get throws { SCTVerifier(trustedLogs: [try TrustedCTLog(publicKey: logKey.publicKey)]) }
    }

    /// A self-signed CA certificate.
    static func caCertificate(name: String, key: PrivateKey) throws -> Certificate {
        let subject = try DistinguishedName { CommonName(name) }
        return try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: key.publicKey.certificatePublicKey,
            notValidBefore: now.addingTimeInterval(-86_400),
            notValidAfter: now.addingTimeInterval(86_400 * 365),
            issuer: subject,
            subject: subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
                Critical(KeyUsage(keyCertSign: true))
            },
            issuerPrivateKey: key.certificatePrivateKey
        )
    }

    /// A leaf issued by the root with `serial`, carrying `extensions` after the usual ones.
    func leaf(serial: UInt8, extensions: [Certificate.Extension] = [], issuerKey: PrivateKey? = nil, issuer: Certificate? = nil) throws -> Certificate {
        var all = try Certificate.Extensions {
            Critical(KeyUsage(digitalSignature: true))
            Critical(SubjectAlternativeNames([.rfc822Name("signer@signet.test")]))
        }
        for ext in extensions {
            try all.append(ext)
        }
        let key = try PrivateKey.generate(.ecdsaP256)
        return try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(bytes: [serial]),
            publicKey: key.publicKey.certificatePublicKey,
            notValidBefore: Self.now,
            notValidAfter: Self.now.addingTimeInterval(600),
            issuer: (issuer ?? root).subject,
            subject: DistinguishedName(),
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: all,
            issuerPrivateKey: (issuerKey ?? rootKey).certificatePrivateKey
        )
    }

    /// A precertificate: a leaf with the critical poison.
    func precertificate(serial: UInt8) throws -> Certificate {
        try leaf(serial: serial, extensions: [PrecertificatePoison().makeCertificateExtension()])
    }

    /// The final certificate of `precertificate`: its TBS with the poison replaced by the SCT list.
    func finalCertificate(of precertificate: Certificate, embedding sct: SignedCertificateTimestamp) throws -> Certificate {
        var extensions = Certificate.Extensions()
        for ext in precertificate.extensions where ext.oid != PrecertificatePoison.oid {
            try extensions.append(ext)
        }
        try extensions.append(SignedCertificateTimestampList([sct]).makeCertificateExtension())
        return try Certificate(
            version: .v3,
            serialNumber: precertificate.serialNumber,
            publicKey: precertificate.publicKey,
            notValidBefore: precertificate.notValidBefore,
            notValidAfter: precertificate.notValidAfter,
            issuer: precertificate.issuer,
            subject: precertificate.subject,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: extensions,
            issuerPrivateKey: rootKey.certificatePrivateKey
        )
    }

    func size() async throws -> UInt64 {
        try await log.signedTreeHead().treeSize
    }
}

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let milliseconds = Atomic<Int64>(Int64(CTLogFixture.now.timeIntervalSince1970 * 1000))

    var now: Date { Date(timeIntervalSince1970: Double(milliseconds.load(ordering: .relaxed)) / 1000) }

    func advance(seconds: Int64) {
        milliseconds.add(seconds * 1000, ordering: .relaxed)
    }
}
