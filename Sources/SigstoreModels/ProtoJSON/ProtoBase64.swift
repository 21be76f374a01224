/// Base64 as protobuf-JSON uses it for `bytes` fields.
///
/// Writers emit the standard alphabet with padding, the one form every Sigstore client
/// reads (sigstore-python rejects a missing pad and silently drops URL-safe characters).
/// Readers accept what protobuf-JSON allows: the standard or the URL-safe alphabet, padded
/// or not. Everything else is refused rather than guessed at: mixed alphabets, whitespace,
/// misplaced padding, impossible lengths and non-zero trailing bits.
package enum ProtoBase64 {
    private static let standardAlphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Standard padded base64 of `bytes`.
    package static func encode(_ bytes: some Collection<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var iterator = bytes.makeIterator()
        while let first = iterator.next() {
            let second = iterator.next()
            let third = iterator.next()
            let chunk = UInt32(first) << 16 | UInt32(second ?? 0) << 8 | UInt32(third ?? 0)
            output.append(standardAlphabet[Int(chunk >> 18 & 0x3F)])
            output.append(standardAlphabet[Int(chunk >> 12 & 0x3F)])
            output.append(second == nil ? UInt8(ascii: "=") : standardAlphabet[Int(chunk >> 6 & 0x3F)])
            output.append(third == nil ? UInt8(ascii: "=") : standardAlphabet[Int(chunk & 0x3F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes `text` encodes, or `nil` if it is not base64 in a form protobuf-JSON allows.
    package static func decode(_ text: String) -> [UInt8]? {
        var symbols = Array(text.utf8)
        var padding = 0
        while symbols.last == UInt8(ascii: "=") {
            symbols.removeLast()
            padding += 1
        }
        // Padding, when present, must complete the last quantum exactly.
        if padding > 0 && (padding > 2 || (symbols.count + padding) % 4 != 0) { return nil }
        if symbols.count % 4 == 1 { return nil }

        var usesStandard = false
        var usesURLSafe = false
        var output: [UInt8] = []
        output.reserveCapacity(symbols.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for symbol in symbols {
            let value: UInt8
            switch symbol {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = symbol - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = symbol - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = symbol - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"): value = 62; usesStandard = true
            case UInt8(ascii: "/"): value = 63; usesStandard = true
            case UInt8(ascii: "-"): value = 62; usesURLSafe = true
            case UInt8(ascii: "_"): value = 63; usesURLSafe = true
            default: return nil
            }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        if usesStandard && usesURLSafe { return nil }
        // Leftover bits must be zero, otherwise two different texts would mean the same bytes.
        if accumulator != 0 { return nil }
        return output
    }
}
