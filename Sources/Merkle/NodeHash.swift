/// A perfect subtree and its hash: what a log persists.
public struct NodeHash: Hashable, Sendable {
    public var node: NodeID
    public var hash: [UInt8]

    public init(node: NodeID, hash: [UInt8]) {
        self.node = node
        self.hash = hash
    }
}
