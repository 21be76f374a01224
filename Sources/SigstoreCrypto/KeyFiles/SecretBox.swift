/// NaCl's `crypto_secretbox_xsalsa20poly1305` in the layout golang.org/x/crypto's `secretbox`,
/// libsodium's `crypto_secretbox_easy` and PyNaCl produce: the 16-byte Poly1305 tag, then the
/// ciphertext.
///
/// The first 32 bytes of the XSalsa20 key stream are the one-time Poly1305 key; the message is
/// xored with the stream from byte 32 on, and the tag authenticates the ciphertext.
enum SecretBox {
    static let keyByteCount = XSalsa20.keyByteCount
    static let nonceByteCount = XSalsa20.nonceByteCount
    static let overhead = Poly1305.tagByteCount

    /// Encrypts and authenticates `plaintext`: tag ‖ ciphertext.
    static func seal(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8]) -> [UInt8] {
        let stream = XSalsa20.xor([UInt8](repeating: 0, count: 32) + plaintext, key: key, nonce: nonce)
        let ciphertext = Array(stream[32...])
        return Poly1305.authenticate(ciphertext, key: Array(stream[0..<32])) + ciphertext
    }

    /// Checks the tag in constant time and decrypts; `nil` when `box` is too short or the tag
    /// does not match (wrong key, or altered bytes).
    static func open(_ box: [UInt8], key: [UInt8], nonce: [UInt8]) -> [UInt8]? {
        guard box.count >= overhead else { return nil }
        let tag = Array(box[0..<overhead])
        let ciphertext = Array(box[overhead...])
        let stream = XSalsa20.xor([UInt8](repeating: 0, count: 32) + ciphertext, key: key, nonce: nonce)
        guard constantTimeEquals(Poly1305.authenticate(ciphertext, key: Array(stream[0..<32])), tag) else { return nil }
        return Array(stream[32...])
    }

    /// Compares two equal-length byte strings touching every byte, so timing reveals nothing
    /// about where they differ.
    static func constantTimeEquals(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices {
            difference |= lhs[index] ^ rhs[index]
        }
        return difference == 0
    }
}
