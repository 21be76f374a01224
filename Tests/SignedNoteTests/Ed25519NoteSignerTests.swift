import Crypto
import SignedNote
import Testing

@Suite struct Ed25519NoteSignerTests {
    @Test func theGoSignerKeyParsesAndFormatsBack() throws {
        let signer = try Ed25519NoteSigner(signerKey: Keys.peterSigner)
        #expect(signer.name == "PeterNeumann")
        #expect(signer.keyHint == 0xc74f_20a3)
        #expect(signer.signerKey == Keys.peterSigner)
        #expect(signer.verifier.verifierKey == Keys.peterVerifier)
    }

    @Test func signingTheGoTextReproducesThePublishedNote() async throws {
        let signer = try Ed25519NoteSigner(signerKey: Keys.peterSigner)
        let note = try await Note.signing(body: NoteTests.goText, with: [signer])
        #expect(try note.verify(with: [signer.verifier]).count == 1)
        #if !canImport(Darwin)
        // BoringSSL's Ed25519 is deterministic (RFC 8032), so the bytes match golang.org/x/mod
        // TestSign exactly; CryptoKit on Apple platforms randomises Ed25519 signatures.
        #expect(note.formatted == (try Fixture.text("go-note-peter.note")))
        #endif
    }

    @Test func reSigningReplacesTheKeysOldLine() async throws {
        // golang.org/x/mod TestSign: an existing signature by the same key is replaced.
        let signer = try Ed25519NoteSigner(signerKey: Keys.peterSigner)
        let stale = try NoteSignature(name: "PeterNeumann", keyHint: 0xc74f_20a3, signature: [1, 2, 3, 4, 5])
        let other = try NoteSignature(name: "EnochRoot", keyHint: 0xaf0c_fe78, signature: [6, 7, 8])
        var note = try Note(body: NoteTests.goText, signatures: [stale, other])
        try await note.sign(with: [signer])
        #expect(note.signatures.map(\.name) == ["EnochRoot", "PeterNeumann"])
        #expect(try note.verify(with: [signer.verifier]).count == 1)
    }

    @Test func signingNeedsASignerAndAValidBody() async throws {
        let signer = try Ed25519NoteSigner(signerKey: Keys.peterSigner)
        await #expect(throws: NoteError.self) { try await Note.signing(body: "abc", with: [signer]) }
        await #expect(throws: NoteError.self) { try await Note.signing(body: "abc\n", with: []) }
    }

    /// golang.org/x/mod TestNewSigner: every proper substring and single-byte change is rejected.
    @Test func everyManglingOfTheSignerKeyIsRejected() {
        let bytes = Array(Keys.peterSigner.utf8)
        var accepted = 0
        for start in 0..<bytes.count {
            for end in (start + 1)...bytes.count where start != 0 || end != bytes.count {
                if (try? Ed25519NoteSigner(signerKey: String(decoding: bytes[start..<end], as: UTF8.self))) != nil { accepted += 1 }
            }
        }
        for index in bytes.indices {
            var changed = bytes
            changed[index] &+= 1
            if (try? Ed25519NoteSigner(signerKey: String(decoding: changed, as: UTF8.self))) != nil { accepted += 1 }
        }
        #expect(accepted == 0)
    }

    @Test func aGeneratedKeyRoundTripsThroughItsStrings() async throws {
        let signer = try Ed25519NoteSigner(name: "EnochRoot", privateKey: Curve25519.Signing.PrivateKey())
        let parsed = try Ed25519NoteSigner(signerKey: signer.signerKey)
        let verifier = try Ed25519NoteVerifier(verifierKey: signer.verifier.verifierKey)
        #expect(parsed.keyHint == signer.keyHint)
        let note = try await Note.signing(body: "hi\n", with: [parsed])
        #expect(try note.verify(with: [verifier]).count == 1)
        #expect(throws: NoteError.self) { try Ed25519NoteSigner(name: "bad name", privateKey: Curve25519.Signing.PrivateKey()) }
    }
}
