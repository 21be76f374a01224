import SigstoreCrypto
import Crypto
import Foundation
import LogEngine

/// Keeps each entry's `extra_data` (the chain it was submitted with) for `get-entries`.
///
/// RFC 6962 leaves hold only the `MerkleTreeLeaf`, so the chains live beside the tree in a
/// second append-only log of the same engine: its entries are `leaf hash ‖ extra_data`, found by
/// the CT leaf hash. Prefixing the leaf hash keeps two certificates with the same issuing chain
/// from being deduplicated into one archive entry.
struct ChainArchive: Sendable {
    let sequencer: Sequencer
    let reader: LogReader

    /// Durably stores `extraData` for the CT leaf with hash `leafHash`.
    func store(_ extraData: [UInt8], forLeafHash leafHash: [UInt8]) async throws {
        _ = try await sequencer.submit(EntrySubmission(body: leafHash + extraData, searchKeys: [try Self.key(leafHash)]))
    }

    /// The `extra_data` stored for the CT leaf with hash `leafHash`, or empty when none was.
    func extraData(forLeafHash leafHash: [UInt8]) async throws -> [UInt8] {
        for index in try await reader.indices(matching: try Self.key(leafHash)) {
            if let entry = try await reader.entry(at: index), entry.body.starts(with: leafHash) {
                return Array(entry.body.dropFirst(leafHash.count))
            }
        }
        return []
    }

    private static func key(_ leafHash: [UInt8]) throws -> SearchKey {
        try SearchKey(.artifactSHA256, Hex.encode(leafHash))
    }
}
