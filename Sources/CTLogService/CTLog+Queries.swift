import CertificateTransparency
import Foundation
public import LogEngine
import Merkle
import SigstoreCrypto

/// The read endpoints (RFC 6962 §4.3–§4.7), all answered from storage.
extension CTLog {
    /// `get-sth`: the latest tree head, signed now.
    public func signedTreeHead() async throws -> SignedTreeHead {
        let head = try await latestTreeHead()
        let timestamp = try engineError { try SignedCertificateTimestamp.timestamp(for: now()) }
        let signedData = SignedTreeHead.signedData(treeSize: head.size, timestamp: timestamp, rootHash: head.rootHash)
        let signature = try await engineError { try await signer.signer.signature(for: signedData) }
        let algorithm: DigitallySigned.SignatureAlgorithm = publicKey.algorithm == .ecdsaP256 ? .ecdsa : .rsa
        let signed = try engineError { try DigitallySigned(hashAlgorithm: .sha256, signatureAlgorithm: algorithm, signature: signature) }
        return SignedTreeHead(treeSize: head.size, timestamp: timestamp, rootHash: head.rootHash, treeHeadSignature: signed.tlsEncoded)
    }

    /// `get-sth-consistency`: the proof that the tree of `second` entries extends that of `first`.
    ///
    /// - Throws: ``CTLogError/Code/invalidQuery`` unless `first ≤ second ≤` the tree size.
    public func consistencyPath(first: UInt64, second: UInt64) async throws -> ConsistencyPath {
        let size = try await latestTreeHead().size
        guard first <= second, second <= size else {
            throw CTLogError(.invalidQuery, "need first ≤ second ≤ \(size), got first=\(first), second=\(second)")
        }
        let proof = try await engineError { try await reader.consistencyProof(from: first, to: second) }
        return ConsistencyPath(consistency: proof.hashes)
    }

    /// `get-proof-by-hash`: the audit path of the leaf with hash `leafHash` in the tree of `treeSize`.
    ///
    /// - Throws: ``CTLogError/Code/notFound`` for an unknown hash, ``CTLogError/Code/invalidQuery``
    ///   for a malformed hash, a size beyond the tree, or a leaf the tree of that size lacks.
    public func auditProof(leafHash: [UInt8], treeSize: UInt64) async throws -> AuditProof {
        guard leafHash.count == MerkleHash.byteCount else {
            throw CTLogError(.invalidQuery, "a leaf hash is \(MerkleHash.byteCount) bytes, not \(leafHash.count)")
        }
        let size = try await latestTreeHead().size
        guard treeSize >= 1, treeSize <= size else {
            throw CTLogError(.invalidQuery, "tree_size must be 1…\(size), not \(treeSize)")
        }
        guard let entry = try await engineError({ try await reader.entry(withLeafHash: leafHash) }) else {
            throw CTLogError(.notFound, "no entry has that leaf hash")
        }
        guard entry.index < treeSize else {
            throw CTLogError(.invalidQuery, "the entry (index \(entry.index)) is not in the tree of size \(treeSize)")
        }
        let proof = try await engineError { try await reader.inclusionProof(leafIndex: entry.index, treeSize: treeSize) }
        return AuditProof(leafIndex: entry.index, auditPath: proof.hashes)
    }

    /// `get-entries`: entries `start` through `end` inclusive, at most
    /// ``maximumEntriesPerRequest`` and never past the tree's end (clients page on).
    ///
    /// - Throws: ``CTLogError/Code/invalidQuery`` when `end < start` or `start` is past the tree.
    public func entries(start: UInt64, end: UInt64) async throws -> LogEntries {
        let size = try await latestTreeHead().size
        guard start <= end, start < size else {
            throw CTLogError(.invalidQuery, "need start ≤ end and start < \(size), got start=\(start), end=\(end)")
        }
        let last = min(end, start + Self.maximumEntriesPerRequest - 1, size - 1)
        let logged = try await engineError { try await reader.entries(in: start..<(last + 1)) }
        var entries: [LogEntry] = []
        entries.reserveCapacity(logged.count)
        for entry in logged {
            let extraData = try await engineError { try await archive.extraData(forLeafHash: entry.leafHash) }
            entries.append(LogEntry(leafInput: entry.body, extraData: extraData))
        }
        return LogEntries(entries: entries)
    }

    /// `get-roots`: the accepted roots.
    public var rootList: RootList {
        RootList(certificates: roots.certificates.map(ChainSubmission.der))
    }

    /// The latest tree head, publishing the empty one first for a new log.
    func latestTreeHead() async throws -> TreeHead {
        try await engineError {
            do {
                return try await reader.latestTreeHead()
            } catch let error as LogEngineError where error.code == .emptyLog {
                return try await sequencer.start()
            }
        }
    }

    /// Loads the tree and the chain archive from storage (publishing signed empty tree heads for
    /// a new log) and returns the tree head, so that storage holding another log, or hashes that
    /// do not add up, fail here rather than at the first submission.
    ///
    /// - Throws: `LogEngineError`, `invalidSigner` for storage of another key or hostname.
    @discardableResult
    public func start() async throws -> TreeHead {
        try await archive.sequencer.start()
        return try await sequencer.start()
    }

    /// Commits what is waiting and stops accepting entries.
    public func shutdown() async {
        await sequencer.shutdown()
        await archive.sequencer.shutdown()
    }
}
