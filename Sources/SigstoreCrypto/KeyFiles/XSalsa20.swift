/// XSalsa20: Salsa20/20 with a 192-bit nonce (Bernstein, "Extending the Salsa20 nonce").
///
/// The first 16 nonce bytes and the key give a subkey through HSalsa20; the last 8 nonce bytes
/// are the Salsa20 nonce under that subkey, with the block counter starting at 0.
enum XSalsa20 {
    static let keyByteCount = 32
    static let nonceByteCount = 24

    /// `input` xored with the XSalsa20 key stream for `key` and `nonce`, from stream byte 0.
    /// Encryption and decryption are the same operation.
    static func xor(_ input: [UInt8], key: [UInt8], nonce: [UInt8]) -> [UInt8] {
        precondition(key.count == keyByteCount && nonce.count == nonceByteCount, "XSalsa20 takes a 32-byte key and a 24-byte nonce")
        let subkey = Salsa20.hsalsa20(key: key, input: Array(nonce[0..<16]))
        var blockInput = Array(nonce[16..<24]) + [UInt8](repeating: 0, count: 8)
        var output = input
        var counter: UInt64 = 0
        var offset = 0
        while offset < output.count {
            for index in 0..<8 {
                blockInput[8 + index] = UInt8(truncatingIfNeeded: counter >> (8 * UInt64(index)))
            }
            let stream = Salsa20.block(key: subkey, input: blockInput)
            for index in 0..<min(64, output.count - offset) {
                output[offset + index] ^= stream[index]
            }
            offset += 64
            counter += 1
        }
        return output
    }
}
