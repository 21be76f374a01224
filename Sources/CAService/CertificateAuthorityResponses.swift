import Foundation
import SwiftASN1
import X509

/// The CA's response bodies (interop contract §2.1, §2.2), in protobuf JSON as grpc-gateway
/// writes them: lowerCamelCase names, unset fields left out.
enum CertificateAuthorityResponses {
    private struct Chain: Encodable {
        var certificates: [String]
    }

    private struct EmbeddedSCT: Encodable {
        var chain: Chain
    }

    private struct SigningCertificate: Encodable {
        var signedCertificateEmbeddedSct: EmbeddedSCT
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

    static func signingCertificate(_ chain: [Certificate]) throws -> [UInt8] {
        try encode(SigningCertificate(signedCertificateEmbeddedSct: EmbeddedSCT(chain: Chain(certificates: pem(chain)))))
    }

    static func trustBundle(_ chain: [Certificate]) throws -> [UInt8] {
        try encode(TrustBundle(chains: [Chain(certificates: pem(chain))]))
    }

    /// PEM blocks joined by newlines, with no trailing newline (Fulcio's legacy form).
    static func pemChain(_ chain: [Certificate]) throws -> String {
        try pem(chain).joined().trimmingCharacters(in: .whitespacesAndNewlines)
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

    private static func pem(_ chain: [Certificate]) throws -> [String] {
        try chain.map { try $0.serializeAsPEM().pemString + "\n" }
    }

    private static func encode(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }
}
