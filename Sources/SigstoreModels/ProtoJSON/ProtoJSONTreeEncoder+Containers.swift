// The three container kinds of ProtoJSONTreeEncoder. Every typed `encode` overload the
// protocols require funnels into `ProtoJSONSlot.store`.

extension ProtoJSONTreeEncoder {
    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let slot: ProtoJSONSlot
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { slot.member(key.stringValue).content = .value(.null) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: String, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try put(value, key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try put(value, key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try put(value, key) }

        private func put<T: Encodable>(_ value: T, _ key: Key) throws {
            try slot.member(key.stringValue).store(value, codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            encoder(for: key).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            encoder(for: key).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            ProtoJSONTreeEncoder(slot: slot.member("super"), codingPath: codingPath)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            encoder(for: key)
        }

        private func encoder(for key: Key) -> ProtoJSONTreeEncoder {
            ProtoJSONTreeEncoder(slot: slot.member(key.stringValue), codingPath: codingPath + [key])
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let slot: ProtoJSONSlot
        let codingPath: [any CodingKey]
        var count: Int { slot.count }

        mutating func encodeNil() throws { slot.appendElement().content = .value(.null) }
        mutating func encode(_ value: Bool) throws { try put(value) }
        mutating func encode(_ value: String) throws { try put(value) }
        mutating func encode(_ value: Double) throws { try put(value) }
        mutating func encode(_ value: Float) throws { try put(value) }
        mutating func encode(_ value: Int) throws { try put(value) }
        mutating func encode(_ value: Int8) throws { try put(value) }
        mutating func encode(_ value: Int16) throws { try put(value) }
        mutating func encode(_ value: Int32) throws { try put(value) }
        mutating func encode(_ value: Int64) throws { try put(value) }
        mutating func encode(_ value: UInt) throws { try put(value) }
        mutating func encode(_ value: UInt8) throws { try put(value) }
        mutating func encode(_ value: UInt16) throws { try put(value) }
        mutating func encode(_ value: UInt32) throws { try put(value) }
        mutating func encode(_ value: UInt64) throws { try put(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try put(value) }

        private func put<T: Encodable>(_ value: T) throws {
            let path = codingPath + [ProtoJSONIndexKey(intValue: slot.count)]
            try slot.appendElement().store(value, codingPath: path)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            nextEncoder().container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            nextEncoder().unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            nextEncoder()
        }

        private func nextEncoder() -> ProtoJSONTreeEncoder {
            let path = codingPath + [ProtoJSONIndexKey(intValue: slot.count)]
            return ProtoJSONTreeEncoder(slot: slot.appendElement(), codingPath: path)
        }
    }

    struct SingleValueContainer: SingleValueEncodingContainer {
        let slot: ProtoJSONSlot
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { slot.content = .value(.null) }
        mutating func encode(_ value: Bool) throws { try slot.store(value, codingPath: codingPath) }
        mutating func encode(_ value: String) throws { try slot.store(value, codingPath: codingPath) }
        mutating func encode(_ value: Double) throws { try slot.store(value, codingPath: codingPath) }
        mutating func encode(_ value: Float) throws { try slot.store(value, codingPath: codingPath) }
        mutating func encode(_ value: Int) throws { try slot.store(value, codingPath: codingPath) }
        mutating func encode(_ value: Int8) throws { try slot.store(value, codingPath: codingPath) }
        mutating func encode(_ value: Int16) throws { try slot.store(value, codingPath: codingPath) }
        mutating func encode(_ value: Int32) throws { try slot.store(value, codingPath: codingPath) }
        mutating func encode(_ value: Int64) throws { try slot.store(value, codingPath: codingPath) }
        mutating func encode(_ value: UInt) throws { try slot.store(value, codingPath: codingPath) }
        mutating func encode(_ value: UInt8) throws { try slot.store(value, codingPath: codingPath) }
        mutating func encode(_ value: UInt16) throws { try slot.store(value, codingPath: codingPath) }
        mutating func encode(_ value: UInt32) throws { try slot.store(value, codingPath: codingPath) }
        mutating func encode(_ value: UInt64) throws { try slot.store(value, codingPath: codingPath) }
        mutating func encode<T: Encodable>(_ value: T) throws { try slot.store(value, codingPath: codingPath) }
    }
}
