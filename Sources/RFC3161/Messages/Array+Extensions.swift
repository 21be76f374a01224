import SwiftASN1
import X509

extension Array where Element == Certificate.Extension {
    /// Parses `Extensions ::= SEQUENCE SIZE (1..MAX) OF Extension` under whatever tag `node` carries.
    init(parsing node: ASN1Node) throws {
        guard case .constructed(let children) = node.content else {
            throw ASN1Error.unexpectedFieldType(node.identifier)
        }
        self = try children.map { try Certificate.Extension(derEncoded: $0) }
        guard !self.isEmpty else {
            throw ASN1Error.invalidASN1Object(reason: "Extensions must not be empty")
        }
    }
}
