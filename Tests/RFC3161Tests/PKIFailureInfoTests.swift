import RFC3161
import SwiftASN1
import Testing

@Suite struct PKIFailureInfoTests {
    // DER of the named BIT STRING: trailing zero bits dropped (X.690 §11.2.2), bit 0 = most significant.
    static let encodings: [(PKIFailureInfo, [UInt8])] = [
        (.badAlgorithm, [0x03, 0x02, 0x07, 0x80]),
        (.badRequest, [0x03, 0x02, 0x05, 0x20]),
        (.badDataFormat, [0x03, 0x02, 0x02, 0x04]),
        (.unacceptedPolicy, [0x03, 0x03, 0x00, 0x00, 0x01]),
        (.unacceptedExtension, [0x03, 0x04, 0x07, 0x00, 0x00, 0x80]),
        (.systemFailure, [0x03, 0x05, 0x06, 0x00, 0x00, 0x00, 0x40]),
        ([.badAlgorithm, .badDataFormat], [0x03, 0x02, 0x02, 0x84]),
        (PKIFailureInfo(), [0x03, 0x01, 0x00]),
    ]

    @Test("encodes named bits minimally", arguments: encodings)
    func encodes(_ info: PKIFailureInfo, _ der: [UInt8]) throws {
        var coder = DER.Serializer()
        try coder.serialize(info)
        #expect(coder.serializedBytes == der)
        #expect(try PKIFailureInfo(derEncoded: der) == info)
    }

    @Test func errorCodesMapToFailInfo() {
        #expect(TimestampError(.unsupportedHashAlgorithm, "").failureInfo == .badAlgorithm)
        #expect(TimestampError(.imprintLengthMismatch, "").failureInfo == .badDataFormat)
        #expect(TimestampError(.unacceptedPolicy, "").failureInfo == .unacceptedPolicy)
        #expect(TimestampError(.unacceptedExtension, "").failureInfo == .unacceptedExtension)
        #expect(TimestampError(.issuanceFailed, "").failureInfo == .systemFailure)
        #expect(TimestampError(.unacceptedPolicy, "").isRequestError)
        #expect(!TimestampError(.issuanceFailed, "").isRequestError)
    }
}
