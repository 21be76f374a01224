import SwiftASN1

/// PKCS#1 `RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }` (RFC 8017 A.1.1).
struct PKCS1RSAPublicKey: DERImplicitlyTaggable, Hashable, Sendable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    /// Big-endian magnitude without leading zero bytes.
    var modulus: ArraySlice<UInt8>
    /// Big-endian magnitude without leading zero bytes.
    var publicExponent: ArraySlice<UInt8>

    init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        (modulus, publicExponent) = try DER.sequence(rootNode, identifier: identifier) { nodes in
            (try ArraySlice<UInt8>(derEncoded: &nodes), try ArraySlice<UInt8>(derEncoded: &nodes))
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(modulus)
            try coder.serialize(publicExponent)
        }
    }

    /// The modulus size in bits (0 for a zero modulus).
    var modulusBits: Int {
        guard let first = modulus.first(where: { $0 != 0 }) else { return 0 }
        let significantBytes = modulus.drop(while: { $0 == 0 }).count
        return significantBytes * 8 - first.leadingZeroBitCount
    }

    /// Whether the public exponent is 65537, the only one Sigstore deployments accept.
    var hasStandardExponent: Bool {
        Array(publicExponent.drop(while: { $0 == 0 })) == [0x01, 0x00, 0x01]
    }
}
