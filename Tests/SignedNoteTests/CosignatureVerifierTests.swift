import Foundation
import SignedNote
import Testing

@Suite struct CosignatureVerifierTests {
    @Test func aRealWitnessCosignatureVerifies() throws {
        let note = try Note(parsing: try Fixture.text("arche2025h1-witnessed.note"))
        let witness = try CosignatureVerifier(verifierKey: Keys.remoraWitness)
        let verified = try note.verify(with: [witness])
        #expect(verified.map(\.name) == ["remora.n621.de"])
        #expect(Cosignature.timestamp(of: verified[0].signature) == 1_779_573_024)
    }

    @Test func theLogAndWitnessVerifyTogether() throws {
        let note = try Note(parsing: try Fixture.text("arche2025h1-witnessed.note"))
        let log = try Ed25519NoteVerifier(verifierKey: Keys.arche2025h1)
        let witness = try CosignatureVerifier(verifierKey: Keys.remoraWitness)
        let verified = try note.verify(with: [log, witness])
        #expect(verified.map(\.name) == ["arche2025h1.staging.ct.transparency.dev", "remora.n621.de"])
        // Witness lines are not the log's: the strict Rekor v1 rule rejects this note.
        #expect(throws: NoteError.self) { try note.verify(with: [log, witness], policy: .everyLineByKnownKey) }
    }

    @Test func aCosignatureIsBoundToTheCheckpoint() throws {
        let note = try Note(parsing: try Fixture.text("arche2025h1-witnessed.note"))
        let witness = try CosignatureVerifier(verifierKey: Keys.remoraWitness)
        let changed = try Note(body: note.body.replacingOccurrences(of: "1432088532", with: "42"), signatures: note.signatures)
        let error = #expect(throws: NoteError.self) { try changed.verify(with: [witness]) }
        #expect(error?.code == .signatureMismatch)
    }

    @Test func aCosignatureIsBoundToItsTimestamp() throws {
        let note = try Note(parsing: try Fixture.text("arche2025h1-witnessed.note"))
        let witness = try CosignatureVerifier(verifierKey: Keys.remoraWitness)
        let line = try #require(note.signatures.first { $0.name == "remora.n621.de" })
        var bytes = line.signature
        bytes[7] &+= 1
        #expect(!witness.isValidSignature(bytes, for: note.message))
        #expect(witness.isValidSignature(line.signature, for: note.message))
    }

    @Test func aPlainEd25519KeyDoesNotVerifyACosignature() throws {
        // Same key bytes as the witness, but type 0x01: different hint, so the line is unknown.
        let witnessKey = try NoteVerifierKey(parsing: Keys.remoraWitness)
        let plain = try NoteVerifierKey(name: witnessKey.name, signatureType: .ed25519, keyMaterial: witnessKey.keyMaterial)
        let note = try Note(parsing: try Fixture.text("arche2025h1-witnessed.note"))
        let error = #expect(throws: NoteError.self) { try note.verify(with: [try plain.verifier()]) }
        #expect(error?.code == .unknownKey)
    }

    @Test func theSpecExampleTimestampIsTheOneItsMessageShows() throws {
        // C2SP tlog-cosignature: the witness line and the "time 1679315147" message example.
        let note = try Note(parsing: try Fixture.text("c2sp-tlog-cosignature-example.note"))
        let witness = try #require(note.signatures.last)
        #expect(witness.name == "witness.example.com/w1")
        #expect(Cosignature.timestamp(of: witness.signature) == 1_679_315_147)
        let message = Cosignature.message(forBody: note.message, timestamp: 1_679_315_147)
        let expected = "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
        #expect(message == Array(expected.utf8))
    }

    @Test func timestampsNeedTheRightLengthAndRange() throws {
        // transparency-dev/formats TestCoSigV1Timestamp: a cosignature and a plain signature.
        let cosignature = try #require(Note(parsing: "x\n\n\u{2014} w ZGhGuQAAAABm/qTPeyKXD+R2rzyQsxPiP8mXum7qq/iF0u4vanlqJyocWODBt97w9uL+8qT7S5gxEHWWOworDcFiEBYJXORmnFBOBA==\n").signatures.first)
        #expect(Cosignature.timestamp(of: cosignature.signature) == 1_727_964_367)
        let plain = try #require(Note(parsing: "x\n\n\u{2014} w eQjRQm6eSKzFoiYalgwCPXu2y3ijtg68is9M46JKxuZB+dRfTmeQeDBoXnvxZx2ugnkyV+MUMLXpWs1hPb/W/4xkNQY=\n").signatures.first)
        #expect(Cosignature.timestamp(of: plain.signature) == nil)
        #expect(Cosignature.timestamp(of: [0x80] + [UInt8](repeating: 0, count: 71)) == nil)
    }
}
