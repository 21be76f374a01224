import Foundation
import OIDC
import Testing

/// Unpadded base64url (RFC 7515 §2), the encoding of every JWT part.
@Suite struct Base64URLTests {
    @Test func roundTripsEveryLengthAndByte() {
        for length in 0...40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 0xF8) }
            let text = Base64URL.encode(bytes)
            #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
            #expect(Base64URL.decode(text) == bytes, "length \(length)")
        }
        #expect(Base64URL.decode("-_-_") == [0xFB, 0xFF, 0xBF])
    }

    @Test(arguments: ["+", "/", "AA==", "A", "AAAAA", "AA AA", "é"])
    func refusesWhatIsNotUnpaddedBase64URL(_ text: String) {
        #expect(Base64URL.decode(text) == nil)
    }
}
