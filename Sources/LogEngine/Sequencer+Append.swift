import Foundation
import Logging
import Merkle
import SignedNote

extension Sequencer {
    /// Commits one batch: dedupe, assign indices, extend the tree, sign, write. The tree and
    /// head change only after the storage reported the batch durable.
    func append(_ batch: [Pending]) async throws -> [AppendResult] {
        var (range, previousHead) = try await loadedState()
        let stored = try await storage.entries(withLeafHashes: batch.map(\.leafHash))
        let storedByLeaf = Dictionary(stored.map { ($0.leafHash, $0) }, uniquingKeysWith: { first, _ in first })
        if let beyond = stored.first(where: { $0.index >= previousHead.size }) {
            // Another writer appended since we loaded: our head would not cover the duplicate.
            throw LogEngineError(.staleTreeHead, "entry \(beyond.index) lies beyond the loaded tree size \(previousHead.size)")
        }

        let previousSize = range.size
        let integratedTime = Int64(now().timeIntervalSince1970.rounded(.down))
        var entries: [LoggedEntry] = []
        var searchKeys: [AppendBatch.IndexedKey] = []
        var outcomes: [(entry: LoggedEntry, isDuplicate: Bool)] = []
        outcomes.reserveCapacity(batch.count)
        for item in batch {
            if let existing = storedByLeaf[item.leafHash] {
                outcomes.append((existing, true))
                continue
            }
            let entry = LoggedEntry(index: previousSize + UInt64(entries.count), leafHash: item.leafHash, body: item.submission.body, integratedTime: integratedTime)
            entries.append(entry)
            searchKeys += Set(item.submission.searchKeys).map { AppendBatch.IndexedKey(key: $0, index: entry.index) }
            outcomes.append((entry, false))
        }

        var newHead = previousHead
        var proofs: AppendedLeafProofs?
        if !entries.isEmpty {
            let before = range
            let nodes = try range.append(leafHashes: entries.map(\.leafHash))
            proofs = AppendedLeafProofs(before: before, completed: nodes)
            let rootHash = range.rootHash
            let checkpoint = try await signer.signedCheckpoint(treeSize: range.size, rootHash: rootHash)
            newHead = TreeHead(size: range.size, rootHash: rootHash, checkpoint: checkpoint)
            try await storage.append(AppendBatch(previousSize: previousSize, entries: entries, searchKeys: searchKeys, nodes: nodes, treeHead: newHead))
            logger.debug("committed batch", metadata: ["entries": "\(entries.count)", "size": "\(range.size)"])
        }
        tree = range
        head = newHead
        // Each writer builds its proof from the batch's nodes in its own task: no read of the batch
        // just written, and no per-entry work in the sequencer.
        return outcomes.map { outcome in
            AppendResult(entry: outcome.entry, isDuplicate: outcome.isDuplicate, treeHead: newHead,
                         appendedLeafProofs: outcome.isDuplicate ? nil : proofs)
        }
    }

    /// The committed tree and head, loaded from storage when not held in memory. A new log
    /// gets a signed tree head for the empty tree, so readers always find a checkpoint.
    func loadedState() async throws -> (tree: CompactRange, head: TreeHead) {
        if let tree, let head {
            return (tree, head)
        }
        guard let stored = try await storage.latestTreeHead() else {
            let rootHash = MerkleHash.emptyRoot
            let checkpoint = try await signer.signedCheckpoint(treeSize: 0, rootHash: rootHash)
            let emptyHead = TreeHead(size: 0, rootHash: rootHash, checkpoint: checkpoint)
            try await storage.append(AppendBatch(previousSize: 0, entries: [], searchKeys: [], nodes: [], treeHead: emptyHead))
            logger.info("published the empty tree head of a new log", metadata: ["origin": "\(signer.origin)"])
            observer?.sequencerLoaded(treeSize: 0)
            tree = CompactRange()
            head = emptyHead
            return (CompactRange(), emptyHead)
        }
        try checkOrigin(of: stored)
        let range: CompactRange
        do {
            range = try await storage.compactRange(treeSize: stored.size)
        } catch let error as MerkleError {
            throw LogEngineError(.inconsistentStorage, "cannot rebuild the tree of size \(stored.size) from stored hashes: \(error)")
        }
        guard range.rootHash == stored.rootHash else {
            throw LogEngineError(.inconsistentStorage, "the stored subtree hashes of size \(stored.size) do not lead to the stored root hash")
        }
        logger.info("loaded the tree from storage", metadata: ["size": "\(stored.size)"])
        observer?.sequencerLoaded(treeSize: stored.size)
        tree = range
        head = stored
        return (range, stored)
    }

    /// Refuses to extend a log whose checkpoints carry another origin: a data directory or
    /// database opened with the wrong log configuration.
    private func checkOrigin(of head: TreeHead) throws {
        let origin: String
        do {
            origin = try Checkpoint(note: Note(parsing: head.checkpoint)).origin
        } catch {
            throw LogEngineError(.inconsistentStorage, "the stored checkpoint of size \(head.size) cannot be parsed: \(error)")
        }
        guard origin == signer.origin else {
            throw LogEngineError(.invalidSigner, "the storage holds the log \(String(reflecting: origin)), not \(String(reflecting: signer.origin))")
        }
    }
}
