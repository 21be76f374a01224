/// How Rekor v1 bodies spell bytes: Go's `encoding/json` writes `[]byte` and `strfmt.Base64`
/// as standard padded base64, and digests are lowercase hex.
///
/// Readers insist on exactly those forms, because a body must re-serialize to the very bytes
/// the log hashed; a second spelling of the same bytes would break that.
enum RekorFieldCoding {
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Bytes from hex text; `allowUppercase` is for wire formats whose schema allows `A-F`.
    static func bytes(fromHex text: String, allowUppercase: Bool = false) -> [UInt8]? {
        let symbols = Array(text.utf8)
        guard symbols.count % 2 == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(symbols.count / 2)
        var high: UInt8?
        for symbol in symbols {
            let value: UInt8
            switch symbol {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = symbol - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = symbol - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where allowUppercase: value = symbol - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let first = high {
                output.append(first << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return output
    }

    /// Bytes from standard padded base64, the only form Go writes.
    static func bytes(fromStandardBase64 text: String) -> [UInt8]? {
        guard let bytes = ProtoBase64.decode(text), ProtoBase64.encode(bytes) == text else { return nil }
        return bytes
    }
}

extension KeyedDecodingContainer {
    /// The error location of a member of this container.
    func fieldPath(_ key: Key) -> String {
        JSONCodingPath.format(codingPath, appending: key.stringValue)
    }

    /// A `format: byte` member: standard padded base64.
    func decodeStandardBase64(forKey key: Key) throws -> [UInt8] {
        let text = try decode(String.self, forKey: key)
        guard let bytes = RekorFieldCoding.bytes(fromStandardBase64: text) else {
            throw ModelError(.invalidValue, field: fieldPath(key), "not standard padded base64")
        }
        return bytes
    }

    /// A base64 member kept as text (signatures Rekor copies verbatim), checked for the standard alphabet.
    func decodeBase64Text(forKey key: Key) throws -> String {
        let text = try decode(String.self, forKey: key)
        guard RekorFieldCoding.bytes(fromStandardBase64: text) != nil else {
            throw ModelError(.invalidValue, field: fieldPath(key), "not standard padded base64")
        }
        return text
    }

    /// A hex member; lowercase only unless `allowUppercase`.
    func decodeHex(forKey key: Key, byteCount: Int? = nil, allowUppercase: Bool = false) throws -> [UInt8] {
        let text = try decode(String.self, forKey: key)
        guard let bytes = RekorFieldCoding.bytes(fromHex: text, allowUppercase: allowUppercase) else {
            throw ModelError(.invalidValue, field: fieldPath(key),
                             allowUppercase ? "not hexadecimal" : "not lowercase hexadecimal")
        }
        if let byteCount, bytes.count != byteCount {
            throw ModelError(.invalidValue, field: fieldPath(key),
                             "expected \(byteCount * 2) hex digits, found \(text.utf8.count)")
        }
        return bytes
    }
}

extension KeyedEncodingContainer {
    mutating func encodeStandardBase64(_ bytes: [UInt8], forKey key: Key) throws {
        try encode(ProtoBase64.encode(bytes), forKey: key)
    }

    mutating func encodeHex(_ bytes: [UInt8], forKey key: Key) throws {
        try encode(RekorFieldCoding.hex(bytes), forKey: key)
    }
}
