import SwiftASN1

/// PKCS#8 `PrivateKeyInfo` / RFC 5958 `OneAsymmetricKey`:
/// `SEQUENCE { version, privateKeyAlgorithm, privateKey OCTET STRING, [0] attributes OPTIONAL, [1] publicKey OPTIONAL }`.
///
/// Only read: the key types themselves produce their PKCS#8 encodings.
struct PrivateKeyInfo: DERParseable, Sendable {
    var algorithm: AlgorithmIdentifier
    var privateKey: ArraySlice<UInt8>

    init(derEncoded rootNode: ASN1Node) throws {
        (algorithm, privateKey) = try DER.sequence(rootNode, identifier: .sequence) { nodes in
            let version = try Int(derEncoded: &nodes)
            guard version == 0 || version == 1 else {
                throw ASN1Error.invalidASN1Object(reason: "unknown PKCS#8 version \(version)")
            }
            let algorithm = try AlgorithmIdentifier(derEncoded: &nodes)
            let privateKey = try ASN1OctetString(derEncoded: &nodes).bytes
            // Attributes and the v2 public key are not needed: the public key is re-derived.
            while let node = nodes.next() {
                guard node.identifier.tagClass == .contextSpecific, node.identifier.tagNumber <= 1 else {
                    throw ASN1Error.invalidASN1Object(reason: "unexpected field in PKCS#8 private key")
                }
            }
            return (algorithm, privateKey)
        }
    }
}
