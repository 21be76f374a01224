import Merkle
import Synchronization
import LogEngine

/// Wraps a storage and makes chosen appends fail, either before writing (a clean failure) or
/// after the wrapped storage committed (an ambiguous failure: durable, yet reported as failed).
final class FaultyStorage: LogStorage {
    enum Fault: Sendable {
        case beforeWrite
        case afterWrite
    }

    let base: any LogStorage
    private let faults = Mutex<[Fault]>([])

    init(wrapping base: any LogStorage) {
        self.base = base
    }

    /// Makes the next appends fail, one fault per append, in order.
    func inject(_ faults: Fault...) {
        self.faults.withLock { $0 += faults }
    }

    func append(_ batch: AppendBatch) async throws {
        let fault = faults.withLock { $0.isEmpty ? nil : $0.removeFirst() }
        if fault == .beforeWrite {
            throw LogEngineError(.storageFailure, "injected failure before writing")
        }
        try await base.append(batch)
        if fault == .afterWrite {
            throw LogEngineError(.storageFailure, "injected failure after writing")
        }
    }

    func latestTreeHead() async throws -> TreeHead? { try await base.latestTreeHead() }
    func treeHead(size: UInt64) async throws -> TreeHead? { try await base.treeHead(size: size) }
    func hashes(of nodes: [NodeID]) async throws -> [[UInt8]] { try await base.hashes(of: nodes) }
    func entries(in range: Range<UInt64>) async throws -> [LoggedEntry] { try await base.entries(in: range) }
    func entries(withLeafHashes leafHashes: [[UInt8]]) async throws -> [LoggedEntry] { try await base.entries(withLeafHashes: leafHashes) }
    func indices(matching key: SearchKey, limit: Int) async throws -> [UInt64] { try await base.indices(matching: key, limit: limit) }
}
