import SwiftASN1

/// An INTEGER kept as its content octets (two's complement), so nonces of any size and sign echo byte for byte.
struct RawInteger: BERImplicitlyTaggable, Hashable, Sendable {
    static var defaultIdentifier: ASN1Identifier { .integer }

    var bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        // DER additionally requires the fewest octets; the content is still kept verbatim.
        self = try RawInteger(berEncoded: node, withIdentifier: identifier)
        guard RawInteger.minimal(self.bytes) == self.bytes else {
            throw ASN1Error.invalidASN1IntegerEncoding(reason: "INTEGER not encoded in fewest number of octets")
        }
    }

    init(berEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        guard node.identifier == identifier else {
            throw ASN1Error.unexpectedFieldType(node.identifier)
        }
        guard case .primitive(let content) = node.content, !content.isEmpty else {
            throw ASN1Error.invalidASN1IntegerEncoding(reason: "INTEGER must be primitive and non-empty")
        }
        self.bytes = Array(content)
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        coder.appendPrimitiveNode(identifier: identifier) { $0.append(contentsOf: self.bytes) }
    }

    /// The same value in fewest octets, so two encodings of one number compare equal.
    static func minimal(_ bytes: [UInt8]) -> [UInt8] {
        var slice = bytes[...]
        while slice.count > 1, let first = slice.first, let second = slice.dropFirst().first {
            let redundant = (first == 0x00 && second & 0x80 == 0) || (first == 0xFF && second & 0x80 != 0)
            guard redundant else { break }
            slice = slice.dropFirst()
        }
        return Array(slice)
    }

    /// The content octets of a non-negative INTEGER whose magnitude is `value`.
    static func bytes(of value: UInt64) -> [UInt8] {
        let magnitude = withUnsafeBytes(of: value.bigEndian) { Array($0) }
        return minimal([0] + magnitude)
    }
}
