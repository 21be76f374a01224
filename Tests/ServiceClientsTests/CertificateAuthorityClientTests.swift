import Foundation
import ServiceClients
import SigstoreCrypto
import SigstoreTestSupport
import SwiftASN1
import Testing
import X509

/// The CA client against the dev stack's real CA (Fulcio v2 API) on loopback.
@Suite("CertificateAuthorityClient", .serialized)
struct CertificateAuthorityClientTests {
    static let email = "carol@example.test"

    @Test("a signed challenge gets a chain whose leaf certifies the key sent")
    func publicKeyRequest() async throws {
        try await DevServer.run { server in
            let key = try PrivateKey.generate(.ecdsaP256)
            let token = try await server.token(email: Self.email)
            let proof = try key.signature(for: Array(Self.email.utf8))
            let chain = try await CertificateAuthorityClient(baseURL: server.baseURL)
                .signingCertificate(for: .publicKey(key.publicKey, proofOfPossession: proof), identityToken: token)
            #expect(chain.count >= 2)
            let leaf = try #require(chain.first)
            #expect(try PublicKey(leaf.publicKey) == key.publicKey)
            let san = try #require(try leaf.extensions.subjectAlternativeNames)
            #expect(san.contains(.rfc822Name(Self.email)))
        }
    }

    @Test("a CSR gets a certificate for its key")
    func certificateSigningRequest() async throws {
        try await DevServer.run { server in
            let key = try PrivateKey.generate(.ecdsaP256)
            let csr = try CertificateSigningRequest(
                version: .v1, subject: DistinguishedName(), privateKey: key.certificatePrivateKey,
                attributes: CertificateSigningRequest.Attributes(), signatureAlgorithm: .ecdsaWithSHA256)
            let pem = try csr.serializeAsPEM().pemString
            let chain = try await CertificateAuthorityClient(baseURL: server.baseURL + "/")
                .signingCertificate(for: .certificateSigningRequest(pem: pem), identityToken: try await server.token(email: Self.email))
            #expect(try PublicKey(#require(chain.first).publicKey) == key.publicKey)
        }
    }

    @Test("a wrong proof of possession and a garbage token are refused with the CA's own message")
    func refusals() async throws {
        try await DevServer.run { server in
            let key = try PrivateKey.generate(.ecdsaP256)
            let client = CertificateAuthorityClient(baseURL: server.baseURL)
            let wrongProof = try key.signature(for: Array("mallory@example.test".utf8))
            let token = try await server.token(email: Self.email)
            let badProof = await #expect(throws: ServiceClientError.self) {
                _ = try await client.signingCertificate(for: .publicKey(key.publicKey, proofOfPossession: wrongProof), identityToken: token)
            }
            #expect(badProof?.code == .rejected)
            #expect(badProof?.status == 400)
            #expect(badProof?.message.contains("HTTP 400") == true)

            let proof = try key.signature(for: Array(Self.email.utf8))
            let badToken = await #expect(throws: ServiceClientError.self) {
                _ = try await client.signingCertificate(for: .publicKey(key.publicKey, proofOfPossession: proof), identityToken: "not.a.token")
            }
            #expect(badToken?.code == .rejected)
            #expect(badToken.map { (400..<500).contains($0.status ?? 0) } == true)
        }
    }

    @Test("a CA nobody runs is unreachable")
    func unreachable() async throws {
        let port = try DevServer.freePort()
        let key = try PrivateKey.generate(.ecdsaP256)
        let error = await #expect(throws: ServiceClientError.self) {
            _ = try await CertificateAuthorityClient(baseURL: "http://127.0.0.1:\(port)")
                .signingCertificate(for: .publicKey(key.publicKey, proofOfPossession: [1]), identityToken: "t")
        }
        #expect(error?.code == .unreachable)
        #expect(error?.status == nil)
    }
}
