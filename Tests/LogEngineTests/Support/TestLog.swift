import Foundation
import Logging
import Merkle
import SignedNote
import SigstoreCrypto
import LogEngine
import Testing

/// A sequencer, reader and signer over one storage, with helpers that check what they return.
struct TestLog {
    static let hostname = "log.test.example"
    /// Failures are provoked on purpose here; their log lines would only be noise.
    static let quietLogger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    let storage: any LogStorage
    let signer: CheckpointSigner
    let sequencer: Sequencer
    let reader: LogReader

    init(storage: any LogStorage = InMemoryLogStorage(), signer: CheckpointSigner? = nil, configuration: SequencerConfiguration = SequencerConfiguration()) throws {
        self.storage = storage
        self.signer = try signer ?? CheckpointSigner.rekorV2(hostname: Self.hostname, key: PrivateKey.generate(.ed25519))
        sequencer = Sequencer(storage: storage, signer: self.signer, configuration: configuration, now: { Date(timeIntervalSince1970: 1_767_225_600) }, logger: Self.quietLogger)
        reader = LogReader(storage: storage)
    }

    /// The checkpoint of `head`, after checking its signature and that it commits to the head.
    func verifiedCheckpoint(_ head: TreeHead) throws -> Checkpoint {
        let note = try Note(parsing: head.checkpoint)
        try note.verify(with: [signer.verifier], policy: signer.flavour == .v1 ? .everyLineByKnownKey : .anyKnownKey)
        let checkpoint = try Checkpoint(note: note)
        #expect(checkpoint.origin == signer.origin)
        #expect(checkpoint.treeSize == head.size)
        #expect(checkpoint.rootHash == head.rootHash)
        return checkpoint
    }

    /// Checks that `result`'s entry is provable in its signed tree head.
    func expectProvable(_ result: AppendResult, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let checkpoint = try verifiedCheckpoint(result.treeHead)
        let proof = try await reader.inclusionProof(leafIndex: result.entry.index, treeSize: checkpoint.treeSize)
        #expect(throws: Never.self, sourceLocation: sourceLocation) {
            try proof.verify(leafHash: MerkleHash.leaf(result.entry.body), rootHash: checkpoint.rootHash)
        }
        // A new entry comes with its proof, computed in memory: it must be the stored one.
        #expect((result.inclusionProof == nil) == result.isDuplicate, sourceLocation: sourceLocation)
        if let carried = result.inclusionProof {
            #expect(carried == proof, sourceLocation: sourceLocation)
        }
    }
}

func body(_ text: String) -> EntrySubmission {
    EntrySubmission(body: Array(text.utf8))
}
