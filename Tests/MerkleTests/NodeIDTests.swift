import Merkle
import Testing

@Suite struct NodeIDTests {
    @Test func navigation() {
        let node = NodeID(level: 2, index: 5)
        #expect(node.firstLeaf == 20)
        #expect(node.leafCount == 4)
        #expect(node.isRightChild)
        #expect(node.sibling == NodeID(level: 2, index: 4))
        #expect(node.parent == NodeID(level: 3, index: 2))
        #expect(node.leftChild == NodeID(level: 1, index: 10))
        #expect(node.rightChild == NodeID(level: 1, index: 11))
        #expect(!NodeID.leaf(6).isRightChild)
        #expect(NodeID.leaf(6).description == "(0, 6)")
    }

    @Test(arguments: [
        (0, UInt64.max, true),
        (63, 1, true),
        (63, 2, false),
        (10, UInt64(1) << 54 - 1, true),
        (10, UInt64(1) << 54, false),
        (64, 0, false),
        (-1, 0, false),
    ])
    func validation(level: Int, index: UInt64, valid: Bool) {
        #expect((NodeID(validatingLevel: level, index: index) != nil) == valid)
    }
}
