public import Foundation
import Testing

/// `Fixtures/reference-tree.json`: the RFC 6962 eight-leaf tree from transparency-dev/merkle,
/// with its published roots, inclusion proofs and consistency proofs.
public struct ReferenceTree: Decodable, Sendable {
    public struct Inclusion: Decodable, Sendable {
        public var leafIndex: UInt64
        public var treeSize: UInt64
        public var proof: [String]
    }

    public struct Consistency: Decodable, Sendable {
        public var size1: UInt64
        public var size2: UInt64
        public var proof: [String]
    }

    public var leaves: [String]
    public var roots: [String]
    public var emptyTreeHash: String
    public var inclusionProofs: [Inclusion]
    public var consistencyProofs: [Consistency]

    public static func load() throws -> ReferenceTree {
        let url = try #require(Bundle.module.url(forResource: "reference-tree", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(ReferenceTree.self, from: Data(contentsOf: url))
    }

    public var leafData: [[UInt8]] { leaves.map { [UInt8](hex: $0) } }
    public var rootHashes: [[UInt8]] { roots.map { [UInt8](hex: $0) } }
}
