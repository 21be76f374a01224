import Foundation
@testable import SigstoreCrypto
import Testing

/// NaCl secretbox (XSalsa20-Poly1305) against the NaCl paper and against PyNaCl/libsodium.
@Suite struct SecretBoxTests {
    struct Vector: Decodable, Sendable, CustomTestStringConvertible {
        var key: String
        var nonce: String
        var message: String
        var box: String
        var testDescription: String { "\(message.count / 2) bytes" }
    }

    struct Vectors: Decodable {
        var source: String
        var vectors: [Vector]
    }

    static let pynacl: [Vector] = (try? Fixture.json(Vectors.self, "cosign-keys/secretbox-pynacl.json").vectors) ?? []

    @Test func thePapersBoxMatches() throws {
        let vector = try XSalsa20Tests.paper().secretbox
        let key = [UInt8](hex: vector.key)
        let nonce = [UInt8](hex: vector.nonce)
        #expect(SecretBox.seal([UInt8](hex: vector.message), key: key, nonce: nonce).hex == vector.box)
        #expect(SecretBox.open([UInt8](hex: vector.box), key: key, nonce: nonce)?.hex == vector.message)
    }

    @Test func theVectorFileLoads() {
        #expect(Self.pynacl.count == 18)
    }

    @Test(arguments: pynacl)
    func agreesWithPyNaCl(_ vector: Vector) {
        let key = [UInt8](hex: vector.key)
        let nonce = [UInt8](hex: vector.nonce)
        #expect(SecretBox.seal([UInt8](hex: vector.message), key: key, nonce: nonce).hex == vector.box)
        #expect(SecretBox.open([UInt8](hex: vector.box), key: key, nonce: nonce)?.hex == vector.message)
    }

    /// Any flipped bit (tag or ciphertext), a wrong key, a wrong nonce or a truncated box is refused.
    @Test func refusesAlteredBoxes() throws {
        let vector = try XSalsa20Tests.paper().secretbox
        let key = [UInt8](hex: vector.key)
        let nonce = [UInt8](hex: vector.nonce)
        let box = [UInt8](hex: vector.box)
        for index in [0, 15, 16, box.count - 1] {
            #expect(SecretBox.open(box.flippingBit(at: index), key: key, nonce: nonce) == nil)
        }
        #expect(SecretBox.open(box, key: key.flippingBit(at: 0), nonce: nonce) == nil)
        #expect(SecretBox.open(box, key: key, nonce: nonce.flippingBit(at: 23)) == nil)
        #expect(SecretBox.open(Array(box.prefix(15)), key: key, nonce: nonce) == nil)
        #expect(SecretBox.open(Array(box.dropLast()), key: key, nonce: nonce) == nil)
    }

    @Test func constantTimeEqualsComparesEveryByte() {
        #expect(SecretBox.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!SecretBox.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!SecretBox.constantTimeEquals([9, 2, 3], [1, 2, 3]))
        #expect(!SecretBox.constantTimeEquals([1, 2], [1, 2, 3]))
        #expect(SecretBox.constantTimeEquals([], []))
    }
}
