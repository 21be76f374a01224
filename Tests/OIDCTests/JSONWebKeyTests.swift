import Foundation
import OIDC
import SigstoreCrypto
import Testing

@Suite struct JSONWebKeyTests {
    struct ThumbprintVector: Decodable, Sendable, CustomTestStringConvertible {
        var source: String
        var jwk: JSONWebKey
        var thumbprint: String
        var testDescription: String { source }
    }

    static let thumbprintVectors = (try? Fixture.decode([ThumbprintVector].self, from: "jwk-thumbprints")) ?? []

    @Test func loadsTheThumbprintVectors() {
        #expect(Self.thumbprintVectors.count == 2)
    }

    @Test(arguments: thumbprintVectors)
    func computesRFC7638Thumbprints(_ vector: ThumbprintVector) {
        #expect(vector.jwk.thumbprint == vector.thumbprint)
    }

    /// RFC 7515 A.3's public key, rebuilt from its JWK coordinates as a SubjectPublicKeyInfo,
    /// must come back out as the same coordinates.
    @Test func exportsP256KeysAsTheirJWKCoordinates() throws {
        let x = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"
        let y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"
        let prefix: [UInt8] = [
            0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D,
            0x03, 0x01, 0x07, 0x03, 0x42, 0x00, 0x04,
        ]
        let key = try PublicKey(derEncoded: prefix + Base64URL.decode(x)! + Base64URL.decode(y)!)
        let jwk = try JSONWebKey(publicKey: key, keyID: "rfc7515-a3")
        #expect(jwk.keyType == "EC")
        #expect(jwk.curve == "P-256")
        #expect(jwk.x == x)
        #expect(jwk.y == y)
        #expect(jwk.algorithm == "ES256")
        #expect(jwk.use == "sig")
        #expect(jwk.keyID == "rfc7515-a3")
    }

    @Test func exportsEd25519KeysWithTheRFC8037Thumbprint() throws {
        let key = try PublicKey(rawEd25519: Base64URL.decode("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo")!)
        let jwk = try JSONWebKey(publicKey: key)
        #expect(jwk.keyType == "OKP")
        #expect(jwk.algorithm == "EdDSA")
        #expect(jwk.keyID == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k")
    }

    @Test func exportsRSAKeysAsModulusAndExponent() throws {
        let key = try PrivateKey.generate(.rsa(bits: 2048)).publicKey
        let jwk = try JSONWebKey(publicKey: key)
        #expect(jwk.keyType == "RSA")
        #expect(jwk.exponent == "AQAB")
        #expect(Base64URL.decode(jwk.modulus ?? "")?.count == 256)
        #expect(jwk.algorithm == "RS256")
    }

    @Test func refusesP521Keys() throws {
        let key = try PrivateKey.generate(.ecdsaP521).publicKey
        #expect { try JSONWebKey(publicKey: key) } throws: { ($0 as? OIDCError)?.code == .invalidConfiguration }
    }

    @Test func notesPrivateMembersAndKeepsUnknownKeyTypes() throws {
        let json = #"{"keys":[{"kty":"oct","k":"c2VjcmV0"},{"kty":"EC","crv":"P-256","x":"AA","y":"AA","d":"AA","use":"sig"}]}"#
        let set = try JSONDecoder().decode(JSONWebKeySet.self, from: Data(json.utf8))
        #expect(set.keys.map(\.keyType) == ["oct", "EC"])
        #expect(set.keys.allSatisfy { $0.hasPrivateMembers })
        let reencoded = String(decoding: try JSONEncoder().encode(set), as: UTF8.self)
        #expect(!reencoded.contains("\"d\"") && !reencoded.contains("\"k\""))
    }
}
