public import Merkle
import LogEngine
import PostgresNIO

extension PostgresLogStorage {
    /// Reads every asked node in one statement (one snapshot, one round trip): the list goes
    /// to the server as two arrays, is numbered `WITH ORDINALITY` and joined to the entry table
    /// for leaves and to the node table for interior nodes, each join an index lookup.
    public func hashes(of nodes: [NodeID]) async throws -> [[UInt8]] {
        guard !nodes.isEmpty else { return [] }
        // An index beyond 2⁶³ cannot be stored, so such a node is certainly missing.
        guard nodes.allSatisfy({ Int64(exactly: $0.index) != nil && Int16(exactly: $0.level) != nil }) else {
            throw LogEngineError(.inconsistentStorage, "a node beyond the database's 63-bit indices was asked for")
        }
        let levels = nodes.map { Int16($0.level) }
        let indices = nodes.map { Int64($0.index) }
        let logID = logID
        let found: [[UInt8]?] = try await run("node read") {
            var found: [[UInt8]?] = []
            found.reserveCapacity(nodes.count)
            let rows = try await client.query("""
                SELECT coalesce(e.leaf_hash, n.hash)
                FROM unnest(\(levels)::smallint[], \(indices)::bigint[]) WITH ORDINALITY AS q(level, idx, ord)
                LEFT JOIN tlog_entry e ON q.level = 0 AND e.log_id = \(logID) AND e.idx = q.idx
                LEFT JOIN tlog_node n ON q.level > 0 AND n.log_id = \(logID) AND n.level = q.level AND n.idx = q.idx
                ORDER BY q.ord
                """, logger: logger)
            for try await hash in rows.decode(ByteBuffer?.self) {
                found.append(hash.map { Array($0.readableBytesView) })
            }
            return found
        }
        let missing = zip(nodes, found).filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty, found.count == nodes.count else {
            throw LogEngineError(.inconsistentStorage, "\(missing.count) of \(nodes.count) nodes are missing, first \(missing.first.map { "\($0)" } ?? "?")")
        }
        return found.map { $0! }
    }
}
