import Merkle

/// RFC 9162 §2.1 written out literally (recursive MTH, PATH and PROOF over leaf hashes), as an
/// independent oracle for the optimized code. Quadratic-ish; only for small trees.
enum ReferenceMerkleTree {
    static func root(_ leaves: ArraySlice<[UInt8]>) -> [UInt8] {
        switch leaves.count {
        case 0: return MerkleHash.emptyRoot
        case 1: return leaves.first!
        default:
            let k = largestPowerOfTwo(below: leaves.count)
            let start = leaves.startIndex
            return MerkleHash.node(root(leaves[start..<start + k]), root(leaves[(start + k)...]))
        }
    }

    /// ``root(_:)`` remembering the root of every range it computes, for checking many prefixes
    /// of one list: the recursion is the same, only repeated subtrees are not rehashed.
    static func root(_ leaves: [[UInt8]], _ range: Range<Int>, cache: inout [Range<Int>: [UInt8]]) -> [UInt8] {
        if let known = cache[range] { return known }
        let result: [UInt8]
        switch range.count {
        case 0: result = MerkleHash.emptyRoot
        case 1: result = leaves[range.lowerBound]
        default:
            let split = range.lowerBound + largestPowerOfTwo(below: range.count)
            result = MerkleHash.node(
                root(leaves, range.lowerBound..<split, cache: &cache),
                root(leaves, split..<range.upperBound, cache: &cache))
        }
        cache[range] = result
        return result
    }

    /// PATH(m, D[n]).
    static func path(_ m: Int, _ leaves: ArraySlice<[UInt8]>) -> [[UInt8]] {
        guard leaves.count > 1 else { return [] }
        let k = largestPowerOfTwo(below: leaves.count)
        let start = leaves.startIndex
        if m < k {
            return path(m, leaves[start..<start + k]) + [root(leaves[(start + k)...])]
        }
        return path(m - k, leaves[(start + k)...]) + [root(leaves[start..<start + k])]
    }

    /// PROOF(m, D[n]) = SUBPROOF(m, D[n], true).
    static func proof(_ m: Int, _ leaves: ArraySlice<[UInt8]>) -> [[UInt8]] {
        subproof(m, leaves, true)
    }

    private static func subproof(_ m: Int, _ leaves: ArraySlice<[UInt8]>, _ complete: Bool) -> [[UInt8]] {
        let n = leaves.count
        if m == n {
            return complete ? [] : [root(leaves)]
        }
        let k = largestPowerOfTwo(below: n)
        let start = leaves.startIndex
        if m <= k {
            return subproof(m, leaves[start..<start + k], complete) + [root(leaves[(start + k)...])]
        }
        return subproof(m - k, leaves[(start + k)...], false) + [root(leaves[start..<start + k])]
    }

    private static func largestPowerOfTwo(below n: Int) -> Int {
        var k = 1
        while k << 1 < n { k <<= 1 }
        return k
    }
}
