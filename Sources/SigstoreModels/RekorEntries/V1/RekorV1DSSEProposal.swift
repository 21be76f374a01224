extension RekorV1 {
    /// The `spec` of a `dsse 0.0.1` entry as clients propose it:
    /// `{"proposedContent":{"envelope":"<envelope JSON>","verifiers":["<base64 PEM>",…]}}`.
    ///
    /// The log never stores this form; it turns it into a ``DSSEEntry``.
    public struct DSSEProposal: Sendable, Hashable {
        public static let kind = "dsse"
        public static let apiVersion = "0.0.1"

        /// The DSSE envelope exactly as the client serialized it; its SHA-256 becomes `envelopeHash`.
        public var envelope: String
        /// The PEM bytes of every key or certificate needed to verify the envelope's signatures.
        public var verifiers: [[UInt8]]

        public init(envelope: String, verifiers: [[UInt8]]) {
            self.envelope = envelope
            self.verifiers = verifiers
        }
    }
}

extension RekorV1.DSSEProposal: Codable {
    private enum SpecKeys: String, CodingKey, CaseIterable {
        case proposedContent
        // Members the log computes. sigstore-python sends them as `null`; a value is refused.
        case envelopeHash, payloadHash, signatures
    }

    private enum ContentKeys: String, CodingKey {
        case envelope
        case verifiers
    }

    public init(from decoder: any Decoder) throws {
        let spec = try decoder.container(keyedBy: SpecKeys.self)
        let content = try spec.nestedContainer(keyedBy: ContentKeys.self, forKey: .proposedContent)
        for computed in [SpecKeys.envelopeHash, .payloadHash, .signatures] where spec.contains(computed) {
            guard try spec.decodeNil(forKey: computed) else {
                throw ModelError(.invalidValue, field: spec.fieldPath(computed), "computed by the log: leave it out (or null) in a proposed entry")
            }
        }
        self.envelope = try content.decode(String.self, forKey: .envelope)
        guard !envelope.isEmpty else {
            throw ModelError(.invalidValue, field: content.fieldPath(.envelope), "envelope is empty")
        }
        var list = try content.nestedUnkeyedContainer(forKey: .verifiers)
        var verifiers: [[UInt8]] = []
        while !list.isAtEnd {
            let path = content.fieldPath(.verifiers) + "[\(list.currentIndex)]"
            let text = try list.decode(String.self)
            guard let bytes = RekorFieldCoding.bytes(fromStandardBase64: text), !bytes.isEmpty else {
                throw ModelError(.invalidValue, field: path, "not standard padded base64 of a key or certificate")
            }
            verifiers.append(bytes)
        }
        guard !verifiers.isEmpty else {
            throw ModelError(.invalidValue, field: content.fieldPath(.verifiers), "at least one verifier is required")
        }
        self.verifiers = verifiers
    }

    public func encode(to encoder: any Encoder) throws {
        var spec = encoder.container(keyedBy: SpecKeys.self)
        var content = spec.nestedContainer(keyedBy: ContentKeys.self, forKey: .proposedContent)
        try content.encode(envelope, forKey: .envelope)
        try content.encode(verifiers.map { ProtoBase64.encode($0) }, forKey: .verifiers)
    }
}
