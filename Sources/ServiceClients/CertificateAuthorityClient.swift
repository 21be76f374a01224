import Foundation
public import SigstoreCrypto
import SwiftASN1
public import X509

/// A Fulcio-compatible CA, v2 API: `POST {base}/api/v2/signingCert` (interop contract §2.1).
///
/// The identity token travels only in `Authorization: Bearer`, as sigstore-go and
/// sigstore-python send it. The answer must be `signedCertificateEmbeddedSct` (or, for the
/// caller to refuse later, the detached form) with the chain leaf first.
public struct CertificateAuthorityClient: Sendable {
    /// What proves the caller holds the private key of the certificate to issue.
    public enum KeyProof: Sendable {
        /// A PKCS#10 CSR, PEM; its self-signature is the proof.
        case certificateSigningRequest(pem: String)
        /// The public key with a signature over the challenge (the token's `email`, else `sub`).
        case publicKey(PublicKey, proofOfPossession: [UInt8])
    }

    /// The CA's base URL from the signing configuration (`caUrls[].url`).
    public let baseURL: String
    private let http: ServiceHTTPClient

    public init(baseURL: String, http: ServiceHTTPClient = ServiceHTTPClient()) {
        self.baseURL = baseURL
        self.http = http
    }

    /// Asks for a code-signing certificate for the key in `proof`, bound to `identityToken`.
    ///
    /// - Returns: The chain the CA sent, leaf first.
    /// - Throws: ``ServiceClientError`` `.rejected` with the CA's message for a refusal (bad token,
    ///   bad proof), `.malformedResponse` for anything but a PEM chain, `.unreachable`.
    public func signingCertificate(for proof: KeyProof, identityToken: String) async throws -> [Certificate] {
        let url = ServiceURL.join(baseURL, "/api/v2/signingCert")
        let response = try await http.postJSON(url, body: try Self.requestBody(proof), headers: [
            ("Authorization", "Bearer \(identityToken)"), ("Accept", "application/json"),
        ])
        try response.requireSuccess("the CA")
        return try Self.chain(from: response.body, url: url)
    }

    static func requestBody(_ proof: KeyProof) throws -> [UInt8] {
        let object: [String: Any]
        switch proof {
        case .certificateSigningRequest(let pem):
            object = ["certificateSigningRequest": Data(pem.utf8).base64EncodedString()]
        case .publicKey(let key, let signature):
            object = ["publicKeyRequest": [
                "publicKey": ["algorithm": algorithmName(key.algorithm), "content": key.pemRepresentation],
                "proofOfPossession": Data(signature).base64EncodedString(),
            ]]
        }
        return Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    /// The proto enum name Fulcio uses for the key type (advisory; the CA reads the key itself).
    static func algorithmName(_ algorithm: KeyAlgorithm) -> String {
        switch algorithm {
        case .ecdsaP256, .ecdsaP384, .ecdsaP521: "ECDSA"
        case .ed25519: "ED25519"
        case .rsa: "RSA_PSS"
        }
    }

    static func chain(from body: [UInt8], url: String) throws -> [Certificate] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            throw ServiceClientError(.malformedResponse, "the CA at \(url) did not answer with a JSON SigningCertificate")
        }
        let signed = (object["signedCertificateEmbeddedSct"] ?? object["signed_certificate_embedded_sct"]
            ?? object["signedCertificateDetachedSct"] ?? object["signed_certificate_detached_sct"]) as? [String: Any]
        guard let chain = signed?["chain"] as? [String: Any], let pems = chain["certificates"] as? [String], !pems.isEmpty else {
            throw ServiceClientError(.malformedResponse, "the CA at \(url) answered without a certificate chain")
        }
        do {
            return try pems.map { try Certificate(pemEncoded: $0) }
        } catch {
            throw ServiceClientError(.malformedResponse, "the CA at \(url) sent a certificate that does not parse: \(error)")
        }
    }
}
