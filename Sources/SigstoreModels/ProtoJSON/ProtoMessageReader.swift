/// Reads the members of one protobuf message from a JSON object, the protobuf-JSON way.
///
/// Created at the top of a model's `init(from:)`; it rejects members the message does not
/// define and the same field given in both spellings. Each accessor takes the field's JSON
/// name, accepts its `.proto` spelling too, and treats `null` like an absent member.
/// Errors carry the full path of the member.
package struct ProtoMessageReader {
    private let container: KeyedDecodingContainer<ProtoJSONKey>
    private var keys: [String: ProtoJSONKey] = [:]

    package init(_ decoder: any Decoder, fields: ProtoFields) throws {
        container = try decoder.container(keyedBy: ProtoJSONKey.self)
        for key in container.allKeys {
            guard let name = fields.jsonName(forSpelling: key.stringValue) else {
                throw ModelError(.unknownField, field: path(key), "unknown member")
            }
            if let other = keys[name] {
                // Name the .proto spelling, whichever of the two Foundation listed first.
                let alternate = key.stringValue == name ? other : key
                throw ModelError(.invalidValue, field: path(alternate), "member given twice, in two spellings")
            }
            keys[name] = key
        }
    }

    /// Whether the member is present and not `null`.
    package func contains(_ name: String) -> Bool {
        (try? key(name)) != nil
    }

    /// A message or other `Decodable` member, or `nil` when absent.
    package func decode<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        guard let key = try key(name) else { return nil }
        return try container.decode(type, forKey: key)
    }

    /// A member that must be present.
    package func require<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let value = try decode(name, as: type) else { throw missing(name) }
        return value
    }

    /// A `string` field; absent means empty.
    package func string(_ name: String) throws -> String {
        try decode(name, as: String.self) ?? ""
    }

    /// A `string` field that must be present and non-empty (proto3 cannot tell the two apart).
    package func requiredString(_ name: String) throws -> String {
        let value = try string(name)
        guard !value.isEmpty else { throw missing(name) }
        return value
    }

    /// A repeated field; absent means empty.
    package func repeated<T: Decodable>(_ name: String, of type: T.Type = T.self) throws -> [T] {
        try decode(name, as: [T].self) ?? []
    }

    /// An integer field (`int64`, `uint64`, `int32`, `uint32`) from a JSON string or number;
    /// absent means 0.
    package func integer<I: FixedWidthInteger & Decodable>(_ name: String, as type: I.Type = I.self) throws -> I {
        guard let key = try key(name) else { return 0 }
        if let text = try? container.decode(String.self, forKey: key) {
            guard let value = Self.parseInteger(text, as: I.self) else {
                throw ModelError(.invalidValue, field: path(key), "\"\(text)\" is not an integer in range of \(I.self)")
            }
            return value
        }
        do {
            return try container.decode(I.self, forKey: key)
        } catch DecodingError.typeMismatch {
            throw ModelError(.wrongType, field: path(key), "expected an integer as a string or number")
        } catch {
            // Foundation reports fractions and overflow with an internal error type.
            throw ModelError(.invalidValue, field: path(key), "not an integer in range of \(I.self)")
        }
    }

    /// A `bytes` field from base64; absent means empty.
    package func bytes(_ name: String) throws -> [UInt8] {
        try optionalBytes(name) ?? []
    }

    /// An `optional bytes` field, `nil` when absent.
    package func optionalBytes(_ name: String) throws -> [UInt8]? {
        guard let key = try key(name) else { return nil }
        return try base64(container.decode(String.self, forKey: key), at: path(key))
    }

    /// A `bytes` field that must be present and non-empty.
    package func requiredBytes(_ name: String) throws -> [UInt8] {
        let value = try bytes(name)
        guard !value.isEmpty else { throw missing(name) }
        return value
    }

    /// A `repeated bytes` field.
    package func repeatedBytes(_ name: String) throws -> [[UInt8]] {
        guard let key = try key(name) else { return [] }
        let texts = try container.decode([String].self, forKey: key)
        return try texts.enumerated().map { index, text in
            try base64(text, at: path(key) + "[\(index)]")
        }
    }

    /// A `google.protobuf.Timestamp` field.
    package func timestamp(_ name: String) throws -> ProtoTimestamp? {
        guard let key = try key(name) else { return nil }
        let text = try container.decode(String.self, forKey: key)
        guard let value = ProtoTimestamp(rfc3339: text) else {
            throw ModelError(.invalidValue, field: path(key), "\"\(text)\" is not an RFC 3339 timestamp")
        }
        return value
    }

    /// An enum field by name or number; absent means the zero value.
    package func enumeration<E: ProtoEnum>(_ name: String, as type: E.Type = E.self) throws -> E {
        guard let key = try key(name) else { return E.protoDefault }
        if let text = try? container.decode(String.self, forKey: key) {
            guard let value = E(rawValue: text) else {
                throw ModelError(.invalidValue, field: path(key), "\"\(text)\" is not a \(E.self) name")
            }
            return value
        }
        let number = try integer(name, as: Int32.self)
        guard let value = E(protoNumber: Int(number)) else {
            throw ModelError(.invalidValue, field: path(key), "\(number) is not a \(E.self) number")
        }
        return value
    }

    /// Which member of a `oneof` is set, or `nil` for none; setting two is an error, as in
    /// every protobuf-JSON parser.
    package func oneof(_ names: String...) throws -> String? {
        var chosen: String?
        for name in names where contains(name) {
            if let chosen {
                throw ModelError(.invalidValue, field: try path(key(name)!), "only one of \(chosen) and \(name) may be set")
            }
            chosen = name
        }
        return chosen
    }

    /// The error for a required member that is absent.
    package func missing(_ name: String) -> ModelError {
        ModelError(.missingField, field: ProtoJSON.fieldPath(container.codingPath + [ProtoJSONKey(name)]), "required member is missing")
    }

    /// An error about member `name` (present or not), for checks the model makes itself.
    package func error(_ code: ModelError.Code, _ name: String, _ message: String) -> ModelError {
        let found: ProtoJSONKey? = try? key(name)
        return ModelError(code, field: path(found ?? ProtoJSONKey(name)), message)
    }

    private func key(_ name: String) throws -> ProtoJSONKey? {
        guard let key = keys[name], try !container.decodeNil(forKey: key) else { return nil }
        return key
    }

    private func path(_ key: ProtoJSONKey) -> String {
        ProtoJSON.fieldPath(container.codingPath + [key])
    }

    private func base64(_ text: String, at path: String) throws -> [UInt8] {
        guard let bytes = ProtoBase64.decode(text) else {
            throw ModelError(.invalidValue, field: path, "not base64")
        }
        return bytes
    }

    // Digits with an optional leading minus; no sign for unsigned types, no spaces, no
    // fractions or exponents.
    private static func parseInteger<I: FixedWidthInteger>(_ text: String, as type: I.Type) -> I? {
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !body.isEmpty, body.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        return I(text, radix: 10)
    }
}
