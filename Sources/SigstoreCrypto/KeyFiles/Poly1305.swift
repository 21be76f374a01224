/// The Poly1305 one-time authenticator (RFC 8439 §2.5): a polynomial over GF(2^130 − 5)
/// evaluated at the clamped `r`, plus `s`.
///
/// The accumulator is kept in three limbs of 44, 44 and 42 bits so that limb products fit a
/// `UInt128`; reduction and the final comparison with p are branch-free.
enum Poly1305 {
    static let keyByteCount = 32
    static let tagByteCount = 16

    private static let mask44: UInt64 = (1 << 44) - 1
    private static let mask42: UInt64 = (1 << 42) - 1

    /// The 16-byte tag of `message` under the one-time `key` (r ‖ s, 32 bytes).
    static func authenticate(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        precondition(key.count == keyByteCount, "Poly1305 takes a 32-byte key")
        // r, clamped (RFC 8439 §2.5.1), split into limbs: the masks fold the clamping in.
        let t0 = littleEndian64(key, at: 0)
        let t1 = littleEndian64(key, at: 8)
        let r0 = t0 & 0xffc_0fff_ffff
        let r1 = ((t0 >> 44) | (t1 << 20)) & 0xfff_ffc0_ffff
        let r2 = (t1 >> 24) & 0x00f_ffff_fc0f
        // 2^132 ≡ 4 · 5 (mod p): products that land above 2^130 wrap around times 20.
        let s1 = r1 * 20
        let s2 = r2 * 20

        var h0: UInt64 = 0
        var h1: UInt64 = 0
        var h2: UInt64 = 0
        var offset = 0
        while offset < message.count {
            let length = min(16, message.count - offset)
            var block = Array(message[offset..<(offset + length)])
            // Every block gets a 1 byte appended: bit 128 for full blocks, lower for the last partial one.
            var highBit: UInt64 = 1 << 40
            if length < 16 {
                block.append(1)
                block += [UInt8](repeating: 0, count: 16 - block.count)
                highBit = 0
            }
            let m0 = littleEndian64(block, at: 0)
            let m1 = littleEndian64(block, at: 8)
            h0 += m0 & mask44
            h1 += ((m0 >> 44) | (m1 << 20)) & mask44
            h2 += ((m1 >> 24) & mask42) | highBit

            let d0 = UInt128(h0) * UInt128(r0) + UInt128(h1) * UInt128(s2) + UInt128(h2) * UInt128(s1)
            var d1 = UInt128(h0) * UInt128(r1) + UInt128(h1) * UInt128(r0) + UInt128(h2) * UInt128(s2)
            var d2 = UInt128(h0) * UInt128(r2) + UInt128(h1) * UInt128(r1) + UInt128(h2) * UInt128(r0)
            d1 += d0 >> 44
            h0 = UInt64(truncatingIfNeeded: d0) & mask44
            d2 += d1 >> 44
            h1 = UInt64(truncatingIfNeeded: d1) & mask44
            let carry = UInt64(truncatingIfNeeded: d2 >> 42)
            h2 = UInt64(truncatingIfNeeded: d2) & mask42
            h0 += carry * 5
            h1 += h0 >> 44
            h0 &= mask44
            offset += 16
        }

        // Fully carry h, then reduce it below p by subtracting p when h ≥ p, without branching.
        var carry = h1 >> 44
        h1 &= mask44
        h2 += carry
        carry = h2 >> 42
        h2 &= mask42
        h0 += carry * 5
        carry = h0 >> 44
        h0 &= mask44
        h1 += carry
        carry = h1 >> 44
        h1 &= mask44
        h2 += carry
        carry = h2 >> 42
        h2 &= mask42
        h0 += carry * 5
        carry = h0 >> 44
        h0 &= mask44
        h1 += carry

        var g0 = h0 &+ 5
        carry = g0 >> 44
        g0 &= mask44
        var g1 = h1 &+ carry
        carry = g1 >> 44
        g1 &= mask44
        var g2 = h2 &+ carry &- (1 << 42)
        // g2's top bit is set exactly when h + 5 < 2^130, i.e. h < p: then keep h.
        let useG = (g2 >> 63) &- 1
        g0 &= useG
        g1 &= useG
        g2 &= useG
        h0 = (h0 & ~useG) | g0
        h1 = (h1 & ~useG) | g1
        h2 = (h2 & ~useG) | g2

        // tag = (h + s) mod 2^128.
        let s0 = littleEndian64(key, at: 16)
        let s1Word = littleEndian64(key, at: 24)
        h0 += s0 & mask44
        carry = h0 >> 44
        h0 &= mask44
        h1 += (((s0 >> 44) | (s1Word << 20)) & mask44) + carry
        carry = h1 >> 44
        h1 &= mask44
        h2 += ((s1Word >> 24) & mask42) + carry
        h2 &= mask42

        let low = h0 | (h1 << 44)
        let high = (h1 >> 20) | (h2 << 24)
        return littleEndianBytes(low) + littleEndianBytes(high)
    }

    private static func littleEndian64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        (0..<8).reduce(UInt64(0)) { word, index in word | UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
    }

    private static func littleEndianBytes(_ word: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) }
    }
}
