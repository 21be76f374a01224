public import Foundation
public import OIDC
public import X509

/// The Fulcio-compatible certificate authority (interop contract §2): turns a verified OIDC
/// identity and a key the caller proves it holds into a ten-minute code-signing certificate with
/// an embedded SCT.
///
/// HTTP-agnostic: ServerSupport routes bodies and headers here. Every refusal is a ``CAError``
/// thrown before anything is signed or sent to the CT log.
public struct CertificateAuthority: Sendable {
    /// Builds and signs certificates.
    public let certificateIssuer: CodeSigningCertificateIssuer
    /// The accepted issuers and their identity rules.
    public let issuers: IssuerConfiguration
    /// Verifies identity tokens against the issuers' keys.
    public let tokenVerifier: IdentityTokenVerifier
    private let clock: @Sendable () -> Date

    /// - Parameters:
    ///   - tokenVerifier: Should accept exactly ``IssuerConfiguration/allowedIssuers``; an issuer
    ///     it accepts but `issuers` lacks is still refused.
    ///   - clock: The issuance time of certificates.
    public init(
        certificateIssuer: CodeSigningCertificateIssuer,
        issuers: IssuerConfiguration,
        tokenVerifier: IdentityTokenVerifier,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.certificateIssuer = certificateIssuer
        self.issuers = issuers
        self.tokenVerifier = tokenVerifier
        self.clock = clock
    }

    /// Verifies the token, maps it to an identity, checks the proof of possession and issues.
    ///
    /// - Parameters:
    ///   - request: The parsed request.
    ///   - bearerToken: The `Authorization: Bearer` token, used when the body carries none.
    /// - Returns: `[leaf, issuing CA, …, root]`.
    public func issue(_ request: SigningCertificateRequest, bearerToken: String?) async throws -> [Certificate] {
        guard let token = request.identityToken ?? bearerToken, !token.isEmpty else {
            throw CAError(.invalidToken, "no identity token: send it as 'Authorization: Bearer <token>' or credentials.oidcIdentityToken")
        }
        let verified: VerifiedIdentityToken
        do {
            verified = try await tokenVerifier.verify(token)
        } catch {
            throw CAError(.invalidToken, "the identity token was refused: \(error.message)")
        }
        let identity = try issuers.identity(for: verified.claims.all)
        let publicKey = try request.keyMaterial.verifiedPublicKey(challenge: identity.challenge)
        return try await certificateIssuer.issue(for: publicKey, identity: identity.certificate, at: clock())
    }

    /// `POST /api/v2/signingCert`: a `CreateSigningCertificateRequest` in, a `SigningCertificate`
    /// with the embedded-SCT chain out (JSON).
    public func signingCertificate(jsonRequest body: [UInt8], bearerToken: String?) async throws -> [UInt8] {
        let chain = try await issue(SigningCertificateRequest(jsonEncoded: body), bearerToken: bearerToken)
        return try CertificateAuthorityResponses.signingCertificate(leaf: chain[0], chainPEM: certificateIssuer.keys.chainPEMBlocks)
    }

    /// `POST /api/v1/signingCert`: the legacy request in, the PEM chain out (leaf first).
    public func legacySigningCertificate(jsonRequest body: [UInt8], bearerToken: String?) async throws -> String {
        let chain = try await issue(SigningCertificateRequest(legacyJSONEncoded: body), bearerToken: bearerToken)
        return try CertificateAuthorityResponses.pemChain([CertificateAuthorityKeys.pemBlock(chain[0])] + certificateIssuer.keys.chainPEMBlocks)
    }

    /// `GET /api/v2/trustBundle`: `{"chains":[{"certificates":[intermediate…, root]}]}`.
    public func trustBundle() throws -> [UInt8] {
        try CertificateAuthorityResponses.trustBundle(certificateIssuer.keys.chainPEMBlocks)
    }

    /// `GET /api/v1/rootCert`: every trust-bundle certificate as PEM.
    public func rootCertificatesPEM() throws -> String {
        CertificateAuthorityResponses.pemChain(certificateIssuer.keys.chainPEMBlocks)
    }

    /// `GET /api/v2/configuration`: the accepted issuers.
    public func configuration() throws -> [UInt8] {
        try CertificateAuthorityResponses.configuration(issuers)
    }
}
