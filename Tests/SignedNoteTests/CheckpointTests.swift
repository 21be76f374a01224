import SignedNote
import Testing

@Suite struct CheckpointTests {
    @Test(arguments: Fixture.checkpointNotes)
    func formattingAParsedCheckpointGivesBackTheBody(name: String) throws {
        let note = try Note(parsing: try Fixture.text(name))
        let checkpoint = try Checkpoint(note: note)
        #expect(checkpoint.body == note.body)
        #expect(checkpoint.rootHash.count == 32)
    }

    @Test func theTlogCheckpointExampleParses() throws {
        let checkpoint = try Checkpoint(note: try Note(parsing: try Fixture.text("c2sp-tlog-checkpoint-example.note")))
        #expect(checkpoint.origin == "example.com/behind-the-sofa")
        #expect(checkpoint.treeSize == 20_852_163)
        #expect(checkpoint.rootHash.prefix(4) == [0x0A, 0xC5, 0x18, 0x6A])
        #expect(checkpoint.extensionLines.isEmpty)
    }

    @Test func rekorV1OriginsKeepTheirTreeID() throws {
        let checkpoint = try Checkpoint(note: try Note(parsing: try Fixture.text("rekor-v1-public-good-npm-sigstore-3.1.0.note")))
        #expect(checkpoint.origin == "rekor.sigstore.dev - 1193050959916656506")
        #expect(checkpoint.treeSize == 46_800_506)
    }

    @Test func extensionLinesRoundTrip() throws {
        // Older Rekor v1 checkpoints carried a "Timestamp: <ns>" extension line.
        let body = "rekor.sigstore.dev - 2605736670972794746\n21428036\nrxnoKyFZlJ7/R6bMh/d3lcqwKqAy5CL1LcNBJP17kgQ=\nTimestamp: 1688058656037355364\n"
        let checkpoint = try Checkpoint(body: body)
        #expect(checkpoint.extensionLines == ["Timestamp: 1688058656037355364"])
        #expect(checkpoint.body == body)
    }

    @Test func zeroIsAValidTreeSize() throws {
        let body = "log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"
        #expect(try Checkpoint(body: body).treeSize == 0)
    }

    @Test func treeSizeMayBeTheLargestUInt64() throws {
        let body = "log\n18446744073709551615\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n"
        #expect(try Checkpoint(body: body).treeSize == .max)
    }

    static let root = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="

    static let malformed: [String] = [
        "",
        "log\n",
        "log\n5\n",
        "log\n5\n\(root)",  // no final newline
        "\n5\n\(root)\n",  // empty origin
        "log\n05\n\(root)\n",  // leading zero
        "log\n00\n\(root)\n",
        "log\n+5\n\(root)\n",
        "log\n-5\n\(root)\n",
        "log\n 5\n\(root)\n",
        "log\n5 \n\(root)\n",
        "log\n0x5\n\(root)\n",
        "log\n18446744073709551616\n\(root)\n",  // 2^64
        "log\n\n\(root)\n",
        "log\n5\n\n",
        "log\n5\nnot base64\n",
        "log\n5\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU\n",  // unpadded
        "log\n5\nAAAA\n",  // 3 bytes, not 32
        "log\n5\n\(root)\n\n",  // empty extension line
        "log\n5\n\(root)\next\n\n",
    ]

    @Test(arguments: malformed)
    func malformedCheckpointsAreRejected(body: String) {
        let error = #expect(throws: NoteError.self) { try Checkpoint(body: body) }
        #expect(error?.code == .malformedCheckpoint)
    }

    @Test func componentsAreValidated() throws {
        let hash = [UInt8](repeating: 7, count: 32)
        let checkpoint = try Checkpoint(origin: "example.com/log", treeSize: 10, rootHash: hash, extensionLines: ["x"])
        #expect(checkpoint.body == "example.com/log\n10\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\nx\n")
        #expect(throws: NoteError.self) { try Checkpoint(origin: "", treeSize: 1, rootHash: hash) }
        #expect(throws: NoteError.self) { try Checkpoint(origin: "a\nb", treeSize: 1, rootHash: hash) }
        #expect(throws: NoteError.self) { try Checkpoint(origin: "a", treeSize: 1, rootHash: [1, 2]) }
        #expect(throws: NoteError.self) { try Checkpoint(origin: "a", treeSize: 1, rootHash: hash, extensionLines: [""]) }
    }
}
