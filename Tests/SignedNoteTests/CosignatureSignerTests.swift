import Crypto
import SignedNote
import Testing

@Suite struct CosignatureSignerTests {
    @Test func aCosignatureCarriesItsTimestampAndVerifies() async throws {
        let checkpoint = try Note(parsing: try Fixture.text("c2sp-tlog-checkpoint-example.note"))
        let signer = try CosignatureSigner(name: "witness.example.com/w1", privateKey: Curve25519.Signing.PrivateKey(), timestamp: 1_679_315_147)
        var note = checkpoint
        try await note.sign(with: [signer])
        let line = try #require(note.signatures.last)
        #expect(line.signature.count == 72)
        #expect(Cosignature.timestamp(of: line.signature) == 1_679_315_147)
        #expect(try note.verify(with: [signer.verifier]) == [line])
        #expect(try CosignatureVerifier(verifierKey: signer.verifier.verifierKey).keyHint == signer.keyHint)
    }

    @Test func theGoSignerKeyCosignsUnderTheCosignatureHint() async throws {
        let signer = try CosignatureSigner(signerKey: Keys.peterSigner, timestamp: 1)
        let plain = try Ed25519NoteSigner(signerKey: Keys.peterSigner)
        #expect(signer.name == plain.name)
        #expect(signer.keyHint != plain.keyHint)
        // The cosignature key string carries type 0x04 and the same public key.
        let key = try NoteVerifierKey(parsing: signer.verifier.verifierKey)
        #expect(key.signatureType == 0x04)
        #expect(key.keyMaterial == Array(plain.verifier.publicKey.rawRepresentation))
    }

    @Test func timestampsAboveTheSignedRangeAreRefused() {
        #expect(throws: NoteError.self) {
            try CosignatureSigner(name: "w", privateKey: Curve25519.Signing.PrivateKey(), timestamp: UInt64(Int64.max) + 1)
        }
    }
}
