import Foundation
@testable import SigstoreCrypto
import Testing

@Suite struct MessageDigestTests {
    @Test(arguments: HashAlgorithm.allCases)
    func wrapsForeignDigestBytesExactly(algorithm: HashAlgorithm) {
        let bytes = (0..<algorithm.digestLength).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let digest = MessageDigest(bytes: bytes, algorithm: algorithm)
        switch digest {
        case .sha256(let d): #expect(algorithm == .sha256 && Array(d) == bytes)
        case .sha384(let d): #expect(algorithm == .sha384 && Array(d) == bytes)
        case .sha512(let d): #expect(algorithm == .sha512 && Array(d) == bytes)
        case nil: Issue.record("digest bytes were not accepted")
        }
    }

    @Test(arguments: HashAlgorithm.allCases)
    func equalsHashingTheMessage(algorithm: HashAlgorithm) {
        let message = Array("Signet".utf8)
        let wrapped = MessageDigest(bytes: algorithm.hash(message), algorithm: algorithm)
        let hashed = MessageDigest(hashing: message, with: algorithm)
        switch (wrapped, hashed) {
        case (.sha256(let a)?, .sha256(let b)): #expect(a == b)
        case (.sha384(let a)?, .sha384(let b)): #expect(a == b)
        case (.sha512(let a)?, .sha512(let b)): #expect(a == b)
        default: Issue.record("mismatched digest kinds")
        }
    }

    @Test(arguments: HashAlgorithm.allCases)
    func rejectsWrongLengths(algorithm: HashAlgorithm) {
        for length in [0, algorithm.digestLength - 1, algorithm.digestLength + 1] {
            #expect(MessageDigest(bytes: [UInt8](repeating: 7, count: length), algorithm: algorithm) == nil)
        }
    }
}
