import Foundation
@testable import OIDC
import Testing

/// The signature layer against the published JWS examples of RFC 7515 and RFC 8037.
@Suite struct VerificationKeyTests {
    struct Vector: Decodable, Sendable {
        var algorithm: String
        var jwk: JSONWebKey
        var jws: String
    }

    static let vectors = (try? Fixture.decode([String: Vector].self, from: "jws-vectors")) ?? [:]

    @Test func loadsTheVectors() {
        #expect(Self.vectors.keys.sorted() == ["rfc7515-a2-rs256", "rfc7515-a3-es256", "rfc8037-a4-eddsa"])
    }

    @Test(arguments: ["rfc7515-a2-rs256", "rfc7515-a3-es256", "rfc8037-a4-eddsa"])
    func verifiesThePublishedSignature(_ name: String) async throws {
        let vector = try #require(Self.vectors[name])
        let algorithm = try #require(JWSAlgorithm(rawValue: vector.algorithm))
        let key = try #require(await VerificationKey.make(from: vector.jwk, permitted: Set(JWSAlgorithm.allCases)))
        let (input, signature) = Self.split(vector.jws)
        #expect(key.verifies(signature, of: input, with: algorithm))

        var tamperedInput = input
        tamperedInput[tamperedInput.count - 1] ^= 0x01
        #expect(!key.verifies(signature, of: tamperedInput, with: algorithm))
        var tamperedSignature = signature
        tamperedSignature[0] ^= 0x80
        #expect(!key.verifies(tamperedSignature, of: input, with: algorithm))
    }

    /// The RSA key also verifies PS256…, but a PKCS#1 v1.5 signature must not pass as PSS or
    /// with another hash.
    @Test(arguments: [JWSAlgorithm.rs384, .rs512, .ps256, .ps384, .ps512])
    func doesNotAcceptTheRS256SignatureUnderAnotherAlgorithm(_ algorithm: JWSAlgorithm) async throws {
        let vector = try #require(Self.vectors["rfc7515-a2-rs256"])
        let key = try #require(await VerificationKey.make(from: vector.jwk, permitted: Set(JWSAlgorithm.allCases)))
        let (input, signature) = Self.split(vector.jws)
        #expect(key.verifiers[algorithm] != nil)
        #expect(!key.verifies(signature, of: input, with: algorithm))
    }

    @Test func respectsTheAlgorithmAndUseTheKeyIsRestrictedTo() async throws {
        var jwk = try #require(Self.vectors["rfc7515-a2-rs256"]).jwk
        jwk.algorithm = "PS256"
        let restricted = try #require(await VerificationKey.make(from: jwk, permitted: Set(JWSAlgorithm.allCases)))
        #expect(Array(restricted.verifiers.keys) == [.ps256])

        jwk.algorithm = "RSA-OAEP"
        #expect(await VerificationKey.make(from: jwk, permitted: Set(JWSAlgorithm.allCases)) == nil)

        jwk.algorithm = nil
        jwk.use = "enc"
        #expect(await VerificationKey.make(from: jwk, permitted: Set(JWSAlgorithm.allCases)) == nil)
    }

    @Test func usesOnlyAlgorithmsTheIssuerPermits() async throws {
        let jwk = try #require(Self.vectors["rfc7515-a3-es256"]).jwk
        #expect(await VerificationKey.make(from: jwk, permitted: [.rs256]) == nil)
        var wrongCurve = jwk
        wrongCurve.curve = "P-384"
        #expect(await VerificationKey.make(from: wrongCurve, permitted: Set(JWSAlgorithm.allCases)) == nil)
    }

    @Test func advertisedAlgorithmsDefaultToRS256AndNeverIncludeNone() {
        let bare = OpenIDProviderMetadata(issuer: "https://i.example", jwksURI: "https://i.example/keys")
        #expect(JWSAlgorithm.advertised(by: bare) == [.rs256])
        var listed = bare
        listed.idTokenSigningAlgValuesSupported = ["none", "HS256", "ES256", "PS256"]
        #expect(JWSAlgorithm.advertised(by: listed) == [.es256, .ps256])
    }

    private static func split(_ jws: String) -> (input: [UInt8], signature: [UInt8]) {
        let lastDot = jws.lastIndex(of: ".")!
        return (Array(jws[..<lastDot].utf8), Base64URL.decode(jws[jws.index(after: lastDot)...])!)
    }
}

extension VerificationKey: Equatable {
    static func == (lhs: VerificationKey, rhs: VerificationKey) -> Bool {
        lhs.keyID == rhs.keyID && Set(lhs.verifiers.keys) == Set(rhs.verifiers.keys)
    }
}
