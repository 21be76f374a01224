import Foundation
import SignedNote
import Testing

@Suite struct NoteVerificationTests {
    static let goText = NoteTests.goText

    func verifier(_ key: String) throws -> any NoteVerifier {
        try NoteVerifierKey(parsing: key).verifier()
    }

    @Test func theGoExampleVerifiesWithPetersKey() throws {
        let note = try Note(parsing: try Fixture.text("go-note-peter.note"))
        let verified = try note.verify(with: [try verifier(Keys.peterVerifier)])
        #expect(verified.map(\.name) == ["PeterNeumann"])
    }

    @Test func theSignedNoteSpecExampleVerifies() throws {
        let note = try Note(parsing: try Fixture.text("c2sp-signed-note-verifier-key-example.note"))
        #expect(note.body == "This is an example message.\n")
        #expect(try note.verify(with: [try verifier(Keys.exampleFoo)]).count == 1)
    }

    @Test func onlyKnownKeysAreVerifiedAndUnknownLinesIgnored() throws {
        let note = try Note(parsing: try Fixture.text("go-note-peter-enoch.note"))
        #expect(try note.verify(with: [try verifier(Keys.peterVerifier)]).map(\.name) == ["PeterNeumann"])
        #expect(try note.verify(with: [try verifier(Keys.enochVerifier)]).map(\.name) == ["EnochRoot"])
        let both = try note.verify(with: [try verifier(Keys.enochVerifier), try verifier(Keys.peterVerifier)])
        #expect(both.map(\.name) == ["PeterNeumann", "EnochRoot"])
    }

    @Test func aNoteWithoutKnownSignaturesIsRejected() throws {
        let note = try Note(parsing: try Fixture.text("go-note-peter.note"))
        let none = #expect(throws: NoteError.self) { try note.verify(with: []) }
        #expect(none?.code == .unknownKey)
        let wrongKey = #expect(throws: NoteError.self) { try note.verify(with: [try verifier(Keys.enochVerifier)]) }
        #expect(wrongKey?.code == .unknownKey)
    }

    @Test func aFlippedSignatureByteFailsTheWholeNote() throws {
        let note = try Note(parsing: try Fixture.text("go-note-peter-enoch.note"))
        for index in [0, 31, 63] {
            var signatures = note.signatures
            var bytes = signatures[0].signature
            bytes[index] ^= 0x01
            signatures[0] = try NoteSignature(name: signatures[0].name, keyHint: signatures[0].keyHint, signature: bytes)
            let tampered = try Note(body: note.body, signatures: signatures)
            // Enoch's valid line does not rescue the note: a known key's bad signature is fatal.
            let error = #expect(throws: NoteError.self) {
                try tampered.verify(with: [try verifier(Keys.peterVerifier), try verifier(Keys.enochVerifier)])
            }
            #expect(error?.code == .signatureMismatch)
        }
    }

    @Test func aChangedBodyFails() throws {
        let note = try Note(parsing: try Fixture.text("go-note-peter.note"))
        let tampered = try Note(body: note.body.replacingOccurrences(of: "problem", with: "problems"), signatures: note.signatures)
        let error = #expect(throws: NoteError.self) { try tampered.verify(with: [try verifier(Keys.peterVerifier)]) }
        #expect(error?.code == .signatureMismatch)
    }

    @Test func aLineNeedsBothTheNameAndTheHintOfAKey() throws {
        let note = try Note(parsing: try Fixture.text("go-note-peter.note"))
        let signature = note.signatures[0]
        let renamed = try Note(body: note.body, signatures: [try NoteSignature(name: "CarmenSandiego", keyHint: signature.keyHint, signature: signature.signature)])
        let rehinted = try Note(body: note.body, signatures: [try NoteSignature(name: signature.name, keyHint: signature.keyHint ^ 1, signature: signature.signature)])
        for tampered in [renamed, rehinted] {
            let error = #expect(throws: NoteError.self) { try tampered.verify(with: [try verifier(Keys.peterVerifier)]) }
            #expect(error?.code == .unknownKey)
        }
    }

    @Test func duplicatedLinesAndVerifiersAreHarmless() throws {
        let note = try Note(parsing: try Fixture.text("go-note-peter.note"))
        let doubled = try Note(body: note.body, signatures: note.signatures + note.signatures)
        let peter = try verifier(Keys.peterVerifier)
        #expect(try doubled.verify(with: [peter, peter]).count == 1)
    }

    @Test func strictModeRejectsLinesFromUnknownKeys() throws {
        let note = try Note(parsing: try Fixture.text("go-note-peter-enoch.note"))
        let peter = try verifier(Keys.peterVerifier)
        let error = #expect(throws: NoteError.self) { try note.verify(with: [peter], policy: .everyLineByKnownKey) }
        #expect(error?.code == .unknownKey)
        let both = try note.verify(with: [peter, try verifier(Keys.enochVerifier)], policy: .everyLineByKnownKey)
        #expect(both.count == 2)
    }

    @Test func thePixelLogECDSACheckpointVerifies() throws {
        // transparency-dev/formats TestECDSAVerifier "pixel works": a type-0x02 key and note.
        let note = try Note(parsing: Keys.pixelNote)
        #expect(try note.verify(with: [try verifier(Keys.pixelECDSA)]).count == 1)
        #expect(try Checkpoint(note: note).treeSize == 10)
    }
}
