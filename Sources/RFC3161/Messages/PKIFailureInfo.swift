public import SwiftASN1

/// Why a time-stamp request was rejected (RFC 3161 §2.4.2), a named BIT STRING.
///
/// Raw bit `n` of the option set is ASN.1 bit `n` (bit 0 is the first, most significant bit on the wire).
public struct PKIFailureInfo: OptionSet, Hashable, Sendable {
    public var rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    private init(bit: Int) {
        self.rawValue = 1 << UInt32(bit)
    }

    /// Unrecognized or unsupported algorithm identifier.
    public static let badAlgorithm = PKIFailureInfo(bit: 0)
    /// Transaction not permitted or supported.
    public static let badRequest = PKIFailureInfo(bit: 2)
    /// The data submitted has the wrong format.
    public static let badDataFormat = PKIFailureInfo(bit: 5)
    /// The TSA's time source is not available.
    public static let timeNotAvailable = PKIFailureInfo(bit: 14)
    /// The requested TSA policy is not supported by the TSA.
    public static let unacceptedPolicy = PKIFailureInfo(bit: 15)
    /// The requested extension is not supported by the TSA.
    public static let unacceptedExtension = PKIFailureInfo(bit: 16)
    /// The additional information requested could not be understood or is not available.
    public static let addInfoNotAvailable = PKIFailureInfo(bit: 17)
    /// The request cannot be handled due to system failure.
    public static let systemFailure = PKIFailureInfo(bit: 25)
}

extension PKIFailureInfo: DERImplicitlyTaggable, BERImplicitlyTaggable {
    public static var defaultIdentifier: ASN1Identifier { .bitString }

    public init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self.init(bitString: try ASN1BitString(derEncoded: node, withIdentifier: identifier))
    }

    public init(berEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self.init(bitString: try ASN1BitString(berEncoded: node, withIdentifier: identifier))
    }

    private init(bitString: ASN1BitString) {
        var value: UInt32 = 0
        // Bits past 31 name no failure RFC 3161 defines; they are dropped rather than rejected.
        for (byteIndex, byte) in bitString.bytes.prefix(4).enumerated() {
            value |= UInt32(byte) << UInt32(24 - 8 * byteIndex)
        }
        self.rawValue = PKIFailureInfo.reversingBits(value)
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        // DER drops trailing zero bits of a named bit list (X.690 §11.2.2).
        let wire = PKIFailureInfo.reversingBits(self.rawValue)
        let bitCount = wire == 0 ? 0 : 32 - wire.trailingZeroBitCount
        let byteCount = (bitCount + 7) / 8
        let bytes = (0..<byteCount).map { UInt8(truncatingIfNeeded: wire >> UInt32(24 - 8 * $0)) }
        let bitString = ASN1BitString(bytes: bytes[...], paddingBits: byteCount * 8 - bitCount)
        try bitString.serialize(into: &coder, withIdentifier: identifier)
    }

    /// Maps ASN.1 bit order (bit 0 = most significant) to option-set order (bit 0 = least significant).
    private static func reversingBits(_ value: UInt32) -> UInt32 {
        var input = value
        var output: UInt32 = 0
        for _ in 0..<32 {
            output = (output << 1) | (input & 1)
            input >>= 1
        }
        return output
    }
}
