import SwiftASN1

/// A DER `TBSCertificate` (RFC 5280 §4.1) kept as its fields' original encodings, so that one
/// extension can be removed with every other byte left exactly as the CA signed it.
///
/// RFC 6962 §3.2 signs the precertificate's TBS without the poison, and verifiers rebuild the
/// same bytes from the final certificate's TBS without the SCT list. Decoding into a model and
/// re-encoding would risk drift in any field (string types, time formats, optional encodings);
/// splicing raw field encodings cannot drift.
struct TBSCertificate {
    /// One extension: its identity and its complete `Extension` encoding.
    struct RawExtension {
        var oid: ASN1ObjectIdentifier
        var critical: Bool
        /// The `extnValue` OCTET STRING contents.
        var value: ArraySlice<UInt8>
        /// The whole `Extension` SEQUENCE as encoded.
        var encoded: ArraySlice<UInt8>
    }

    static let extensionsTag = ASN1Identifier(tagWithNumber: 3, tagClass: .contextSpecific)
    private static let versionTag = ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
    private static let uniqueIDTags = [
        ASN1Identifier(tagWithNumber: 1, tagClass: .contextSpecific),
        ASN1Identifier(tagWithNumber: 2, tagClass: .contextSpecific),
    ]

    /// Every field before `extensions` (version through the unique IDs), as encoded.
    let leadingFields: [ArraySlice<UInt8>]
    /// The subject's DER SubjectPublicKeyInfo, as encoded.
    let subjectPublicKeyInfo: ArraySlice<UInt8>
    /// The extensions in certificate order.
    let extensions: [RawExtension]

    /// Parses a DER TBSCertificate.
    init(derEncoded bytes: ArraySlice<UInt8>) throws {
        let root = try Self.parse { try DER.parse(bytes) }
        guard root.identifier == .sequence, case .constructed(let children) = root.content else {
            throw CTError(.malformedEncoding, "a TBSCertificate is a DER SEQUENCE")
        }
        var fields = Array(children)
        var extensions: [RawExtension] = []
        if let last = fields.last, last.identifier == Self.extensionsTag {
            fields.removeLast()
            extensions = try Self.parseExtensions(last)
        }
        // version [0] is optional; then serial, signature, issuer, validity, subject, SPKI.
        let keyIndex = fields.first?.identifier == Self.versionTag ? 6 : 5
        guard fields.count > keyIndex,
            fields[keyIndex - 5].identifier == .integer,
            fields[(keyIndex - 4)...keyIndex].allSatisfy({ $0.identifier == .sequence }),
            fields[(keyIndex + 1)...].allSatisfy({ Self.uniqueIDTags.contains($0.identifier) })
        else {
            throw CTError(.malformedEncoding, "TBSCertificate fields are not serial, signature, issuer, validity, subject, key")
        }
        var seen = Set<ASN1ObjectIdentifier>()
        for ext in extensions where !seen.insert(ext.oid).inserted {
            throw CTError(.malformedEncoding, "TBSCertificate repeats extension \(ext.oid)")
        }
        self.leadingFields = fields.map(\.encodedBytes)
        self.subjectPublicKeyInfo = fields[keyIndex].encodedBytes
        self.extensions = extensions
    }

    /// Parses a DER Certificate and views its TBSCertificate.
    init(certificateDER bytes: ArraySlice<UInt8>) throws {
        let root = try Self.parse { try DER.parse(bytes) }
        guard root.identifier == .sequence, case .constructed(let children) = root.content,
            let tbs = children.first(where: { _ in true })
        else {
            throw CTError(.malformedEncoding, "a Certificate is a DER SEQUENCE starting with the TBSCertificate")
        }
        try self.init(derEncoded: tbs.encodedBytes)
    }

    /// The extension with `oid`, if present.
    func `extension`(_ oid: ASN1ObjectIdentifier) -> RawExtension? {
        extensions.first { $0.oid == oid }
    }

    /// The DER TBSCertificate with the extension `oid` removed and every other byte unchanged.
    ///
    /// When it was the only extension the `[3]` field is omitted, as RFC 5280 requires
    /// (`SIZE (1..MAX)`) and as other CT implementations do.
    ///
    /// - Throws: ``CTError/Code/missingExtension`` when there is no such extension.
    func removingExtension(_ oid: ASN1ObjectIdentifier) throws -> [UInt8] {
        let kept = extensions.filter { $0.oid != oid }
        guard kept.count < extensions.count else {
            throw CTError(.missingExtension, "the TBSCertificate has no extension \(oid)")
        }
        var serializer = DER.Serializer()
        serializer.appendConstructedNode(identifier: .sequence) { fields in
            for field in leadingFields {
                fields.serializeRawBytes(field)
            }
            guard !kept.isEmpty else { return }
            fields.appendConstructedNode(identifier: Self.extensionsTag) { wrapper in
                wrapper.appendConstructedNode(identifier: .sequence) { list in
                    for ext in kept {
                        list.serializeRawBytes(ext.encoded)
                    }
                }
            }
        }
        return serializer.serializedBytes
    }

    private static func parseExtensions(_ node: ASN1Node) throws -> [RawExtension] {
        guard case .constructed(let wrapper) = node.content else {
            throw CTError(.malformedEncoding, "TBSCertificate extensions [3] is not constructed")
        }
        var items = wrapper.makeIterator()
        guard let list = items.next(), items.next() == nil, list.identifier == .sequence,
            case .constructed(let extensionNodes) = list.content
        else {
            throw CTError(.malformedEncoding, "TBSCertificate extensions [3] must hold one SEQUENCE")
        }
        return try extensionNodes.map(Self.parseExtension)
    }

    private static func parseExtension(_ node: ASN1Node) throws -> RawExtension {
        guard node.identifier == .sequence, case .constructed(let parts) = node.content else {
            throw CTError(.malformedEncoding, "a certificate extension is a SEQUENCE")
        }
        var fields = parts.makeIterator()
        guard let oidNode = fields.next() else {
            throw CTError(.malformedEncoding, "a certificate extension is empty")
        }
        let oid = try parse { try ASN1ObjectIdentifier(derEncoded: oidNode) }
        var next = fields.next()
        var critical = false
        if let flag = next, flag.identifier == .boolean {
            critical = try parse { try Bool(derEncoded: flag) }
            next = fields.next()
        }
        guard let valueNode = next, valueNode.identifier == .octetString, case .primitive(let value) = valueNode.content,
            fields.next() == nil
        else {
            throw CTError(.malformedEncoding, "extension \(oid) is not OID, [critical], OCTET STRING")
        }
        return RawExtension(oid: oid, critical: critical, value: value, encoded: node.encodedBytes)
    }

    private static func parse<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw CTError(.malformedEncoding, "certificate DER: \(error)")
        }
    }
}
