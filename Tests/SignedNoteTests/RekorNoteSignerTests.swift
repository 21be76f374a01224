import SignedNote
import SigstoreCrypto
import Testing

@Suite struct RekorNoteSignerTests {
    static let body = "rekor.example - 42\n7\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n"

    /// sigstore/rekor-tiles `pkg/note/note_test.go` TestKeyHash, from the signing side.
    @Test(arguments: [
        ("rekor-tiles-testkey-ed25519.pem", UInt32(3_839_787_747)),
        ("rekor-tiles-testkey-ecdsa-p256.pem", UInt32(2_408_765_216)),
        ("rekor-tiles-testkey-rsa-2048.pem", UInt32(2_918_460_683)),
    ])
    func rekorTilesTestKeysSignWithThePublishedHint(file: String, hint: UInt32) async throws {
        let key = try PrivateKey(pemEncoded: try Fixture.text(file))
        let signer = try RekorNoteSigner(name: "testkey", signer: key, flavour: .v2)
        #expect(signer.keyHint == hint)
        let note = try await Note.signing(body: "testkey\n1\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n", with: [signer])
        #expect(try note.verify(with: [signer.verifier]).count == 1)
    }

    static let algorithms: [KeyAlgorithm] = [.ecdsaP256, .ecdsaP384, .ecdsaP521, .ed25519, .rsa(bits: 2048)]

    @Test(arguments: algorithms)
    func v2CheckpointsRoundTripForEveryKeyType(algorithm: KeyAlgorithm) async throws {
        let key = try PrivateKey.generate(algorithm)
        let signer = try RekorNoteSigner(name: "rekor.example", signer: key, flavour: .v2)
        let note = try await Note.signing(body: Self.body, with: [signer])
        let verifier = try RekorNoteVerifier(name: "rekor.example", publicKey: key.publicKey, flavour: .v2)
        #expect(try note.verify(with: [verifier]).count == 1)
        #expect(verifier.logID == signer.logID)
    }

    @Test(arguments: [KeyAlgorithm.ecdsaP256, .ed25519, .rsa(bits: 2048)])
    func v1CheckpointsRoundTripInStrictMode(algorithm: KeyAlgorithm) async throws {
        let key = try PrivateKey.generate(algorithm)
        let signer = try RekorNoteSigner(name: "rekor.example", signer: key, flavour: .v1)
        #expect(signer.logID.bytes == key.publicKey.keyID)
        let note = try await Note.signing(body: Self.body, with: [signer])
        #expect(try note.verify(with: [signer.verifier], policy: .everyLineByKnownKey).count == 1)
    }

    @Test(arguments: [KeyAlgorithm.ecdsaP384, .ecdsaP521])
    func v1RefusesKeysThatDoNotSignOverSHA256(algorithm: KeyAlgorithm) throws {
        let key = try PrivateKey.generate(algorithm)
        let error = #expect(throws: NoteError.self) { try RekorNoteSigner(name: "rekor.example", signer: key, flavour: .v1) }
        #expect(error?.code == .unsupportedKey)
    }

    @Test func p384SignaturesUseSHA384OnV2AndSHA256OnV1() throws {
        let key = try PrivateKey.generate(.ecdsaP384)
        let message = Array(Self.body.utf8)
        let overSHA256 = try key.signature(forDigest: HashAlgorithm.sha256.hash(message), hash: .sha256)
        let overSHA384 = try key.signature(for: message)
        let v1 = try RekorNoteVerifier(name: "rekor.example", publicKey: key.publicKey, flavour: .v1)
        let v2 = try RekorNoteVerifier(name: "rekor.example", publicKey: key.publicKey, flavour: .v2)
        #expect(v1.isValidSignature(overSHA256, for: message))
        #expect(!v1.isValidSignature(overSHA384, for: message))
        #expect(v2.isValidSignature(overSHA384, for: message))
        #expect(!v2.isValidSignature(overSHA256, for: message))
    }
}
