/// The Salsa20/20 core and HSalsa20, as specified in Bernstein's "The Salsa20 family of stream
/// ciphers" and "Extending the Salsa20 nonce" (XSalsa20). Only what NaCl's secretbox needs:
/// 256-bit keys, 20 rounds.
///
/// Not constant-time-sensitive beyond what ARX gives for free: every operation here is an add,
/// rotate or xor on 32-bit words, with no secret-dependent branches or table look-ups.
enum Salsa20 {
    /// "expand 32-byte k", the constant words σ0…σ3.
    private static let sigma: [UInt32] = [0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574]

    /// The 64-byte Salsa20 block for `key` (32 bytes) and `input` (16 bytes: an 8-byte nonce
    /// followed by an 8-byte little-endian block counter).
    static func block(key: [UInt8], input: [UInt8]) -> [UInt8] {
        let initial = state(key: key, input: input)
        var words = initial
        doubleRounds(&words)
        var output = [UInt8]()
        output.reserveCapacity(64)
        for index in 0..<16 {
            appendLittleEndian(words[index] &+ initial[index], to: &output)
        }
        return output
    }

    /// HSalsa20: 20 rounds over `key` and a 16-byte `input`, without the final addition,
    /// keeping words 0, 5, 10, 15, 6, 7, 8, 9. XSalsa20 derives its subkey with it.
    static func hsalsa20(key: [UInt8], input: [UInt8]) -> [UInt8] {
        var words = state(key: key, input: input)
        doubleRounds(&words)
        var output = [UInt8]()
        output.reserveCapacity(32)
        for index in [0, 5, 10, 15, 6, 7, 8, 9] {
            appendLittleEndian(words[index], to: &output)
        }
        return output
    }

    /// The initial 4×4 matrix: constants on the diagonal, the key around them, the input in the middle.
    private static func state(key: [UInt8], input: [UInt8]) -> [UInt32] {
        precondition(key.count == 32 && input.count == 16, "Salsa20 takes a 32-byte key and a 16-byte input")
        let k = (0..<8).map { littleEndianWord(key, at: 4 * $0) }
        let n = (0..<4).map { littleEndianWord(input, at: 4 * $0) }
        return [
            sigma[0], k[0], k[1], k[2],
            k[3], sigma[1], n[0], n[1],
            n[2], n[3], sigma[2], k[4],
            k[5], k[6], k[7], sigma[3],
        ]
    }

    /// Ten double rounds (a column round then a row round each): Salsa20/20.
    private static func doubleRounds(_ x: inout [UInt32]) {
        for _ in 0..<10 {
            quarterRound(&x, 0, 4, 8, 12)
            quarterRound(&x, 5, 9, 13, 1)
            quarterRound(&x, 10, 14, 2, 6)
            quarterRound(&x, 15, 3, 7, 11)
            quarterRound(&x, 0, 1, 2, 3)
            quarterRound(&x, 5, 6, 7, 4)
            quarterRound(&x, 10, 11, 8, 9)
            quarterRound(&x, 15, 12, 13, 14)
        }
    }

    private static func quarterRound(_ x: inout [UInt32], _ a: Int, _ b: Int, _ c: Int, _ d: Int) {
        x[b] ^= rotateLeft(x[a] &+ x[d], 7)
        x[c] ^= rotateLeft(x[b] &+ x[a], 9)
        x[d] ^= rotateLeft(x[c] &+ x[b], 13)
        x[a] ^= rotateLeft(x[d] &+ x[c], 18)
    }

    private static func rotateLeft(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value << count) | (value >> (32 - count))
    }

    static func littleEndianWord(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    private static func appendLittleEndian(_ word: UInt32, to bytes: inout [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: word))
        bytes.append(UInt8(truncatingIfNeeded: word >> 8))
        bytes.append(UInt8(truncatingIfNeeded: word >> 16))
        bytes.append(UInt8(truncatingIfNeeded: word >> 24))
    }
}
