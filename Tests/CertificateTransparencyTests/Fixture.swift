import CertificateTransparency
import Foundation
import SigstoreCrypto
import SwiftASN1
import X509

/// Reads files from the test target's `Fixtures/` resource folder (see `Fixtures/README.md`).
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        var name: String
        var description: String { "missing fixture Fixtures/\(name)" }
    }

    static func url(_ name: String) throws -> URL {
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        let ext = dot == name.endIndex ? nil : String(name[name.index(after: dot)...])
        guard let url = Bundle.module.url(forResource: String(name[..<dot]), withExtension: ext, subdirectory: "Fixtures") else {
            throw Missing(name: name)
        }
        return url
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(name)))
    }

    /// The DER of a one-certificate PEM file.
    static func der(_ name: String) throws -> [UInt8] {
        try PEMDocument(pemString: String(decoding: bytes(name), as: UTF8.self)).derBytes
    }

    /// The TBSCertificate bytes of a PEM certificate, cut from its DER without any decoding.
    static func tbs(_ name: String) throws -> ArraySlice<UInt8> {
        guard case .constructed(let fields) = try DER.parse(der(name)).content, let tbs = fields.first(where: { _ in true }) else {
            throw Missing(name: "\(name) TBSCertificate")
        }
        return tbs.encodedBytes
    }

    static func certificate(_ name: String) throws -> Certificate {
        try Certificate(derEncoded: der(name))
    }

    /// A hex string from `ct-vectors.json`.
    static func vector(_ key: String) throws -> [UInt8] {
        let vectors = try JSONDecoder().decode([String: String].self, from: Data(bytes("ct-vectors.json")))
        guard let value = vectors[key] else { throw Missing(name: "ct-vectors.json#\(key)") }
        return [UInt8](hex: value)
    }

    /// A base64 string from `ct-vectors.json`.
    static func base64Vector(_ key: String) throws -> [UInt8] {
        let vectors = try JSONDecoder().decode([String: String].self, from: Data(bytes("ct-vectors.json")))
        guard let value = vectors[key], let data = Data(base64Encoded: value) else { throw Missing(name: "ct-vectors.json#\(key)") }
        return Array(data)
    }

    /// The classic RFC 6962 test log (certificate-transparency `ct-server-key-public.pem`).
    static func testLog() throws -> TrustedCTLog {
        try TrustedCTLog(publicKey: PublicKey(pemEncoded: String(decoding: bytes("ct-test-log-key.pem"), as: UTF8.self)))
    }
}

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

extension Array where Element == UInt8 {
    init(hex: String) {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        self = bytes
    }

    var hex: String { map { String(format: "%02x", $0) }.joined() }

    /// A copy with one bit flipped, for tamper tests.
    func flippingBit(at index: Int) -> [UInt8] {
        var copy = self
        copy[index] ^= 0x01
        return copy
    }
}
