import Crypto

/// Lowercase hexadecimal, as Rekor v1 writes hashes and log IDs.
enum Hex {
    static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

enum HexDigest {
    static func sha256(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }
}

/// PEM documents compared by content: the same blocks whatever the line wrapping.
enum PEMText {
    static func sameContent(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        let strip = { (bytes: [UInt8]) in bytes.filter { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: " ") } }
        return strip(lhs) == strip(rhs)
    }
}
