public import Merkle

/// Durable storage for one transparency log: the seam between the sequencer and proofs above,
/// and SQLite or PostgreSQL below.
///
/// Designed for billions of entries: every read is an index lookup of O(log n) rows at most,
/// and nothing per entry is held in memory. As a ``MerkleHashReader`` a storage answers
/// Merkle's proof, root, compact-range and tile builders directly.
///
/// ## Append contract
/// ``append(_:)`` writes a whole ``AppendBatch`` in ONE transaction that is durable (fsynced)
/// when the call returns, or writes nothing and throws. Inside that transaction the storage
/// must lock the tree head (SQLite: the single writer of an `IMMEDIATE` transaction;
/// PostgreSQL: `SELECT … FOR UPDATE` on the head row), check that the latest size still equals
/// ``AppendBatch/previousSize`` and otherwise throw ``LogEngineError/Code/staleTreeHead``. This
/// check is what keeps several writers (replicas sharing one database) from forking the tree:
/// a writer whose view is stale fails, reloads its compact range and retries. A batch with no
/// entries only records a tree head (the first, empty head of a log, or a re-signed
/// checkpoint at the same size).
///
/// ## Node hashes
/// ``hashes(of:)`` must return the hash of every perfect subtree of the current tree, leaves
/// included, in the order asked; a missing node means the store is inconsistent and it throws
/// ``LogEngineError/Code/inconsistentStorage``. How leaves are kept (for example as a column of the
/// entry table) is up to the storage.
///
/// Errors: storages throw ``LogEngineError``; anything the underlying database reports becomes
/// ``LogEngineError/Code/storageFailure``.
public protocol LogStorage: MerkleHashReader {
    /// The tree head with the largest size, or nil when the log has never published one.
    func latestTreeHead() async throws -> TreeHead?

    /// The tree head published at exactly `size`, or nil when no batch ended there.
    func treeHead(size: UInt64) async throws -> TreeHead?

    /// Atomically and durably appends a batch; see the type's append contract.
    func append(_ batch: AppendBatch) async throws

    /// The stored entries with indices in `range`, in index order. Indices beyond the tree's
    /// end are left out, so the result may be shorter than the range.
    func entries(in range: Range<UInt64>) async throws -> [LoggedEntry]

    /// The stored entries whose leaf hashes are among `leafHashes`, in any order: the
    /// duplicate check of a whole batch in one round trip.
    func entries(withLeafHashes leafHashes: [[UInt8]]) async throws -> [LoggedEntry]

    /// Indices of entries indexed under `key`, ascending, at most `limit` of them.
    func indices(matching key: SearchKey, limit: Int) async throws -> [UInt64]
}

extension LogStorage {
    /// The stored entry at `index`, or nil beyond the tree's end.
    public func entry(at index: UInt64) async throws -> LoggedEntry? {
        guard index < UInt64.max else { return nil }
        return try await entries(in: index..<(index + 1)).first
    }

    /// The stored entry with leaf hash `leafHash` (its v1 UUID), if any.
    public func entry(withLeafHash leafHash: [UInt8]) async throws -> LoggedEntry? {
        try await entries(withLeafHashes: [leafHash]).first
    }
}
