public import SwiftASN1

/// An X.509 `AlgorithmIdentifier`: an algorithm OID with optional parameters.
///
/// Hash algorithms are emitted with explicit NULL parameters, as OpenSSL's `ts` command and the
/// Sigstore timestamp authority do; on input both absent and NULL parameters are accepted.
public struct AlgorithmIdentifier: DERImplicitlyTaggable, BERImplicitlyTaggable, Hashable, Sendable {
    public static var defaultIdentifier: ASN1Identifier { .sequence }

    /// The algorithm's object identifier.
    public var algorithm: ASN1ObjectIdentifier
    /// The parameters, if any (`nil` when absent, which differs from an explicit NULL).
    public var parameters: ASN1Any?

    /// Creates an identifier from its parts.
    public init(algorithm: ASN1ObjectIdentifier, parameters: ASN1Any?) {
        self.algorithm = algorithm
        self.parameters = parameters
    }

    public init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(rootNode, identifier: identifier) { nodes in
            let algorithm = try ASN1ObjectIdentifier(derEncoded: &nodes)
            let parameters = nodes.next().map { ASN1Any(derEncoded: $0) }
            return AlgorithmIdentifier(algorithm: algorithm, parameters: parameters)
        }
    }

    public init(berEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try BER.sequence(rootNode, identifier: identifier) { nodes in
            let algorithm = try ASN1ObjectIdentifier(berEncoded: &nodes)
            let parameters = nodes.next().map { ASN1Any(berEncoded: $0) }
            return AlgorithmIdentifier(algorithm: algorithm, parameters: parameters)
        }
    }

    public func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(self.algorithm)
            if let parameters = self.parameters {
                try coder.serialize(parameters)
            }
        }
    }

    /// Whether the parameters are absent or an explicit NULL: the only forms hash algorithms may take.
    var hasNoParameters: Bool {
        guard let parameters else { return true }
        return (try? ASN1Null(asn1Any: parameters)) != nil
    }
}

extension AlgorithmIdentifier {
    static let nullParameters: ASN1Any = try! ASN1Any(erasing: ASN1Null())
}
