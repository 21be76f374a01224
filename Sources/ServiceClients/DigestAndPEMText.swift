import Crypto

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
