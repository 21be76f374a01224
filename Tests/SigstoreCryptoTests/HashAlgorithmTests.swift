import SigstoreCrypto
import Testing

@Suite struct HashAlgorithmTests {
    // FIPS 180-2 appendix examples: the one-block message "abc".
    static let abcVectors: [(HashAlgorithm, String)] = [
        (.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (.sha384, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
        (.sha512, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
    ]

    @Test(arguments: abcVectors)
    func hashesPublishedVector(algorithm: HashAlgorithm, expected: String) {
        let digest = algorithm.hash(Array("abc".utf8))
        #expect(digest.hex == expected)
        #expect(digest.count == algorithm.digestLength)
    }

    @Test(arguments: [(HashAlgorithm.sha256, "SHA2_256"), (.sha384, "SHA2_384"), (.sha512, "SHA2_512")])
    func mapsProtobufNames(algorithm: HashAlgorithm, name: String) {
        #expect(algorithm.protobufName == name)
        #expect(HashAlgorithm(protobufName: name) == algorithm)
    }

    @Test(arguments: ["HASH_ALGORITHM_UNSPECIFIED", "SHA3_256", "sha256", ""])
    func rejectsUnknownProtobufNames(name: String) {
        #expect(HashAlgorithm(protobufName: name) == nil)
    }
}
