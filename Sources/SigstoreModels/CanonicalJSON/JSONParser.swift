/// A strict RFC 8259 parser for untrusted input (I-JSON, RFC 7493, where it matters for signing):
/// UTF-8 only, no duplicate member names, no lone surrogates, bounded size and depth.
struct JSONParser {
    private let bytes: [UInt8]
    private let limits: JSONLimits
    private var index = 0
    private var depth = 0
    /// Where the parser is, for error messages: object keys and array indexes from the root.
    private var path: [PathComponent] = []

    enum PathComponent {
        case key(String)
        case index(Int)
    }

    init(bytes: [UInt8], limits: JSONLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    mutating func parseDocument() throws(ModelError) -> JSONValue {
        guard bytes.count <= limits.maxBytes else {
            throw ModelError(.malformedJSON, field: "", "document is \(bytes.count) bytes, over the \(limits.maxBytes)-byte limit")
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw failure("a byte order mark is not allowed")
        }
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw failure("unexpected data after the JSON value") }
        return value
    }

    private mutating func parseValue() throws(ModelError) -> JSONValue {
        guard index < bytes.count else { throw failure("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw failure("unexpected character \(describe(bytes[index]))")
        }
    }

    private mutating func parseObject() throws(ModelError) -> JSONValue {
        try enterContainer()
        index += 1  // {
        var members: [JSONObject.Member] = []
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            index += 1
            depth -= 1
            return .object(JSONObject())
        }
        while true {
            guard peek(UInt8(ascii: "\"")) else { throw failure("expected a member name in double quotes") }
            let key = try parseString()
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw failure("expected ':' after a member name") }
            index += 1
            skipWhitespace()
            path.append(.key(key))
            let value = try parseValue()
            path.removeLast()
            members.append(JSONObject.Member(key: key, value: value))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                skipWhitespace()
                continue
            }
            guard peek(UInt8(ascii: "}")) else { throw failure("expected ',' or '}' in an object") }
            index += 1
            break
        }
        depth -= 1
        do {
            return .object(try JSONObject(members: members))
        } catch {
            path.append(.key(error.field))
            throw failure("duplicate object member")
        }
    }

    private mutating func parseArray() throws(ModelError) -> JSONValue {
        try enterContainer()
        index += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            index += 1
            depth -= 1
            return .array([])
        }
        while true {
            path.append(.index(elements.count))
            elements.append(try parseValue())
            path.removeLast()
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                index += 1
                skipWhitespace()
                continue
            }
            guard peek(UInt8(ascii: "]")) else { throw failure("expected ',' or ']' in an array") }
            index += 1
            break
        }
        depth -= 1
        return .array(elements)
    }

    private mutating func enterContainer() throws(ModelError) {
        depth += 1
        guard depth <= limits.maxDepth else {
            throw failure("nesting deeper than the limit of \(limits.maxDepth)")
        }
    }

    /// Parses a string at a `"`. Raw bytes are copied and validated as UTF-8 at the end; escapes
    /// are decoded to UTF-8, so the validation also rejects raw encodings of surrogates.
    private mutating func parseString() throws(ModelError) -> String {
        index += 1  // opening quote
        var buffer: [UInt8] = []
        while true {
            guard index < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let string = String(validating: buffer, as: UTF8.self) else {
                    throw failure("string is not valid UTF-8")
                }
                return string
            case UInt8(ascii: "\\"):
                index += 1
                try parseEscape(into: &buffer)
            case 0x00..<0x20:
                throw failure("control character \(describe(byte)) must be escaped in a string")
            default:
                // Copy the run of ordinary bytes up to the next quote, escape or control byte.
                let start = index
                while index < bytes.count, bytes[index] >= 0x20, bytes[index] != UInt8(ascii: "\""),
                    bytes[index] != UInt8(ascii: "\\")
                {
                    index += 1
                }
                buffer.append(contentsOf: bytes[start..<index])
            }
        }
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(ModelError) {
        guard index < bytes.count else { throw failure("unterminated escape sequence") }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try parseHexQuad()
            let scalarValue: UInt32
            switch unit {
            case 0xD800...0xDBFF:
                guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                    throw failure("high surrogate \\u\(hex(unit)) is not followed by a low surrogate")
                }
                index += 2
                let low = try parseHexQuad()
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw failure("high surrogate \\u\(hex(unit)) is not followed by a low surrogate")
                }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            case 0xDC00...0xDFFF:
                throw failure("lone low surrogate \\u\(hex(unit))")
            default:
                scalarValue = UInt32(unit)
            }
            // Every value here is a valid scalar: surrogates were combined or rejected above.
            buffer.append(contentsOf: Array(String(Character(Unicode.Scalar(scalarValue)!)).utf8))
        default:
            throw failure("invalid escape sequence \\\(describe(escape))")
        }
    }

    private mutating func parseHexQuad() throws(ModelError) -> UInt16 {
        guard index + 4 <= bytes.count else { throw failure("truncated \\u escape") }
        var value: UInt16 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("invalid hex digit \(describe(byte)) in a \\u escape")
            }
            value = value << 4 | UInt16(digit)
        }
        index += 4
        return value
    }

    private mutating func parseNumber() throws(ModelError) -> JSONNumber {
        let start = index
        while index < bytes.count, JSONParser.isNumberByte(bytes[index]) {
            index += 1
        }
        let text = Array(bytes[start..<index])
        guard JSONNumber.isValidLiteral(text) else {
            index = start
            throw failure("malformed number \(String(decoding: text, as: UTF8.self))")
        }
        return JSONNumber(validatedLiteral: String(decoding: text, as: UTF8.self))
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"),
            UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default:
            false
        }
    }

    private mutating func expectLiteral(_ literal: String) throws(ModelError) {
        guard bytes[index...].starts(with: literal.utf8) else { throw failure("invalid literal") }
        index += literal.utf8.count
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func peek(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    private func failure(_ message: String) -> ModelError {
        ModelError(.malformedJSON, field: JSONParser.format(path), "\(message) at byte \(index)")
    }

    private func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "0x\(hex(UInt16(byte)))"
    }

    private func hex(_ value: UInt16) -> String {
        let digits = String(value, radix: 16, uppercase: false)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Formats a location as `spec.signatures[0].sig`.
    static func format(_ path: [PathComponent]) -> String {
        var text = ""
        for component in path {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
