/// Writes the members of one protobuf message, the protobuf-JSON way.
///
/// Created at the top of a model's `encode(to:)`; call it in field order. Unset and default
/// values are left out, as proto3 does, unless the call says `always`.
package struct ProtoMessageWriter {
    private var container: KeyedEncodingContainer<ProtoJSONKey>

    package init(_ encoder: any Encoder) {
        container = encoder.container(keyedBy: ProtoJSONKey.self)
    }

    /// A message or other `Encodable` member; `nil` is left out.
    package mutating func encode(_ value: (some Encodable)?, as name: String) throws {
        guard let value else { return }
        try container.encode(value, forKey: ProtoJSONKey(name))
    }

    /// A `string` field; empty is left out unless `always`.
    package mutating func string(_ value: String, as name: String, always: Bool = false) throws {
        guard always || !value.isEmpty else { return }
        try container.encode(value, forKey: ProtoJSONKey(name))
    }

    /// A repeated field; empty is left out.
    package mutating func repeated(_ values: [some Encodable], as name: String) throws {
        guard !values.isEmpty else { return }
        try container.encode(values, forKey: ProtoJSONKey(name))
    }

    /// An `int64` or `uint64` field, written as a JSON string; 0 is left out unless `always`.
    package mutating func int64(_ value: some FixedWidthInteger, as name: String, always: Bool = false) throws {
        guard always || value != 0 else { return }
        try container.encode(String(value), forKey: ProtoJSONKey(name))
    }

    /// An `int32` or `uint32` field, written as a JSON number; 0 is left out.
    package mutating func int32(_ value: some FixedWidthInteger & Encodable, as name: String) throws {
        guard value != 0 else { return }
        try container.encode(value, forKey: ProtoJSONKey(name))
    }

    /// A `bytes` field as padded standard base64; empty is left out.
    package mutating func bytes(_ value: [UInt8], as name: String) throws {
        guard !value.isEmpty else { return }
        try container.encode(ProtoBase64.encode(value), forKey: ProtoJSONKey(name))
    }

    /// An `optional bytes` field; `nil` is left out, empty is written.
    package mutating func optionalBytes(_ value: [UInt8]?, as name: String) throws {
        guard let value else { return }
        try container.encode(ProtoBase64.encode(value), forKey: ProtoJSONKey(name))
    }

    /// A `repeated bytes` field; empty is left out unless `always`.
    package mutating func repeatedBytes(_ values: [[UInt8]], as name: String, always: Bool = false) throws {
        guard always || !values.isEmpty else { return }
        try container.encode(values.map { ProtoBase64.encode($0) }, forKey: ProtoJSONKey(name))
    }

    /// A timestamp field as RFC 3339 UTC text; `nil` is left out.
    package mutating func timestamp(_ value: ProtoTimestamp?, as name: String) throws {
        guard let value else { return }
        try container.encode(value.rfc3339, forKey: ProtoJSONKey(name))
    }

    /// An enum field by name; the zero value is left out.
    package mutating func enumeration<E: ProtoEnum>(_ value: E, as name: String) throws {
        guard value != E.protoDefault else { return }
        try container.encode(value.rawValue, forKey: ProtoJSONKey(name))
    }
}
