import Foundation
import SigstoreTestSupport
import Testing

/// Loads the JSON fixtures described in `Fixtures/README.md`.
enum TestVectors {
    static func load<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    /// The RFC 6962 eight-leaf tree, shared with the storage tests.
    typealias ReferenceTree = SigstoreTestSupport.ReferenceTree

    /// A transparency-dev `testdata/inclusion/*/*.json` probe.
    struct InclusionProbe: Decodable, CustomTestStringConvertible {
        var leafIdx: UInt64
        var treeSize: UInt64
        var root: String
        var leafHash: String
        var proof: [String]?
        var desc: String
        var wantErr: Bool

        var testDescription: String { "\(desc) (\(leafIdx)/\(treeSize))" }
    }

    /// A transparency-dev `testdata/consistency/*/*.json` probe.
    struct ConsistencyProbe: Decodable, CustomTestStringConvertible {
        var size1: UInt64
        var size2: UInt64
        var root1: String
        var root2: String
        var proof: [String]?
        var desc: String
        var wantErr: Bool

        var testDescription: String { "\(desc) (\(size1)→\(size2))" }
    }

    struct HappyPaths: Decodable {
        var inclusion: [InclusionProbe]
        var consistency: [ConsistencyProbe]
    }

    /// `proof-node-plans.json`: node lists from transparency-dev/merkle `proof/proof_test.go`.
    struct NodePlans: Decodable {
        struct Inclusion: Decodable, CustomTestStringConvertible {
            var size: UInt64
            var index: UInt64
            var nodes: [[UInt64]]
            var rehash: [Int]?
            var testDescription: String { "leaf \(index) of \(size)" }
        }

        struct Consistency: Decodable, CustomTestStringConvertible {
            var size1: UInt64
            var size2: UInt64
            var nodes: [[UInt64]]
            var rehash: [Int]?
            var testDescription: String { "\(size1)→\(size2)" }
        }

        var inclusion: [Inclusion]
        var inclusionErrors: [[UInt64]]
        var consistency: [Consistency]
        var consistencyErrors: [[UInt64]]
    }
}

/// A deterministic generator so randomized tests reproduce (SplitMix64).
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
