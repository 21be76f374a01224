/// A perfect subtree of a Merkle tree: the `2^level` leaves starting at `index << level`.
///
/// Perfect subtrees never change once their last leaf is appended, so they are what a log
/// stores. Every other node of an RFC 9162 tree (the "ephemeral" nodes on the right border of a
/// tree whose size is not a power of two) is recomputed from perfect ones; see ``ProofPlan``.
/// Level 0 holds the leaf hashes.
public struct NodeID: Hashable, Sendable, CustomStringConvertible {
    /// Height above the leaves, 0...63.
    public let level: Int
    /// Position among the nodes of the same level, counting from the left.
    public let index: UInt64

    /// - Precondition: `level` is in 0...63 and the subtree's leaves are addressable with
    ///   `UInt64` (`index < 2^(64 − level)`). Use ``init(validatingLevel:index:)`` for untrusted input.
    public init(level: Int, index: UInt64) {
        precondition(Self.isValid(level: level, index: index), "node (\(level), \(index)) is out of range")
        self.level = level
        self.index = index
    }

    /// Returns nil when `level` is not in 0...63 or the subtree would start beyond `UInt64.max`.
    public init?(validatingLevel level: Int, index: UInt64) {
        guard Self.isValid(level: level, index: index) else { return nil }
        self.level = level
        self.index = index
    }

    /// The leaf at `index`.
    public static func leaf(_ index: UInt64) -> NodeID {
        NodeID(level: 0, index: index)
    }

    /// Index of the first leaf under this node.
    public var firstLeaf: UInt64 {
        index << level
    }

    /// Number of leaves under this node, `2^level`.
    public var leafCount: UInt64 {
        1 << level
    }

    /// True when this node is the right child of its parent.
    public var isRightChild: Bool {
        index & 1 == 1
    }

    /// The other child of this node's parent.
    public var sibling: NodeID {
        NodeID(uncheckedLevel: level, index: index ^ 1)
    }

    /// - Precondition: `level < 63`.
    public var parent: NodeID {
        NodeID(level: level + 1, index: index >> 1)
    }

    /// - Precondition: `level > 0`.
    public var leftChild: NodeID {
        precondition(level > 0, "a leaf has no children")
        return NodeID(uncheckedLevel: level - 1, index: index << 1)
    }

    /// - Precondition: `level > 0`.
    public var rightChild: NodeID {
        precondition(level > 0, "a leaf has no children")
        return NodeID(uncheckedLevel: level - 1, index: index << 1 | 1)
    }

    public var description: String {
        "(\(level), \(index))"
    }

    init(uncheckedLevel level: Int, index: UInt64) {
        self.level = level
        self.index = index
    }

    private static func isValid(level: Int, index: UInt64) -> Bool {
        (0...63).contains(level) && index >> (64 - level) == 0
    }
}
