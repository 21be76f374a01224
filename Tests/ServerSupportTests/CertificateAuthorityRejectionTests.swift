import CAService
import DevIdentityProvider
import Foundation
import Hummingbird
import HummingbirdTesting
import OIDC
@testable import ServerSupport
import SigstoreCrypto
import SwiftASN1
import SigstoreTestSupport
import Testing
import X509

/// Every refusal is a 4xx in grpc-gateway's shape, and nothing reaches the CT log.
@Suite struct CertificateAuthorityRejectionTests {
    /// Posts `body` and checks the refusal: status, `{"code":<gRPC>,"message":…,"details":[]}`,
    /// a message containing `reason`, and no precertificate sent to the log.
    static func expectRefusal(
        _ stack: CertificateAuthorityTestStack, body: String, token: String?, path: String = "/api/v2/signingCert",
        status: HTTPResponse.Status = .badRequest, grpcCode: Int = 3, reason: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let response = try await stack.post(path, body: body, token: token)
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.headers[.contentType] == "application/json", sourceLocation: sourceLocation)
        let object = try JSONSerialization.jsonObject(with: Data(Array(buffer: response.body))) as? [String: Any]
        #expect(object?["code"] as? Int == grpcCode, sourceLocation: sourceLocation)
        #expect((object?["details"] as? [Any])?.isEmpty == true, sourceLocation: sourceLocation)
        let message = object?["message"] as? String ?? ""
        #expect(message.contains(reason), "\(message)", sourceLocation: sourceLocation)
        #expect(stack.log?.submissions == 0, sourceLocation: sourceLocation)
    }

    static func validClaims(_ stack: CertificateAuthorityTestStack, now: Date = Date()) -> [String: JSONValue] {
        let seconds = Int64(now.timeIntervalSince1970)
        return [
            "iss": .string(stack.issuer), "sub": "alice@signet.test", "aud": "sigstore", "iat": .integer(seconds), "exp": .integer(seconds + 600),
            "email": "alice@signet.test", "email_verified": true,
        ]
    }

    static func encode(_ object: [String: JSONValue]) throws -> String {
        Base64URL.encode(try JSONEncoder().encode(object))
    }

    /// Tokens the CA must refuse, each minted so that exactly one thing is wrong with it.
    @Test func refusesBadTokens() async throws {
        try await CertificateAuthorityTestStack.run { stack in
            let body = try CertificateAuthorityTestStack.csrBody(for: try PrivateKey.generate(.ecdsaP256))
            let hourAgo = try DevIdentityProvider(issuer: stack.issuer, signingKey: stack.issuerKey, clock: { Date().addingTimeInterval(-3600) })
            let hourAhead = try DevIdentityProvider(issuer: stack.issuer, signingKey: stack.issuerKey, clock: { Date().addingTimeInterval(3600) })
            let unknownIssuer = try DevIdentityProvider(issuer: "https://issuer.evil.example/oidc", signingKey: stack.issuerKey)
            // Another issuer with its own key, minting tokens that claim to be from ours.
            let otherIssuer = try DevIdentityProvider(issuer: stack.issuer, signingKey: try PrivateKey.generate(.ecdsaP256))
            let good = try await stack.token()
            let parts = good.split(separator: ".").map(String.init)
            var signature = try #require(Base64URL.decode(parts[2]))
            signature[signature.count / 2] ^= 0x01
            let none = try Self.encode(["alg": "none", "typ": "JWT"]) + "." + (try Self.encode(Self.validClaims(stack))) + "."

            let cases: [(String, String?, String)] = [
                ("expired", try await hourAgo.mint(subject: "alice@signet.test", email: "alice@signet.test"), "expired"),
                ("not yet valid", try await hourAhead.mint(subject: "alice@signet.test", email: "alice@signet.test"), "not valid before"),
                ("wrong audience", try await stack.provider.mint(subject: "alice@signet.test", email: "alice@signet.test", audience: "not-sigstore"), "audience"),
                ("unknown issuer", try await unknownIssuer.mint(subject: "alice@signet.test", email: "alice@signet.test"), "not accepted"),
                ("alg none", none, "none"),
                ("bad signature", parts[0] + "." + parts[1] + "." + Base64URL.encode(signature), "signature"),
                ("replayed from another issuer", try await otherIssuer.mint(subject: "alice@signet.test", email: "alice@signet.test"), "key"),
                ("unverified email", try await stack.provider.mint(subject: "alice", email: "alice@signet.test", extraClaims: ["email_verified": false]), "not verified"),
                ("not a JWT", "hello", "refused"),
                ("missing", nil, "no identity token"),
            ]
            for (_, token, reason) in cases {
                try await Self.expectRefusal(stack, body: body, token: token, reason: reason)
            }
            // The same checks guard the legacy API.
            try await Self.expectRefusal(stack, body: body, token: cases[0].1, path: "/api/v1/signingCert", reason: "expired")
        }
    }

    @Test func refusesKeysWithoutAValidProof() async throws {
        try await CertificateAuthorityTestStack.run { stack in
            let token = try await stack.token()
            // A CSR whose signature does not verify: the last bit of the signature flipped.
            let key = try PrivateKey.generate(.ecdsaP256)
            let csr = try CertificateSigningRequest(
                version: .v1, subject: DistinguishedName(), privateKey: key.certificatePrivateKey,
                attributes: .init(), signatureAlgorithm: .ecdsaWithSHA256
            )
            var der = try csr.serializeAsPEM().derBytes
            der[der.count - 1] ^= 0x01
            let tampered = PEMDocument(type: "CERTIFICATE REQUEST", derBytes: der).pemString
            try await Self.expectRefusal(stack, body: #"{"certificateSigningRequest":"\#(Data(tampered.utf8).base64EncodedString())"}"#, token: token, reason: "signature")

            // A proof of possession over another identity's challenge.
            let wrongProof = Data(try key.signature(for: Array("mallory@signet.test".utf8))).base64EncodedString()
            let pem = key.publicKey.pemRepresentation.replacingOccurrences(of: "\n", with: "\\n")
            let keyBody = #"{"publicKeyRequest":{"publicKey":{"content":"\#(pem)"},"proofOfPossession":"\#(wrongProof)"}}"#
            try await Self.expectRefusal(stack, body: keyBody, token: token, reason: "proof of possession")
        }
    }

    /// P-192, secp256k1 and RSA-1024 keys made by OpenSSL, in CSRs.
    @Test func refusesUnsupportedKeyTypes() async throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("signet-ca-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        var csrs: [String] = []
        for (name, options) in [("p192", ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:prime192v1"]),
                                ("secp256k1", ["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1"]),
                                ("rsa1024", ["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024"])] {
            let key = work.appendingPathComponent("\(name).key").path
            let csr = work.appendingPathComponent("\(name).csr").path
            try OpenSSL.run(["genpkey"] + options + ["-out", key])
            try OpenSSL.run(["req", "-new", "-key", key, "-subj", "/CN=x", "-out", csr])
            csrs.append(try String(contentsOfFile: csr, encoding: .utf8))
        }
        let pems = csrs
        try await CertificateAuthorityTestStack.run { stack in
            let token = try await stack.token()
            for csr in pems {
                try await Self.expectRefusal(stack, body: #"{"certificateSigningRequest":"\#(Data(csr.utf8).base64EncodedString())"}"#, token: token, reason: "unsupported public key")
            }
        }
    }

    @Test func refusesMalformedRequests() async throws {
        try await CertificateAuthorityTestStack.run { stack in
            let token = try await stack.token()
            let csr = try CertificateAuthorityTestStack.csrBody(for: try PrivateKey.generate(.ecdsaP256))
            let csrValue = String(csr.dropFirst(#"{"certificateSigningRequest":"#.count).dropLast())
            let cases: [(String, String)] = [
                ("{not json", "not JSON"),
                ("{}", "neither"),
                (#"{"certificateSigningRequest":\#(csrValue),"publicKeyRequest":{"publicKey":{"content":"x"},"proofOfPossession":"AQ=="}}"#, "not both"),
                (#"{"certificateSigningRequest":\#(csrValue),"unexpected":true}"#, "unknown field"),
            ]
            for (body, reason) in cases {
                try await Self.expectRefusal(stack, body: body, token: token, reason: reason)
            }
            let oversized = #"{"certificateSigningRequest":""# + String(repeating: "A", count: ServerLimits.maxSigningCertificateRequestBody) + #""}"#
            try await Self.expectRefusal(stack, body: oversized, token: token, status: .contentTooLarge, grpcCode: 8, reason: "exceeds the limit")
        }
    }
}
