import Crypto
import Foundation
import ServiceClients
import SigstoreCrypto
import SigstoreModels
import SigstoreVerify
import SwiftASN1
import X509

/// The key that signs and how the bundle names it: a CA certificate (keyless) or a key hint.
struct SigningIdentity: Sendable {
    var key: PrivateKey
    var material: SigstoreBundle.VerificationMaterial.Content
    /// What the transparency log records as the verifier: PEM text for v1 entries…
    var verifierPEM: String
    /// …and the DER certificate or SPKI for v2 entries.
    var rekorV2Verifier: RekorV2.Verifier
    var isKeyless: Bool
}

extension Signer {
    func signingIdentity(for credential: SigningCredential, services: SelectedServices, at now: Date) async throws -> SigningIdentity {
        switch credential {
        case .privateKey(let key):
            let details = key.publicKey.defaultDetails
            guard details.hashAlgorithm != nil else {
                throw SigningError(.signingKey, "\(key.algorithm) keys cannot sign for a transparency log (it needs a prehashed signature); use an ECDSA or RSA key")
            }
            // cosign-style hint: base64 of the SHA-256 of the key's DER SubjectPublicKeyInfo.
            let hint = Data(SHA256.hash(data: key.publicKey.derRepresentation)).base64EncodedString()
            return SigningIdentity(
                key: key, material: .publicKey(.init(hint: hint)), verifierPEM: key.publicKey.pemRepresentation,
                rekorV2Verifier: RekorV2.Verifier(key: .publicKey(key.publicKey.derRepresentation), keyDetails: details.rawValue),
                isKeyless: false
            )
        case .identityToken(let token):
            let claims = try IdentityTokenClaims(token: token)
            try claims.check(at: now)
            guard let ca = services.certificateAuthority else {
                throw SigningError(.signingConfiguration, "keyless signing needs a certificate authority, and the signing configuration names none that is usable")
            }
            let key = try PrivateKey.generate(.ecdsaP256)
            let challenge = Array((claims.challenge ?? "").utf8)
            let proof = try key.signature(for: challenge)
            let chain: [Certificate]
            do {
                chain = try await CertificateAuthorityClient(baseURL: ca.url)
                    .signingCertificate(for: .publicKey(key.publicKey, proofOfPossession: proof), identityToken: token)
            } catch let error as ServiceClientError {
                throw SigningError(.service, error.message)
            }
            guard let leaf = chain.first, let certifiedKey = try? PublicKey(leaf.publicKey), certifiedKey == key.publicKey else {
                throw SigningError(.inconsistentResponse, "the CA at \(ca.url) certified another key than the one sent")
            }
            if let trustedRoot {
                try await CertificatePreflight.check(leaf, against: trustedRoot, caURL: ca.url)
            }
            // An email token must come back as that email: anything else is another identity.
            if let email = claims.email, !SigningCertificate(leaf).subjectAlternativeNames.contains(email) {
                throw SigningError(.inconsistentResponse, "the CA at \(ca.url) certified another identity than the token's email \(email)")
            }
            var serializer = DER.Serializer()
            try serializer.serialize(leaf)
            let der = serializer.serializedBytes
            return SigningIdentity(
                key: key, material: .certificate(X509Certificate(rawBytes: der)),
                verifierPEM: try leaf.serializeAsPEM().pemString + "\n",
                rekorV2Verifier: RekorV2.Verifier(key: .x509Certificate(der), keyDetails: key.publicKey.defaultDetails.rawValue),
                isKeyless: true
            )
        }
    }
}
