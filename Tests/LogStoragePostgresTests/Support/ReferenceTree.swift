import Foundation
import Testing

/// `Fixtures/reference-tree.json`: the RFC 6962 eight-leaf tree from transparency-dev/merkle.
struct ReferenceTree: Decodable {
    struct Inclusion: Decodable {
        var leafIndex: UInt64
        var treeSize: UInt64
        var proof: [String]
    }

    struct Consistency: Decodable {
        var size1: UInt64
        var size2: UInt64
        var proof: [String]
    }

    var leaves: [String]
    var roots: [String]
    var emptyTreeHash: String
    var inclusionProofs: [Inclusion]
    var consistencyProofs: [Consistency]

    static func load() throws -> ReferenceTree {
        let url = try #require(Bundle.module.url(forResource: "reference-tree", withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(ReferenceTree.self, from: Data(contentsOf: url))
    }
}

extension [UInt8] {
    init(hex: String) {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        self = bytes
    }
}
