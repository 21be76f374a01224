#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Encodes an `Encodable` value straight into a ``JSONValue`` tree, the way `JSONEncoder` with
/// its default strategies would write it, without producing JSON text and parsing it back.
///
/// Member order is not kept (``JSONObject`` sorts members canonically). Types whose
/// `JSONEncoder` form depends on an encoding strategy (`Data`, `Date`, `URL`, `Decimal`) are
/// refused with ``Unsupported`` so that a caller can fall back to `JSONEncoder` for them.
struct JSONValueEncoder {
    /// The value holds a type this encoder leaves to `JSONEncoder`.
    struct Unsupported: Error {
        var typeName: String
    }

    static func encode(_ value: some Encodable) throws -> JSONValue {
        let root = Node()
        try Node.encode(value, into: root, codingPath: [])
        guard let tree = try root.jsonValue() else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "the value encoded nothing"))
        }
        return tree
    }

    /// One value under construction: a scalar, an object or an array, fixed by the first use.
    final class Node {
        var scalar: JSONValue?
        var members: [String: Node]?
        var elements: [Node]?

        func jsonValue() throws -> JSONValue? {
            if let scalar { return scalar }
            if let members {
                var converted: [JSONObject.Member] = []
                converted.reserveCapacity(members.count)
                for (key, node) in members {
                    // A nested container nobody wrote to is an empty object, as JSONEncoder writes it.
                    converted.append(JSONObject.Member(key: key, value: try node.jsonValue() ?? .object(JSONObject())))
                }
                return .object(try JSONObject(members: converted))
            }
            if let elements {
                return .array(try elements.map { try $0.jsonValue() ?? .object(JSONObject()) })
            }
            return nil
        }

        func member(_ key: String) -> Node {
            if members == nil { members = [:] }
            let node = Node()
            members?[key] = node
            return node
        }

        func appendElement() -> Node {
            if elements == nil { elements = [] }
            let node = Node()
            elements?.append(node)
            return node
        }

        static func encode(_ value: some Encodable, into node: Node, codingPath: [any CodingKey]) throws {
            switch value {
            case let json as JSONValue: node.scalar = json
            case let string as String: node.scalar = .string(string)
            case let flag as Bool: node.scalar = .bool(flag)
            case let number as Int: node.scalar = .number(JSONNumber(Int64(number)))
            case let number as Int64: node.scalar = .number(JSONNumber(number))
            case let number as UInt64: node.scalar = .number(JSONNumber(number))
            case let number as Double: node.scalar = .number(try finite(number, codingPath))
            case is Data, is Date, is URL, is Decimal:
                throw Unsupported(typeName: String(describing: type(of: value)))
            default:
                try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
            }
        }

        static func finite(_ number: Double, _ codingPath: [any CodingKey]) throws -> JSONNumber {
            guard number.isFinite else {
                throw EncodingError.invalidValue(number, .init(codingPath: codingPath, debugDescription: "\(number) is not a JSON number"))
            }
            return try JSONNumber(number)
        }
    }

    private struct NodeEncoder: Encoder {
        let node: Node
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if node.members == nil { node.members = [:] }
            return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if node.elements == nil { node.elements = [] }
            return UnkeyedContainer(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleValueContainer(node: node, codingPath: codingPath)
        }
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { node.member(key.stringValue).scalar = .null }
        mutating func encode(_ value: Bool, forKey key: Key) throws { node.member(key.stringValue).scalar = .bool(value) }
        mutating func encode(_ value: String, forKey key: Key) throws { node.member(key.stringValue).scalar = .string(value) }
        mutating func encode(_ value: Double, forKey key: Key) throws {
            node.member(key.stringValue).scalar = .number(try Node.finite(value, codingPath + [key]))
        }
        mutating func encode(_ value: Float, forKey key: Key) throws { try encode(Double(value), forKey: key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { node.member(key.stringValue).scalar = .number(JSONNumber(Int64(value))) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try encode(Int(value), forKey: key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try encode(Int(value), forKey: key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try encode(Int(value), forKey: key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { node.member(key.stringValue).scalar = .number(JSONNumber(value)) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try encode(UInt64(value), forKey: key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try encode(UInt64(value), forKey: key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try encode(UInt64(value), forKey: key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try encode(UInt64(value), forKey: key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { node.member(key.stringValue).scalar = .number(JSONNumber(value)) }
        mutating func encode(_ value: some Encodable, forKey key: Key) throws {
            try Node.encode(value, into: node.member(key.stringValue), codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            NodeEncoder(node: node.member("super"), codingPath: codingPath)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            NodeEncoder(node: node.member(key.stringValue), codingPath: codingPath + [key])
        }
    }

    private struct UnkeyedContainer: UnkeyedEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]
        var count: Int { node.elements?.count ?? 0 }

        mutating func encodeNil() throws { node.appendElement().scalar = .null }
        mutating func encode(_ value: Bool) throws { node.appendElement().scalar = .bool(value) }
        mutating func encode(_ value: String) throws { node.appendElement().scalar = .string(value) }
        mutating func encode(_ value: Double) throws { node.appendElement().scalar = .number(try Node.finite(value, codingPath)) }
        mutating func encode(_ value: Float) throws { try encode(Double(value)) }
        mutating func encode(_ value: Int) throws { node.appendElement().scalar = .number(JSONNumber(Int64(value))) }
        mutating func encode(_ value: Int8) throws { try encode(Int(value)) }
        mutating func encode(_ value: Int16) throws { try encode(Int(value)) }
        mutating func encode(_ value: Int32) throws { try encode(Int(value)) }
        mutating func encode(_ value: Int64) throws { node.appendElement().scalar = .number(JSONNumber(value)) }
        mutating func encode(_ value: UInt) throws { try encode(UInt64(value)) }
        mutating func encode(_ value: UInt8) throws { try encode(UInt64(value)) }
        mutating func encode(_ value: UInt16) throws { try encode(UInt64(value)) }
        mutating func encode(_ value: UInt32) throws { try encode(UInt64(value)) }
        mutating func encode(_ value: UInt64) throws { node.appendElement().scalar = .number(JSONNumber(value)) }
        mutating func encode(_ value: some Encodable) throws {
            try Node.encode(value, into: node.appendElement(), codingPath: codingPath)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            NodeEncoder(node: node.appendElement(), codingPath: codingPath).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            NodeEncoder(node: node.appendElement(), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            NodeEncoder(node: node.appendElement(), codingPath: codingPath)
        }
    }

    private struct SingleValueContainer: SingleValueEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.scalar = .null }
        mutating func encode(_ value: Bool) throws { node.scalar = .bool(value) }
        mutating func encode(_ value: String) throws { node.scalar = .string(value) }
        mutating func encode(_ value: Double) throws { node.scalar = .number(try Node.finite(value, codingPath)) }
        mutating func encode(_ value: Float) throws { try encode(Double(value)) }
        mutating func encode(_ value: Int) throws { node.scalar = .number(JSONNumber(Int64(value))) }
        mutating func encode(_ value: Int8) throws { try encode(Int(value)) }
        mutating func encode(_ value: Int16) throws { try encode(Int(value)) }
        mutating func encode(_ value: Int32) throws { try encode(Int(value)) }
        mutating func encode(_ value: Int64) throws { node.scalar = .number(JSONNumber(value)) }
        mutating func encode(_ value: UInt) throws { try encode(UInt64(value)) }
        mutating func encode(_ value: UInt8) throws { try encode(UInt64(value)) }
        mutating func encode(_ value: UInt16) throws { try encode(UInt64(value)) }
        mutating func encode(_ value: UInt32) throws { try encode(UInt64(value)) }
        mutating func encode(_ value: UInt64) throws { node.scalar = .number(JSONNumber(value)) }
        mutating func encode(_ value: some Encodable) throws {
            try Node.encode(value, into: node, codingPath: codingPath)
        }
    }
}
