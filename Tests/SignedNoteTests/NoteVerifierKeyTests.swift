import SignedNote
import Testing

@Suite struct NoteVerifierKeyTests {
    @Test(arguments: [Keys.peterVerifier, Keys.enochVerifier, Keys.exampleFoo, Keys.plusInBase64, Keys.remoraWitness, Keys.arche2025h1, Keys.rekorECDSA, Keys.pixelECDSA])
    func publishedKeysParseAndFormatBack(text: String) throws {
        let key = try NoteVerifierKey(parsing: text)
        #expect(key.description == text)
        let verifier = try key.verifier()
        #expect(verifier.name == key.name)
        #expect(verifier.keyHint == key.keyHint)
    }

    @Test func theSignedNoteExampleKeyDecodesAsPublished() throws {
        let key = try NoteVerifierKey(parsing: Keys.exampleFoo)
        #expect(key.name == "example.com/foo")
        #expect(key.keyHint == 0x530d_903a)
        #expect(key.signatureType == NoteSignatureType.ed25519.rawValue)
        #expect(key.keyMaterial == hex("e932791ae6e7a840a46164c904786426d5e7821dd8b29a00d61cae72afdd4da4"))
    }

    @Test func keyTypesPickTheirVerifier() throws {
        #expect(try NoteVerifierKey(parsing: Keys.peterVerifier).verifier() is Ed25519NoteVerifier)
        #expect(try NoteVerifierKey(parsing: Keys.remoraWitness).verifier() is CosignatureVerifier)
        #expect(try NoteVerifierKey(parsing: Keys.rekorECDSA).verifier() is RekorNoteVerifier)
    }

    /// The hint check of golang.org/x/mod `TestNewVerifier`: every proper substring and every
    /// single-byte change of a valid key must be rejected.
    @Test func everyManglingOfAKeyIsRejected() {
        let bytes = Array(Keys.peterVerifier.utf8)
        var accepted: [String] = []
        for start in 0..<bytes.count {
            for end in (start + 1)...bytes.count where start != 0 || end != bytes.count {
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                if (try? NoteVerifierKey(parsing: text).verifier()) != nil { accepted.append(text) }
            }
        }
        for index in bytes.indices {
            var changed = bytes
            changed[index] &+= 1
            let text = String(decoding: changed, as: UTF8.self)
            if (try? NoteVerifierKey(parsing: text).verifier()) != nil { accepted.append(text) }
        }
        #expect(accepted.isEmpty)
    }

    @Test func wrongLengthAndUnknownAlgorithmAreRejected() throws {
        // golang.org/x/mod TestNewVerifier: both carry a hint adjusted to match.
        let wrongLength = #expect(throws: NoteError.self) {
            try NoteVerifierKey(parsing: "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==").verifier()
        }
        #expect(wrongLength?.code == .malformedKey)
        let unknown = try NoteVerifierKey(parsing: "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        let error = #expect(throws: NoteError.self) { try unknown.verifier() }
        #expect(error?.code == .unsupportedKey)
    }

    @Test func aWrongHintIsAHintMismatch() {
        // transparency-dev/formats TestNewECDSAVerifier "incorrect keyhash".
        let ecdsa = #expect(throws: NoteError.self) {
            try NoteVerifierKey(parsing: "rekor.sigstore.dev+00000000+AjBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABNhtmPtrWm3U1eQXBogSMdGvXwBcK5AW5i0hrZLOC96l+smGNM7nwZ4QvFK/4sueRoVj//QP22Ni4Qt9DPfkWLc=")
        }
        #expect(ecdsa?.code == .keyHintMismatch)
        let renamed = #expect(throws: NoteError.self) { try NoteVerifierKey(parsing: "PaulNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") }
        #expect(renamed?.code == .keyHintMismatch)
    }

    @Test(arguments: [
        "bananas.sigstore.dev+12344556",
        "rekor.sigstore.dev+12345678+THIS_IS_NOT_BASE64!",
        "rekor.sigstore.dev+NOT_A_NUMBER+AQ==",
        "rekor.sigstore.dev+1234567+AQ==",
        "rekor.sigstore.dev+-1234567+AQ==",
        "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    ])
    func malformedKeyStringsAreRejected(text: String) {
        #expect(throws: NoteError.self) { try NoteVerifierKey(parsing: text) }
    }

    @Test func buildingAKeyComputesTheSignedNoteHint() throws {
        let key = try NoteVerifierKey(parsing: Keys.exampleFoo)
        let rebuilt = try NoteVerifierKey(name: key.name, signatureType: .ed25519, keyMaterial: key.keyMaterial)
        #expect(rebuilt == key)
    }
}

func hex(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = text.startIndex
    while index < text.endIndex {
        let next = text.index(index, offsetBy: 2)
        bytes.append(UInt8(text[index..<next], radix: 16)!)
        index = next
    }
    return bytes
}
