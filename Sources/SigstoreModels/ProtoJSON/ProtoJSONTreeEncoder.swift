/// An `Encoder` that records what a value encodes as a ``ProtoJSONNode`` tree, members in
/// the order they were written.
///
/// Only ``ProtoJSON/encode(_:pretty:)`` uses it.
struct ProtoJSONTreeEncoder: Encoder {
    let slot: ProtoJSONSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func tree(for value: some Encodable) throws -> ProtoJSONNode {
        let root = ProtoJSONSlot()
        try value.encode(to: ProtoJSONTreeEncoder(slot: root, codingPath: []))
        return root.resolved()
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        slot.becomeObject()
        return KeyedEncodingContainer(KeyedContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        slot.becomeArray()
        return UnkeyedContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(slot: slot, codingPath: codingPath)
    }
}
