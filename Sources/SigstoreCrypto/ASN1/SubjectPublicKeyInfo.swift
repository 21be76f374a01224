import SwiftASN1

/// X.509 `SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }`.
struct SubjectPublicKeyInfo: DERImplicitlyTaggable, Hashable, Sendable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    var algorithm: AlgorithmIdentifier
    var key: ASN1BitString

    init(algorithm: AlgorithmIdentifier, key: ASN1BitString) {
        self.algorithm = algorithm
        self.key = key
    }

    init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let algorithm = try AlgorithmIdentifier(derEncoded: &nodes)
            let key = try ASN1BitString(derEncoded: &nodes)
            return SubjectPublicKeyInfo(algorithm: algorithm, key: key)
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(algorithm)
            try coder.serialize(key)
        }
    }

    /// The DER encoding of this structure.
    var derBytes: [UInt8] {
        var serializer = DER.Serializer()
        // Serializing in-memory ASN.1 values we built ourselves cannot fail.
        try! serializer.serialize(self)
        return serializer.serializedBytes
    }
}
