import Foundation
import SwiftASN1
import X509

/// The CA's response bodies (interop contract §2.1, §2.2), in protobuf JSON as grpc-gateway
/// writes them: lowerCamelCase names, unset fields left out.
enum CertificateAuthorityResponses {
    private struct Chain: Encodable {
        var certificates: [String]
    }

    private struct TrustBundle: Encodable {
        var chains: [Chain]
    }

    private struct Issuer: Encodable {
        var issuerUrl: String?
        var wildcardIssuerUrl: String?
        var audience: String
        var challengeClaim: String
        var issuerType: String
        var spiffeTrustDomain: String?
        var subjectDomain: String?
        var skipEmailVerification: Bool?
    }

    private struct Configuration: Encodable {
        var issuers: [Issuer]
    }

    /// `{"signedCertificateEmbeddedSct":{"chain":{"certificates":[leaf, chain…]}}}`, written
    /// directly: the one body on the issuance path, where JSONEncoder's generic machinery showed
    /// in profiles. PEM needs no escaping beyond its newlines.
    static func signingCertificate(leaf: Certificate, chainPEM: [String]) throws -> [UInt8] {
        let certificates = [try CertificateAuthorityKeys.pemBlock(leaf)] + chainPEM
        var json = Array(#"{"signedCertificateEmbeddedSct":{"chain":{"certificates":["#.utf8)
        for (index, pem) in certificates.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json.append(UInt8(ascii: "\""))
            for byte in pem.utf8 {
                if byte == UInt8(ascii: "\n") {
                    json.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                } else {
                    // Base64, dashes, spaces and letters only: nothing else to escape.
                    json.append(byte)
                }
            }
            json.append(UInt8(ascii: "\""))
        }
        json.append(contentsOf: Array("]}}}".utf8))
        return json
    }

    static func trustBundle(_ chainPEM: [String]) throws -> [UInt8] {
        try encode(TrustBundle(chains: [Chain(certificates: chainPEM)]))
    }

    /// PEM blocks joined by newlines, with no trailing newline (Fulcio's legacy form).
    static func pemChain(_ blocks: [String]) -> String {
        blocks.joined().trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func configuration(_ configuration: IssuerConfiguration) throws -> [UInt8] {
        func issuer(_ settings: IssuerSettings, wildcard: Bool) -> Issuer {
            Issuer(
                issuerUrl: wildcard ? nil : settings.issuerURL,
                wildcardIssuerUrl: wildcard ? settings.issuerURL : nil,
                audience: settings.clientID,
                challengeClaim: settings.effectiveChallengeClaim,
                issuerType: settings.type.rawValue,
                spiffeTrustDomain: settings.spiffeTrustDomain,
                subjectDomain: settings.subjectDomain,
                skipEmailVerification: settings.skipEmailVerification ? true : nil
            )
        }
        let exact = configuration.issuers.values.sorted { $0.issuerURL < $1.issuerURL }.map { issuer($0, wildcard: false) }
        let wildcards = configuration.metaIssuers.map { issuer($0, wildcard: true) }
        return try encode(Configuration(issuers: exact + wildcards))
    }

    private static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
