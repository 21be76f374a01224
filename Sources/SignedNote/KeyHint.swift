/// Conversions between a 32-bit key hint and its big-endian wire bytes.
enum KeyHint {
    /// The hint stored in the first four bytes of `bytes` (which must hold at least four).
    static func value(of bytes: some Collection<UInt8>) -> UInt32 {
        bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The four big-endian bytes of `hint`.
    static func bytes(of hint: UInt32) -> [UInt8] {
        [UInt8(hint >> 24), UInt8(hint >> 16 & 0xFF), UInt8(hint >> 8 & 0xFF), UInt8(hint & 0xFF)]
    }

    /// Eight lowercase hex digits, as in verifier key strings.
    static func hex(_ hint: UInt32) -> String {
        let digits = String(hint, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Parses exactly eight hex digits.
    static func parseHex(_ text: some StringProtocol) -> UInt32? {
        let isHex = text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) }
        guard text.utf8.count == 8, isHex else { return nil }
        return UInt32(text, radix: 16)
    }
}
