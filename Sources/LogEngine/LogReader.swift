public import Merkle

/// Read access to a log: tree heads, entries, search and proofs, all computed from storage.
///
/// Every request is checked against the latest tree head first, so a caller asking about a size
/// the log has not reached gets ``LogEngineError/Code/treeSizeOutOfRange`` rather than a storage error.
/// Proofs read only the O(log n) stored subtree hashes Merkle's ``ProofPlan`` names.
public struct LogReader: Sendable {
    public let storage: any LogStorage

    public init(storage: any LogStorage) {
        self.storage = storage
    }

    /// The latest published tree head.
    ///
    /// - Throws: ``LogEngineError/Code/emptyLog`` before the sequencer published its first head.
    public func latestTreeHead() async throws -> TreeHead {
        guard let head = try await storage.latestTreeHead() else {
            throw LogEngineError(.emptyLog, "the log has not published a tree head yet")
        }
        return head
    }

    /// The checkpoint published at exactly `size`, or nil when no batch ended there.
    public func treeHead(size: UInt64) async throws -> TreeHead? {
        try await storage.treeHead(size: size)
    }

    /// The inclusion proof of leaf `leafIndex` in the tree of `treeSize` leaves.
    ///
    /// - Throws: ``LogEngineError/Code/treeSizeOutOfRange`` or ``LogEngineError/Code/indexOutOfRange``.
    public func inclusionProof(leafIndex: UInt64, treeSize: UInt64) async throws -> InclusionProof {
        try await checkSize(treeSize)
        guard leafIndex < treeSize else {
            throw LogEngineError(.indexOutOfRange, "leaf index \(leafIndex) is not below tree size \(treeSize)")
        }
        return try await storage.inclusionProof(leafIndex: leafIndex, treeSize: treeSize)
    }

    /// The inclusion proof of an appended entry against the tree head it was acknowledged with:
    /// the one its commit computed in memory, else (a duplicate) one read from storage.
    public func inclusionProof(for result: AppendResult) async throws -> InclusionProof {
        if let proof = result.inclusionProof {
            return proof
        }
        return try await inclusionProof(leafIndex: result.entry.index, treeSize: result.treeHead.size)
    }

    /// The consistency proof from the tree of `oldSize` leaves to the tree of `newSize` leaves.
    ///
    /// - Throws: ``LogEngineError/Code/treeSizeOutOfRange`` when `newSize` exceeds the log or
    ///   `oldSize` exceeds `newSize`.
    public func consistencyProof(from oldSize: UInt64, to newSize: UInt64) async throws -> ConsistencyProof {
        guard oldSize <= newSize else {
            throw LogEngineError(.treeSizeOutOfRange, "the first tree size \(oldSize) exceeds the second \(newSize)")
        }
        try await checkSize(newSize)
        return try await storage.consistencyProof(from: oldSize, to: newSize)
    }

    /// The root hash of the tree of `treeSize` leaves, for any size up to the current one.
    public func rootHash(treeSize: UInt64) async throws -> [UInt8] {
        try await checkSize(treeSize)
        return try await storage.rootHash(treeSize: treeSize)
    }

    /// The entry at `index`, or nil beyond the tree's end.
    public func entry(at index: UInt64) async throws -> LoggedEntry? {
        try await storage.entry(at: index)
    }

    /// The entry whose leaf hash (v1 UUID) is `leafHash`, if any.
    public func entry(withLeafHash leafHash: [UInt8]) async throws -> LoggedEntry? {
        guard leafHash.count == MerkleHash.byteCount else { return nil }
        return try await storage.entry(withLeafHash: leafHash)
    }

    /// Entries with indices in `range` (at most ``LogEngineLimits/maximumEntriesPerRead``), in order;
    /// shorter than the range when it runs past the tree's end.
    ///
    /// - Throws: ``LogEngineError/Code/invalidRange``.
    public func entries(in range: Range<UInt64>) async throws -> [LoggedEntry] {
        // Compared as UInt64: `range.count` traps for ranges wider than Int.max.
        let width = range.upperBound - range.lowerBound
        guard width > 0, width <= UInt64(LogEngineLimits.maximumEntriesPerRead) else {
            throw LogEngineError(.invalidRange, "an entry range must hold 1 to \(LogEngineLimits.maximumEntriesPerRead) indices, not \(width)")
        }
        return try await storage.entries(in: range)
    }

    /// Indices of entries indexed under `key`, ascending, at most
    /// ``LogEngineLimits/maximumSearchResults`` of them.
    public func indices(matching key: SearchKey) async throws -> [UInt64] {
        try await storage.indices(matching: key, limit: LogEngineLimits.maximumSearchResults)
    }

    /// The data of a C2SP tlog-tiles hash tile in the tree of `treeSize` leaves.
    ///
    /// - Throws: ``LogEngineError/Code/treeSizeOutOfRange`` for a size beyond the log,
    ///   ``LogEngineError/Code/invalidRange`` for a tile that tree does not contain.
    public func tileData(for tile: Tile, treeSize: UInt64) async throws -> [UInt8] {
        try await checkSize(treeSize)
        do {
            return try await storage.tileData(for: tile, treeSize: treeSize)
        } catch let error as MerkleError where error.code == .invalidTile {
            throw LogEngineError(.invalidRange, "tile \(tile) is not part of the tree of size \(treeSize): \(error)")
        }
    }

    private func checkSize(_ size: UInt64) async throws {
        let current = try await storage.latestTreeHead()?.size ?? 0
        guard size <= current else {
            throw LogEngineError(.treeSizeOutOfRange, "tree size \(size) exceeds the log's size \(current)")
        }
    }
}
