import Foundation
@testable import SigstoreCrypto
import Testing

/// Poly1305 against published vectors (RFC 8439, NaCl, Poly1305-AES paper, OpenSSL's collection).
@Suite struct Poly1305Tests {
    struct Vector: Decodable, CustomTestStringConvertible, Sendable {
        var name: String
        var key: String
        var message: String
        var tag: String
        var testDescription: String { name }
    }

    struct Vectors: Decodable {
        var source: String
        var vectors: [Vector]
    }

    static let vectors: [Vector] = (try? Fixture.json(Vectors.self, "cosign-keys/poly1305-vectors.json").vectors) ?? []

    @Test func theVectorFileLoads() {
        #expect(Self.vectors.count == 16)
    }

    @Test(arguments: vectors)
    func matchesThePublishedTag(_ vector: Vector) {
        #expect(Poly1305.authenticate([UInt8](hex: vector.message), key: [UInt8](hex: vector.key)).hex == vector.tag)
    }

    @Test func aChangedMessageBitChangesTheTag() throws {
        let vector = try #require(Self.vectors.first { $0.name == "RFC 8439 §2.5.2" })
        let message = [UInt8](hex: vector.message)
        for index in [0, 15, 16, message.count - 1] {
            #expect(Poly1305.authenticate(message.flippingBit(at: index), key: [UInt8](hex: vector.key)).hex != vector.tag)
        }
    }
}
