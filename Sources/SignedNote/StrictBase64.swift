import Foundation

/// Standard, padded base64 (RFC 4648 §4) that accepts only the canonical encoding.
///
/// Re-encoding the decoded bytes must give back the input, which rules out missing padding,
/// non-zero trailing bits and embedded whitespace. That keeps `format(parse(x)) == x` exact.
enum StrictBase64 {
    /// Decodes `text`, or returns nil unless it is the canonical encoding of some bytes.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        guard !text.isEmpty, let data = Data(base64Encoded: String(text)) else { return nil }
        let bytes = [UInt8](data)
        guard encode(bytes) == text else { return nil }
        return bytes
    }

    /// Encodes `bytes` as standard padded base64.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }
}
