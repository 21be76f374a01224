/// Keyed access to a JSON object; records every member asked for, so the caller can reject the rest.
struct JSONKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let object: JSONObject
    let tracker: MemberTracker
    let codingPath: [any CodingKey]
    let session: DecodingSession

    var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool {
        tracker.markUsed(key.stringValue)
        return object[key.stringValue] != nil
    }

    private func value(for key: Key) throws -> JSONValue {
        tracker.markUsed(key.stringValue)
        guard let value = object[key.stringValue] else {
            throw ModelError(.missingField, field: JSONCodingPath.format(codingPath, appending: key.stringValue),
                             "required member is missing")
        }
        return value
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool { try value(for: key).isNull }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try JSONScalar.bool(value(for: key), at: path(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try JSONScalar.string(value(for: key), at: path(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try JSONScalar.floating(value(for: key), at: path(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try JSONScalar.floating(value(for: key), at: path(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try JSONScalar.integer(value(for: key), at: path(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try JSONScalar.integer(value(for: key), at: path(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try JSONScalar.integer(value(for: key), at: path(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try JSONScalar.integer(value(for: key), at: path(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try JSONScalar.integer(value(for: key), at: path(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try JSONScalar.integer(value(for: key), at: path(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try JSONScalar.integer(value(for: key), at: path(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try JSONScalar.integer(value(for: key), at: path(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try JSONScalar.integer(value(for: key), at: path(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try JSONScalar.integer(value(for: key), at: path(key)) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try session.decode(type, from: value(for: key), at: path(key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type,
                                               forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try JSONValueDecoder(value: value(for: key), codingPath: path(key), session: session).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try JSONValueDecoder(value: value(for: key), codingPath: path(key), session: session).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        JSONValueDecoder(value: .object(object), codingPath: codingPath, session: session)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        JSONValueDecoder(value: try value(for: key), codingPath: path(key), session: session)
    }
}

/// Sequential access to a JSON array.
struct JSONUnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [JSONValue]
    let codingPath: [any CodingKey]
    let session: DecodingSession
    private(set) var currentIndex = 0

    init(elements: [JSONValue], codingPath: [any CodingKey], session: DecodingSession) {
        self.elements = elements
        self.codingPath = codingPath
        self.session = session
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private var currentPath: [any CodingKey] { codingPath + [JSONCodingPath.Index(currentIndex)] }

    private mutating func next() throws -> JSONValue {
        guard !isAtEnd else {
            throw ModelError(.missingField, field: JSONCodingPath.format(currentPath), "array has too few elements")
        }
        defer { currentIndex += 1 }
        return elements[currentIndex]
    }

    private mutating func scalar<T>(_ convert: (JSONValue, [any CodingKey]) throws -> T) throws -> T {
        let path = currentPath
        return try convert(next(), path)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try scalar(JSONScalar.bool) }
    mutating func decode(_ type: String.Type) throws -> String { try scalar(JSONScalar.string) }
    mutating func decode(_ type: Double.Type) throws -> Double { try scalar(JSONScalar.floating) }
    mutating func decode(_ type: Float.Type) throws -> Float { try scalar(JSONScalar.floating) }
    mutating func decode(_ type: Int.Type) throws -> Int { try scalar(JSONScalar.integer) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try scalar(JSONScalar.integer) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try scalar(JSONScalar.integer) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try scalar(JSONScalar.integer) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try scalar(JSONScalar.integer) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try scalar(JSONScalar.integer) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(JSONScalar.integer) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(JSONScalar.integer) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(JSONScalar.integer) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(JSONScalar.integer) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let path = currentPath
        let session = session
        return try session.decode(type, from: next(), at: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let path = currentPath
        return try JSONValueDecoder(value: next(), codingPath: path, session: session).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let path = currentPath
        return try JSONValueDecoder(value: next(), codingPath: path, session: session).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let path = currentPath
        return JSONValueDecoder(value: try next(), codingPath: path, session: session)
    }
}
