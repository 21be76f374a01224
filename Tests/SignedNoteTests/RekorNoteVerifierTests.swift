import Foundation
import SignedNote
import SigstoreCrypto
import Testing

@Suite struct RekorNoteVerifierTests {
    static let rekorV1 = "https://rekor.sigstore.dev"
    static let rekorV2 = "https://log2025-1.rekor.sigstore.dev"

    @Test(arguments: ["rekor-v1-public-good-npm-sigstore-3.1.0.note", "rekor-v1-public-good-formats-798034.note"])
    func publicGoodV1CheckpointsVerifyWithTheTrustedRootKey(name: String) throws {
        let log = try Fixture.publicGoodLog(baseURL: Self.rekorV1)
        let verifier = try RekorNoteVerifier(name: log.hostname, publicKey: log.publicKey, flavour: .v1)
        let note = try Note(parsing: try Fixture.text(name))
        #expect(try note.verify(with: [verifier], policy: .everyLineByKnownKey).count == 1)
        #expect(try note.verify(with: [verifier]).count == 1)
    }

    @Test func theV1LogIDIsTheTrustedRootLogID() throws {
        let log = try Fixture.publicGoodLog(baseURL: Self.rekorV1)
        let verifier = try RekorNoteVerifier(name: log.hostname, publicKey: log.publicKey, flavour: .v1)
        #expect(verifier.logID.bytes == log.logID)
        #expect(verifier.keyHint == 0xc0d2_3d6a)
        // The type-0x02 verifier key of transparency-dev/formats names the same key.
        #expect(try NoteVerifierKey(parsing: Keys.rekorECDSA).keyHint == verifier.keyHint)
    }

    @Test func thePublicGoodV2CheckpointVerifiesWithTheTrustedRootKey() throws {
        let log = try Fixture.publicGoodLog(baseURL: Self.rekorV2)
        #expect(log.publicKey.algorithm == .ed25519)
        let verifier = try RekorNoteVerifier(name: log.hostname, publicKey: log.publicKey, flavour: .v2)
        let note = try Note(parsing: try Fixture.text("rekor-v2-log2025-1-412115.note"))
        #expect(try note.verify(with: [verifier]).map(\.name) == ["log2025-1.rekor.sigstore.dev"])
        let checkpoint = try Checkpoint(note: note)
        #expect(checkpoint.origin == log.hostname)
        #expect(checkpoint.treeSize == 412_115)
    }

    @Test func theV2Ed25519LogIDUsesTheOriginAndTypeByte() throws {
        // The trusted root's logId.keyId for log2025-1 is SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key).
        let log = try Fixture.publicGoodLog(baseURL: Self.rekorV2)
        let verifier = try RekorNoteVerifier(name: log.hostname, publicKey: log.publicKey, flavour: .v2)
        #expect(verifier.logID.bytes == log.logID)
        let raw = try #require(log.publicKey.rawEd25519)
        #expect(LogID(name: log.hostname, type: .ed25519, keyMaterial: raw).bytes == log.logID)
        // …and not the SPKI hash a v1 log would use.
        #expect(LogID(subjectPublicKeyInfo: log.publicKey.derRepresentation).bytes != log.logID)
    }

    @Test func everyPublicGoodLogIDMatchesItsFlavour() throws {
        for log in try Fixture.publicGoodLogs() {
            let flavour: RekorFlavour = log.publicKey.algorithm == .ed25519 ? .v2 : .v1
            #expect(RekorNoteVerifier.logID(name: log.hostname, publicKey: log.publicKey, flavour: flavour).bytes == log.logID, "\(log.baseURL)")
        }
    }

    @Test func aWrongNameOrFlavourFindsNoSignature() throws {
        let log = try Fixture.publicGoodLog(baseURL: Self.rekorV2)
        let note = try Note(parsing: try Fixture.text("rekor-v2-log2025-1-412115.note"))
        let wrongName = try RekorNoteVerifier(name: "log2025-2.rekor.sigstore.dev", publicKey: log.publicKey, flavour: .v2)
        let wrongFlavour = try RekorNoteVerifier(name: log.hostname, publicKey: log.publicKey, flavour: .v1)
        for verifier in [wrongName, wrongFlavour] {
            let error = #expect(throws: NoteError.self) { try note.verify(with: [verifier]) }
            #expect(error?.code == .unknownKey)
        }
    }

    @Test func theWrongKeyFails() throws {
        // The v1 key with the v1 hint forced onto a v2 note: the hint matches, the signature cannot.
        let v1 = try Fixture.publicGoodLog(baseURL: Self.rekorV1)
        let verifier = try RekorNoteVerifier(name: "rekor.sigstore.dev", publicKey: v1.publicKey, flavour: .v1)
        let note = try Note(parsing: try Fixture.text("rekor-v1-public-good-npm-sigstore-3.1.0.note"))
        let line = note.signatures[0]
        let v2 = try Fixture.publicGoodLog(baseURL: Self.rekorV2)
        let impostor = try RekorNoteVerifier(name: "rekor.sigstore.dev", publicKey: v2.publicKey, flavour: .v1)
        #expect(!impostor.isValidSignature(line.signature, for: note.message))
        #expect(verifier.isValidSignature(line.signature, for: note.message))
    }

    @Test func aTamperedV1CheckpointFails() throws {
        let log = try Fixture.publicGoodLog(baseURL: Self.rekorV1)
        let verifier = try RekorNoteVerifier(name: log.hostname, publicKey: log.publicKey, flavour: .v1)
        let note = try Note(parsing: try Fixture.text("rekor-v1-public-good-npm-sigstore-3.1.0.note"))
        let tampered = try Note(body: note.body.replacingOccurrences(of: "46800506", with: "46800507"), signatures: note.signatures)
        let error = #expect(throws: NoteError.self) { try tampered.verify(with: [verifier], policy: .everyLineByKnownKey) }
        #expect(error?.code == .signatureMismatch)
    }

    @Test func strictV1VerificationRejectsAWitnessLine() throws {
        let log = try Fixture.publicGoodLog(baseURL: Self.rekorV1)
        let verifier = try RekorNoteVerifier(name: log.hostname, publicKey: log.publicKey, flavour: .v1)
        let note = try Note(parsing: try Fixture.text("rekor-v1-public-good-npm-sigstore-3.1.0.note"))
        let witnessed = try Note(body: note.body, signatures: note.signatures + [try NoteSignature(name: "witness.example", keyHint: 1, signature: [1, 2, 3])])
        #expect(try witnessed.verify(with: [verifier]).count == 1)
        let error = #expect(throws: NoteError.self) { try witnessed.verify(with: [verifier], policy: .everyLineByKnownKey) }
        #expect(error?.code == .unknownKey)
    }

    /// sigstore/rekor-tiles `pkg/note/note_test.go` TestKeyHash: origin "testkey".
    @Test(arguments: [
        ("rekor-tiles-testkey-ed25519.pub.pem", UInt32(3_839_787_747)),
        ("rekor-tiles-testkey-ecdsa-p256.pub.pem", UInt32(2_408_765_216)),
        ("rekor-tiles-testkey-rsa-2048.pub.pem", UInt32(2_918_460_683)),
    ])
    func rekorTilesKeyHintsMatchThePublishedValues(file: String, hint: UInt32) throws {
        let key = try PublicKey(pemEncoded: try Fixture.text(file))
        let verifier = try RekorNoteVerifier(name: "testkey", publicKey: key, flavour: .v2)
        #expect(verifier.keyHint == hint)
        // v1 hashes the SPKI for every key type; only ECDSA agrees between the flavours.
        let v1 = try RekorNoteVerifier(name: "testkey", publicKey: key, flavour: .v1)
        #expect((v1.keyHint == hint) == key.algorithm.isECDSA)
    }
}

extension KeyAlgorithm {
    var isECDSA: Bool { [.ecdsaP256, .ecdsaP384, .ecdsaP521].contains(self) }
}
