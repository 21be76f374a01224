public import Foundation

/// A certificate request, v2 (`CreateSigningCertificateRequest`) or v1 legacy, reduced to what
/// the CA acts on (interop contract §2.1, §2.2).
public struct SigningCertificateRequest: Sendable, Hashable {
    /// How the client proves it holds the key: exactly one of the two.
    public enum KeyMaterial: Sendable, Hashable {
        /// A PKCS#10 CSR (PEM or DER); only its key is used, its self-signature is the proof.
        case certificateSigningRequest([UInt8])
        /// A public key (PEM or DER SubjectPublicKeyInfo) with a signature over the challenge.
        case publicKey(content: [UInt8], proofOfPossession: [UInt8])
    }

    /// The token from the body (`credentials.oidcIdentityToken`), if any; the
    /// `Authorization: Bearer` header is used when absent.
    public var identityToken: String?
    /// The key and its proof of possession.
    public var keyMaterial: KeyMaterial

    public init(identityToken: String? = nil, keyMaterial: KeyMaterial) {
        self.identityToken = identityToken
        self.keyMaterial = keyMaterial
    }

    /// Parses a v2 `CreateSigningCertificateRequest` in protobuf JSON: lowerCamelCase or
    /// snake_case names, `bytes` as standard or URL-safe base64 with or without padding.
    ///
    /// - Throws: ``CAError/Code/invalidRequest`` for malformed JSON, unknown fields, or neither
    ///   or both of `certificateSigningRequest` and `publicKeyRequest`.
    public init(jsonEncoded json: some DataProtocol) throws {
        var request = try ProtoJSONObject(json, at: "request")
        var token: String?
        if var credentials = try request.object(["credentials"]) {
            token = try credentials.string(["oidcIdentityToken", "oidc_identity_token"])
            try credentials.finish()
        }
        let csr = try request.bytes(["certificateSigningRequest", "certificate_signing_request"])
        let publicKeyRequest = try request.object(["publicKeyRequest", "public_key_request"])
        try request.finish()
        if let csr {
            guard publicKeyRequest == nil else {
                throw CAError(.invalidRequest, "send either certificateSigningRequest or publicKeyRequest, not both")
            }
            keyMaterial = try Self.csr(csr)
        } else if var publicKeyRequest {
            var publicKey = try publicKeyRequest.object(["publicKey", "public_key"])
            let proof = try publicKeyRequest.bytes(["proofOfPossession", "proof_of_possession"])
            try publicKeyRequest.finish()
            guard let content = try publicKey?.string(["content"]), !content.isEmpty else {
                throw CAError(.invalidRequest, "publicKeyRequest.publicKey.content is missing")
            }
            // `algorithm` is advisory: the key's own encoding says what it is.
            _ = try publicKey?.enumeration(["algorithm"])
            try publicKey?.finish()
            guard let proof, !proof.isEmpty else {
                throw CAError(.invalidRequest, "publicKeyRequest.proofOfPossession is missing")
            }
            // `content` is a string: PEM text, or DER carried as base64.
            let isPEM = content.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("-----BEGIN")
            let key = isPEM ? Array(content.utf8) : (ProtoJSONObject.base64(content) ?? Array(content.utf8))
            keyMaterial = .publicKey(content: key, proofOfPossession: proof)
        } else {
            throw CAError(.invalidRequest, "the request has neither certificateSigningRequest nor publicKeyRequest")
        }
        identityToken = token.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Parses a v1 legacy request: `{"publicKey":{"content":"<b64 PEM or DER>","algorithm":"ecdsa"},
    /// "signedEmailAddress":"<b64>"}` or `{"certificateSigningRequest":"<b64>"}`. The token comes
    /// only from the `Authorization` header.
    public init(legacyJSONEncoded json: some DataProtocol) throws {
        var request = try ProtoJSONObject(json, at: "request")
        let csr = try request.bytes(["certificateSigningRequest", "certificate_signing_request"])
        let publicKey = try request.object(["publicKey", "public_key"])
        let proof = try request.bytes(["signedEmailAddress", "signed_email_address"])
        try request.finish()
        identityToken = nil
        if let csr {
            guard publicKey == nil, proof == nil else {
                throw CAError(.invalidRequest, "send either certificateSigningRequest or publicKey with signedEmailAddress, not both")
            }
            keyMaterial = try Self.csr(csr)
        } else if var publicKey {
            guard let content = try publicKey.bytes(["content"]), !content.isEmpty else {
                throw CAError(.invalidRequest, "publicKey.content is missing")
            }
            _ = try publicKey.string(["algorithm"])
            try publicKey.finish()
            guard let proof, !proof.isEmpty else { throw CAError(.invalidRequest, "signedEmailAddress is missing") }
            keyMaterial = .publicKey(content: content, proofOfPossession: proof)
        } else {
            throw CAError(.invalidRequest, "the request has neither certificateSigningRequest nor publicKey")
        }
    }

    private static func csr(_ bytes: [UInt8]) throws -> KeyMaterial {
        guard !bytes.isEmpty else { throw CAError(.invalidRequest, "certificateSigningRequest is empty") }
        return .certificateSigningRequest(bytes)
    }
}
