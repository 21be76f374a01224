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
