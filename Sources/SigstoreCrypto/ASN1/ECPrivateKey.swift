import SwiftASN1

/// SEC 1 `ECPrivateKey ::= SEQUENCE { version INTEGER (1), privateKey OCTET STRING,
/// parameters [0] ECParameters OPTIONAL, publicKey [1] BIT STRING OPTIONAL }` (RFC 5915).
struct ECPrivateKey: DERParseable, Sendable {
    var privateKey: [UInt8]
    var namedCurve: ASN1ObjectIdentifier?
    var publicKey: [UInt8]?

    init(derEncoded rootNode: ASN1Node) throws {
        (privateKey, namedCurve, publicKey) = try DER.sequence(rootNode, identifier: .sequence) { nodes in
            guard try Int(derEncoded: &nodes) == 1 else {
                throw ASN1Error.invalidASN1Object(reason: "ECPrivateKey version must be 1")
            }
            let privateKey = Array(try ASN1OctetString(derEncoded: &nodes).bytes)
            let curve = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                try ASN1ObjectIdentifier(derEncoded: $0)
            }
            let publicKey = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific) {
                Array(try ASN1BitString(derEncoded: $0).bytes)
            }
            return (privateKey, curve, publicKey)
        }
    }
}
