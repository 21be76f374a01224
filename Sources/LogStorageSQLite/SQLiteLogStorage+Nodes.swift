import Foundation
import GRDB
public import Merkle
import LogEngine

extension SQLiteLogStorage {
    /// Reads node hashes in one snapshot. Consecutive nodes of one level (a tile's row) are
    /// read with one range query, isolated ones (proof paths) with one index lookup each.
    public func hashes(of nodes: [NodeID]) async throws -> [[UInt8]] {
        guard !nodes.isEmpty else { return [] }
        return try await read { db in
            var hashes: [[UInt8]] = []
            hashes.reserveCapacity(nodes.count)
            for run in Self.runs(of: nodes) {
                let found = try Self.hashes(level: run.level, indices: run.indices, db)
                guard found.count == run.indices.count else {
                    throw LogEngineError(.inconsistentStorage, "\(run.indices.count - found.count) of the nodes at level \(run.level), indices \(run.indices) are missing")
                }
                hashes += found
            }
            return hashes
        }
    }

    struct Run {
        var level: Int
        var indices: ClosedRange<UInt64>
    }

    /// Splits `nodes` into maximal runs of consecutive indices on one level, in order.
    static func runs(of nodes: [NodeID]) -> [Run] {
        var runs: [Run] = []
        for node in nodes {
            if let last = runs.last, last.level == node.level, last.indices.upperBound < UInt64.max, last.indices.upperBound + 1 == node.index {
                runs[runs.count - 1].indices = last.indices.lowerBound...node.index
            } else {
                runs.append(Run(level: node.level, indices: node.index...node.index))
            }
        }
        return runs
    }

    private static func hashes(level: Int, indices: ClosedRange<UInt64>, _ db: Database) throws -> [[UInt8]] {
        guard let lower = Int64(exactly: indices.lowerBound), let upper = Int64(exactly: indices.upperBound) else {
            return []
        }
        let statement: Statement
        var arguments: StatementArguments
        if level == 0 {
            statement = try db.cachedStatement(sql: "SELECT leaf_hash FROM entry WHERE idx >= ? AND idx <= ? ORDER BY idx")
            arguments = [lower, upper]
        } else {
            statement = try db.cachedStatement(sql: "SELECT hash FROM node WHERE level = ? AND idx >= ? AND idx <= ? ORDER BY idx")
            arguments = [level, lower, upper]
        }
        return try Data.fetchAll(statement, arguments: arguments).map { [UInt8]($0) }
    }
}
