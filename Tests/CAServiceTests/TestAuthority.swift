@testable import CAService
import CertificateTransparency
import Foundation
import SigstoreTestSupport
import SigstoreCrypto
import SwiftASN1
import X509

/// A CA with fresh keys, a recording signing-only log, and a fixed clock.
struct TestAuthority {
    static let now = Date(timeIntervalSince1970: 1_767_225_600.75)  // 2026-01-01T00:00:00.75Z

    let generated: GeneratedCertificateAuthority
    let logKey: PrivateKey
    let log: RecordingPrecertificateLog
    let issuer: CodeSigningCertificateIssuer

    init(_ algorithm: KeyAlgorithm = .ecdsaP384, keys: CertificateAuthorityKeys? = nil) throws {
        generated = try CertificateAuthorityKeys.generate(algorithm: algorithm, notValidBefore: Self.now.addingTimeInterval(-86_400))
        logKey = try PrivateKey.generate(.ecdsaP256)
        log = RecordingPrecertificateLog(SigningOnlyPrecertificateLog(signer: try SCTSigner(signer: logKey), clock: { Self.now }))
        issuer = CodeSigningCertificateIssuer(keys: keys ?? generated.keys, log: log, trustedLogs: [try TrustedCTLog(publicKey: logKey.publicKey)])
    }

    var trustedLog: TrustedCTLog {
        try! TrustedCTLog(publicKey: logKey.publicKey)
    }

    /// Writes `chain` as PEM files and runs `openssl verify -CAfile root -untrusted intermediates leaf`.
    static func openSSLVerify(_ chain: [Certificate], at time: Date? = nil) throws -> String {
        let work = try OpenSSL.workDirectory()
        func write(_ certificates: ArraySlice<Certificate>, _ name: String) throws -> String {
            let file = work.appendingPathComponent(name)
            try certificates.map { try $0.serializeAsPEM().pemString + "\n" }.joined().write(to: file, atomically: true, encoding: .utf8)
            return file.path
        }
        let leaf = try write(chain.prefix(1), "leaf.pem")
        var arguments = ["verify", "-CAfile", try write(chain.suffix(1), "root.pem")]
        if chain.count > 2 { arguments += ["-untrusted", try write(chain.dropFirst().dropLast(), "intermediates.pem")] }
        if let time { arguments += ["-attime", String(Int(time.timeIntervalSince1970))] }
        return try OpenSSL.run(arguments + [leaf])
    }

    /// `openssl x509 -text` of a certificate.
    static func openSSLText(_ certificate: Certificate) throws -> String {
        let file = try OpenSSL.workDirectory().appendingPathComponent("cert.pem")
        try certificate.serializeAsPEM().pemString.write(to: file, atomically: true, encoding: .utf8)
        return try OpenSSL.run(["x509", "-in", file.path, "-noout", "-text"])
    }
}
