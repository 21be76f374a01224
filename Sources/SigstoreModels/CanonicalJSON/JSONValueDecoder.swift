extension JSONValue {
    /// Decodes a `Decodable` type from this value.
    ///
    /// Every object member must be read by the type (through `decode`, `decodeIfPresent` or
    /// `contains`) unless `rejectingUnknownMembers` is `false`, matching protobuf-JSON and
    /// Rekor's strict readers. Integers are read from the exact number text, so an `Int64` never
    /// passes through `Double`.
    ///
    /// - Throws: `ModelError` whose `field` is the path of the offending member.
    public func decode<T: Decodable>(_ type: T.Type, rejectingUnknownMembers: Bool = true) throws(ModelError) -> T {
        try decode(type, at: [], rejectingUnknownMembers: rejectingUnknownMembers)
    }

    /// Decodes a value found at `path` inside a larger document, so errors name the full path.
    func decode<T: Decodable>(_ type: T.Type, at path: [String], rejectingUnknownMembers: Bool) throws(ModelError) -> T {
        let session = DecodingSession()
        let decoded: T
        do {
            decoded = try session.decode(type, from: self, at: path.map(JSONCodingPath.Name.init))
        } catch {
            throw ModelError.from(error)
        }
        if rejectingUnknownMembers {
            for tracker in session.trackers {
                if let key = tracker.firstUnusedKey() {
                    throw ModelError(.unknownField, field: JSONCodingPath.format(tracker.codingPath, appending: key),
                                     "member is not defined by the schema")
                }
            }
        }
        return decoded
    }

    /// Parses bytes strictly and decodes a type from them.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: some Sequence<UInt8>, limits: JSONLimits,
                                     rejectingUnknownMembers: Bool = true) throws(ModelError) -> T {
        try JSONValue(parsing: bytes, limits: limits).decode(type, rejectingUnknownMembers: rejectingUnknownMembers)
    }
}

/// State shared by all decoders of one `decode` call.
final class DecodingSession {
    /// One tracker per object a type opened a keyed container on, in the order they were opened.
    private(set) var trackers: [MemberTracker] = []

    func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, at path: [any CodingKey]) throws -> T {
        if let value = value as? T { return value }  // JSONValue itself: keep it exactly
        return try T(from: JSONValueDecoder(value: value, codingPath: path, session: self))
    }

    func track(_ object: JSONObject, at path: [any CodingKey]) -> MemberTracker {
        let tracker = MemberTracker(object: object, codingPath: path)
        trackers.append(tracker)
        return tracker
    }
}

/// Records which members of an object a type asked for.
final class MemberTracker {
    let object: JSONObject
    let codingPath: [any CodingKey]
    private var used: Set<[UInt8]> = []

    init(object: JSONObject, codingPath: [any CodingKey]) {
        self.object = object
        self.codingPath = codingPath
    }

    /// Keys are remembered by their bytes: `Set<String>` would merge canonically equivalent keys.
    func markUsed(_ key: String) {
        used.insert(Array(key.utf8))
    }

    func firstUnusedKey() -> String? {
        object.keys.first { !used.contains(Array($0.utf8)) }
    }
}

/// A `Decoder` reading from a `JSONValue`.
struct JSONValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let session: DecodingSession
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else {
            throw JSONCodingPath.typeMismatch(expected: "an object", found: value, at: codingPath)
        }
        let tracker = session.track(object, at: codingPath)
        return KeyedDecodingContainer(JSONKeyedContainer<Key>(object: object, tracker: tracker,
                                                              codingPath: codingPath, session: session))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value else {
            throw JSONCodingPath.typeMismatch(expected: "an array", found: value, at: codingPath)
        }
        return JSONUnkeyedContainer(elements: elements, codingPath: codingPath, session: session)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        self
    }
}

extension JSONValueDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool { value.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try JSONScalar.bool(value, at: codingPath) }
    func decode(_ type: String.Type) throws -> String { try JSONScalar.string(value, at: codingPath) }
    func decode(_ type: Double.Type) throws -> Double { try JSONScalar.floating(value, at: codingPath) }
    func decode(_ type: Float.Type) throws -> Float { try JSONScalar.floating(value, at: codingPath) }
    func decode(_ type: Int.Type) throws -> Int { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: Int8.Type) throws -> Int8 { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: Int16.Type) throws -> Int16 { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: Int32.Type) throws -> Int32 { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: Int64.Type) throws -> Int64 { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: UInt.Type) throws -> UInt { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try JSONScalar.integer(value, at: codingPath) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try JSONScalar.integer(value, at: codingPath) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try session.decode(type, from: value, at: codingPath) }
}

/// Conversions from JSON scalars, with Sigstore-style errors.
enum JSONScalar {
    static func bool(_ value: JSONValue, at path: [any CodingKey]) throws -> Bool {
        guard case .bool(let flag) = value else {
            throw JSONCodingPath.typeMismatch(expected: "a boolean", found: value, at: path)
        }
        return flag
    }

    static func string(_ value: JSONValue, at path: [any CodingKey]) throws -> String {
        guard case .string(let string) = value else {
            throw JSONCodingPath.typeMismatch(expected: "a string", found: value, at: path)
        }
        return string
    }

    static func integer<T: FixedWidthInteger>(_ value: JSONValue, at path: [any CodingKey]) throws -> T {
        guard case .number(let number) = value else {
            throw JSONCodingPath.typeMismatch(expected: "an integer", found: value, at: path)
        }
        guard number.isIntegerLiteral else {
            throw ModelError(.invalidValue, field: JSONCodingPath.format(path), "\(number.literal) is not an integer")
        }
        guard let integer = T(number.literal) else {
            throw ModelError(.invalidValue, field: JSONCodingPath.format(path), "\(number.literal) is out of range for \(T.self)")
        }
        return integer
    }

    static func floating<T: BinaryFloatingPoint & LosslessStringConvertible>(_ value: JSONValue,
                                                                           at path: [any CodingKey]) throws -> T {
        guard case .number(let number) = value else {
            throw JSONCodingPath.typeMismatch(expected: "a number", found: value, at: path)
        }
        guard let floating = T(number.literal), floating.isFinite else {
            throw ModelError(.invalidValue, field: JSONCodingPath.format(path), "\(number.literal) is out of range for \(T.self)")
        }
        return floating
    }
}

/// Coding paths as Sigstore error locations: `spec.signatures[0].sig`.
enum JSONCodingPath {
    /// The coding key of an object member.
    struct Name: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { self.stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The coding key of an array element.
    struct Index: CodingKey {
        let intValue: Int?
        var stringValue: String { "Index \(intValue ?? 0)" }
        init(_ index: Int) { self.intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }

    static func format(_ path: [any CodingKey], appending key: String? = nil) -> String {
        var text = ""
        for component in path {
            if let index = component as? Index, let position = index.intValue {
                text += "[\(position)]"
            } else {
                text += text.isEmpty ? component.stringValue : "." + component.stringValue
            }
        }
        if let key {
            text += text.isEmpty ? key : "." + key
        }
        return text
    }

    static func typeMismatch(expected: String, found value: JSONValue, at path: [any CodingKey]) -> ModelError {
        ModelError(.wrongType, field: format(path), "expected \(expected), found \(value.typeName)")
    }
}

extension ModelError {
    /// Turns errors from `Decodable` implementations into `ModelError`s.
    static func from(_ error: any Error) -> ModelError {
        if let error = error as? ModelError { return error }
        guard let error = error as? DecodingError else {
            return ModelError(.invalidValue, field: "", "\(error)")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ModelError(.missingField, field: JSONCodingPath.format(context.codingPath, appending: key.stringValue),
                              "required member is missing")
        case .typeMismatch(_, let context):
            return ModelError(.wrongType, field: JSONCodingPath.format(context.codingPath), context.debugDescription)
        case .valueNotFound(_, let context):
            return ModelError(.missingField, field: JSONCodingPath.format(context.codingPath), context.debugDescription)
        case .dataCorrupted(let context):
            return ModelError(.invalidValue, field: JSONCodingPath.format(context.codingPath), context.debugDescription)
        @unknown default:
            return ModelError(.invalidValue, field: "", "\(error)")
        }
    }
}
