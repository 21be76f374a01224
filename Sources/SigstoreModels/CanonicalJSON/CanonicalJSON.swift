#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// RFC 8785 JSON Canonicalization Scheme (JCS): the byte form Rekor signs and hashes.
///
/// Output has no whitespace, object members sorted by UTF-16 code units, strings with only the
/// mandatory escapes, and numbers in ECMAScript form.
public enum CanonicalJSON {
    /// The canonical bytes of a value.
    ///
    /// - Throws: `ModelError` with code `.invalidValue` for a number outside the `Double` range.
    public static func serialize(_ value: JSONValue) throws(ModelError) -> [UInt8] {
        var writer = CanonicalJSONWriter()
        try writer.write(value)
        return writer.output
    }

    /// Parses JSON text strictly and returns its canonical bytes.
    public static func canonicalize(_ json: some Sequence<UInt8>, limits: JSONLimits) throws(ModelError) -> [UInt8] {
        try serialize(JSONValue(parsing: json, limits: limits))
    }

    /// The canonical bytes of what `JSONEncoder` (default strategies) writes for `value`, so the
    /// bytes do not depend on the encoder's member order, escaping or number style.
    ///
    /// The value is encoded into a tree by the protobuf-JSON tree encoder, which writes what
    /// `JSONEncoder` writes for every type the models use (no JSON text and re-parse in between).
    ///
    /// - Throws: `EncodingError` for a value that encodes nothing, a non-finite number or a `Decimal`.
    public static func encode(_ value: some Encodable) throws -> [UInt8] {
        let root = ProtoJSONSlot()
        try root.store(value, codingPath: [])
        guard !root.isEmpty else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "the value encoded nothing"))
        }
        return try serialize(JSONValue(root.resolved()))
    }
}

extension JSONValue {
    /// The value of a protobuf-JSON tree; members are put in canonical order.
    init(_ node: ProtoJSONNode) throws(ModelError) {
        switch node {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .number(let text):
            guard let number = JSONNumber(literal: text) else {
                throw ModelError(.invalidValue, field: "", "the encoder wrote \(text), which is not a JSON number")
            }
            self = .number(number)
        case .string(let text): self = .string(text)
        case .array(let elements):
            var values: [JSONValue] = []
            values.reserveCapacity(elements.count)
            for element in elements { values.append(try JSONValue(element)) }
            self = .array(values)
        case .object(let members):
            var converted: [JSONObject.Member] = []
            converted.reserveCapacity(members.count)
            for member in members { converted.append(JSONObject.Member(key: member.name, value: try JSONValue(member.value))) }
            self = .object(try JSONObject(members: converted))
        }
    }
}

/// Appends the canonical form of values to a byte buffer.
struct CanonicalJSONWriter {
    private(set) var output: [UInt8] = []

    mutating func write(_ value: JSONValue) throws(ModelError) {
        switch value {
        case .null:
            append("null")
        case .bool(let flag):
            append(flag ? "true" : "false")
        case .number(let number):
            append(try number.canonicalText())
        case .string(let string):
            writeString(string)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                try write(element)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (position, member) in object.members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.key)
                output.append(UInt8(ascii: ":"))
                try write(member.value)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// RFC 8785 §3.2.2.2: escape `"`, `\` and C0 controls only; everything else is raw UTF-8.
    mutating func writeString(_ string: String) {
        output.append(UInt8(ascii: "\""))
        // Most strings (base64, hex, names) need no escapes: copy them in one go.
        if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(contentsOf: string.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x08: append("\\b")
            case 0x09: append("\\t")
            case 0x0A: append("\\n")
            case 0x0C: append("\\f")
            case 0x0D: append("\\r")
            case 0x00..<0x20:
                let hexDigits = Array("0123456789abcdef".utf8)
                append("\\u00")
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func append(_ text: String) {
        output.append(contentsOf: text.utf8)
    }
}
