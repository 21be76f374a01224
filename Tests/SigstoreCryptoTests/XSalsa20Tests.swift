import Foundation
@testable import SigstoreCrypto
import Testing

/// HSalsa20 and the XSalsa20 key stream against the worked example of Bernstein's
/// "Cryptography in NaCl" (the same bytes as libsodium's core1 and secretbox tests).
@Suite struct XSalsa20Tests {
    struct HSalsa20Vector: Decodable {
        var key: String
        var input: String
        var output: String
    }

    struct SecretBoxVector: Decodable {
        var key: String
        var nonce: String
        var message: String
        var oneTimeKey: String
        var box: String
    }

    struct NaClPaper: Decodable {
        var hsalsa20: HSalsa20Vector
        var secretbox: SecretBoxVector
    }

    static func paper() throws -> NaClPaper {
        try Fixture.json(NaClPaper.self, "cosign-keys/nacl-paper.json")
    }

    @Test func hsalsa20DerivesThePapersFirstKey() throws {
        let vector = try Self.paper().hsalsa20
        #expect(Salsa20.hsalsa20(key: [UInt8](hex: vector.key), input: [UInt8](hex: vector.input)).hex == vector.output)
    }

    /// The first 32 key stream bytes are the Poly1305 key of the paper's onetimeauth example.
    @Test func keyStreamStartsWithThePapersOneTimeKey() throws {
        let vector = try Self.paper().secretbox
        let stream = XSalsa20.xor([UInt8](repeating: 0, count: 32), key: [UInt8](hex: vector.key), nonce: [UInt8](hex: vector.nonce))
        #expect(stream.hex == vector.oneTimeKey)
    }

    /// 163 bytes: three Salsa20 blocks, so the block counter is exercised.
    @Test func keyStreamEncryptsThePapersMessage() throws {
        let vector = try Self.paper().secretbox
        let key = [UInt8](hex: vector.key)
        let nonce = [UInt8](hex: vector.nonce)
        let stream = XSalsa20.xor([UInt8](repeating: 0, count: 32) + [UInt8](hex: vector.message), key: key, nonce: nonce)
        #expect(Array(stream[32...]).hex == String(vector.box.dropFirst(32)))
        #expect(XSalsa20.xor(stream, key: key, nonce: nonce) == [UInt8](repeating: 0, count: 32) + [UInt8](hex: vector.message))
    }

    @Test func anotherNonceGivesAnotherStream() throws {
        let vector = try Self.paper().secretbox
        let nonce = [UInt8](hex: vector.nonce).flippingBit(at: 23)
        let stream = XSalsa20.xor([UInt8](repeating: 0, count: 32), key: [UInt8](hex: vector.key), nonce: nonce)
        #expect(stream.hex != vector.oneTimeKey)
    }
}
