import CertificateTransparency
import Foundation
import SigstoreCrypto
import SwiftASN1
import X509

/// The parts of a TrustedRoot these tests need: CT logs as ``TrustedCTLog`` and every CA certificate.
struct TrustRootFixture: Sendable {
    var logs: [TrustedCTLog]
    var certificates: [Certificate]

    private struct Document: Decodable {
        struct Log: Decodable {
            struct Key: Decodable {
                struct Validity: Decodable { var start: String?; var end: String? }
                var rawBytes: String
                var keyDetails: String
                var validFor: Validity?
            }
            struct LogID: Decodable { var keyId: String }
            var baseUrl: String
            var publicKey: Key
            var logId: LogID
        }
        struct Authority: Decodable {
            struct Chain: Decodable {
                struct Raw: Decodable { var rawBytes: String }
                var certificates: [Raw]
            }
            var certChain: Chain
        }
        var ctlogs: [Log]
        var certificateAuthorities: [Authority]
    }

    init(_ name: String) throws {
        let document = try JSONDecoder().decode(Document.self, from: Data(Fixture.bytes(name)))
        logs = try document.ctlogs.map { log in
            let raw = Data(base64Encoded: log.publicKey.rawBytes)!
            // Staging's first CT key is listed as `PKCS1_RSA_PKCS1V5` with PKCS#1 RSAPublicKey bytes.
            let key = log.publicKey.keyDetails.hasPrefix("PKCS1_") ? try PublicKey(pkcs1RSADER: raw) : try PublicKey(derEncoded: raw)
            return try TrustedCTLog(
                publicKey: key,
                logID: Array(Data(base64Encoded: log.logId.keyId)!),
                validFrom: log.publicKey.validFor?.start.map(Self.date),
                validUntil: log.publicKey.validFor?.end.map(Self.date),
                name: log.baseUrl
            )
        }
        certificates = try document.certificateAuthorities.flatMap(\.certChain.certificates).map {
            try Certificate(derEncoded: Array(Data(base64Encoded: $0.rawBytes)!))
        }
    }

    static let publicGood = Result { try TrustRootFixture("public-good-trusted-root.json") }
    static let staging = Result { try TrustRootFixture("staging-trusted-root.json") }

    /// The log with `name` as its base URL.
    func log(_ name: String) -> TrustedCTLog? {
        logs.first { $0.name == name }
    }

    /// The CA certificate whose subject key identifier is `leaf`'s authority key identifier.
    func issuer(of leaf: Certificate) throws -> Certificate {
        let wanted = try leaf.extensions.authorityKeyIdentifier?.keyIdentifier
        guard let issuer = try certificates.first(where: { try $0.extensions.subjectKeyIdentifier?.keyIdentifier == wanted }) else {
            throw Fixture.Missing(name: "issuer of \(leaf.subject)")
        }
        return issuer
    }

    private static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter.date(from: text)!
    }
}
