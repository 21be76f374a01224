import Crypto
import Foundation
import Testing
import SigstoreModels

@Suite struct DSSETests {
    /// The worked example in the DSSE protocol specification (secure-systems-lab/dsse protocol.md).
    @Test func preAuthEncodingMatchesTheSpecificationExample() {
        let encoding = DSSE.preAuthEncoding(payloadType: "http://example.com/HelloWorld", payload: Array("hello world".utf8))
        #expect(String(decoding: encoding, as: UTF8.self) == "DSSEv1 29 http://example.com/HelloWorld 11 hello world")
    }

    @Test(arguments: [
        ("", "", "DSSEv1 0  0 "),
        ("t\u{e9}", "\u{2014}", "DSSEv1 3 t\u{e9} 3 \u{2014}"),
        ("application/vnd.in-toto+json", "{}", "DSSEv1 28 application/vnd.in-toto+json 2 {}"),
    ])
    func preAuthEncodingCountsBytes(payloadType: String, payload: String, expected: String) {
        #expect(DSSE.preAuthEncoding(payloadType: payloadType, payload: Array(payload.utf8)) == Array(expected.utf8))
    }

    /// In this public-good bundle the log entry is a hashedrekord over SHA-256(PAE), which
    /// pins the encoding of a real envelope.
    @Test func preAuthEncodingOfRealEnvelopeMatchesItsLogEntry() throws {
        let bundle = try ProtoFixture.decode(SigstoreBundle.self, "bundles/v0.3-public-good-dsse-hashedrekord.sigstore.json")
        let envelope = try #require(bundle.dsseEnvelope)
        let digest = SHA256.hash(data: envelope.preAuthEncoding).map { String(format: "%02x", $0) }.joined()
        #expect(digest == "39696b4a46b1bb6758ba35a9b82ef7040a11be853dcd2c9f97e165b5aec0d0f8")
        #expect(envelope.payloadType == DSSE.inTotoPayloadType)
        #expect(envelope.signatures.count == 1)
        #expect(envelope.signatures[0].keyid.isEmpty)
    }

    @Test func envelopeRoundTripsAndOmitsEmptyKeyID() throws {
        let text = #"{"payload":"aGVsbG8sIHdvcmxkIQ==","payloadType":"text/plain","signatures":[{"sig":"AQID","keyid":""},{"sig":"BA==","keyid":"k1"}]}"#
        let envelope = try ProtoJSON.decode(DSSEEnvelope.self, from: Array(text.utf8))
        #expect(envelope.payload == Array("hello, world!".utf8))
        #expect(envelope.signatures == [.init(sig: [1, 2, 3]), .init(sig: [4], keyid: "k1")])
        let written = String(decoding: try ProtoJSON.encode(envelope), as: UTF8.self)
        #expect(written == #"{"payload":"aGVsbG8sIHdvcmxkIQ==","payloadType":"text/plain","signatures":[{"sig":"AQID"},{"sig":"BA==","keyid":"k1"}]}"#)
    }

    @Test(arguments: [
        (#"{"payload":"","signatures":[]}"#, ModelError.Code.missingField, "payloadType"),
        (#"{"payload":"","payload_type":"x"}"#, .unknownField, "payload_type"),
        (#"{"payloadType":"x","signatures":[{"keyid":"k"}]}"#, .missingField, "signatures[0].sig"),
        (#"{"payloadType":"x","signatures":[{"sig":"AQID","key_id":"k"}]}"#, .unknownField, "signatures[0].key_id"),
        (#"{"payloadType":"x","signatures":"AQID"}"#, .wrongType, "signatures"),
        (#"{"payloadType":"x","payload":"aGVsbG8_"}"#, nil, ""),
    ] as [(String, ModelError.Code?, String)])
    func envelopeDecodingIsStrict(text: String, code: ModelError.Code?, field: String) throws {
        guard let code else {
            #expect(try ProtoJSON.decode(DSSEEnvelope.self, from: Array(text.utf8)).payload == Array("hello?".utf8))
            return
        }
        expectModelError(code, field: field) { _ = try ProtoJSON.decode(DSSEEnvelope.self, from: Array(text.utf8)) }
    }
}
