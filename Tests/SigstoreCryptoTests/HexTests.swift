import SigstoreCrypto
import Testing

@Suite struct HexTests {
    @Test func encodesLowercaseAndDecodesEitherCase() {
        let bytes: [UInt8] = [0x00, 0x0f, 0xa5, 0xff, 0x10]
        #expect(Hex.encode(bytes) == "000fa5ff10")
        #expect(Hex.decode("000fa5ff10") == bytes)
        #expect(Hex.decode("000FA5FF10") == bytes)
        #expect(Hex.encode([UInt8]()) == "")
        #expect(Hex.decode("") == [])
    }

    @Test(arguments: ["0", "abc", "zz", "0g", " 00", "00\n", "ü0"])
    func malformedTextIsRefused(_ text: String) {
        #expect(Hex.decode(text) == nil)
    }

    @Test func everyByteRoundTrips() {
        let all = (0...255).map(UInt8.init)
        #expect(Hex.decode(Hex.encode(all)) == all)
    }
}
