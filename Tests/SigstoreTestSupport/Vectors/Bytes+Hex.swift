public import Foundation

extension [UInt8] {
    /// Bytes from lowercase or uppercase hex; test vectors only (traps on malformed input).
    public init(hex: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.utf8.count / 2)
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        self = bytes
    }

    /// Bytes from standard base64; test vectors only (traps on malformed input).
    public init(base64: String) {
        self = [UInt8](Data(base64Encoded: base64)!)
    }

    /// Lowercase hex.
    public var hex: String {
        map { String(format: "%02x", $0) }.joined()
    }
}
