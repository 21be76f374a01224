import Crypto

extension RekorV1 {
    /// The `spec` of a stored `dsse 0.0.1` entry: hashes of the envelope and its payload, and
    /// each signature with the key that verified it. The envelope itself is not logged.
    public struct DSSEEntry: Sendable, Hashable {
        public static let kind = "dsse"
        public static let apiVersion = "0.0.1"

        /// One envelope signature and its verifier.
        public struct Signature: Sendable, Hashable {
            /// The envelope's `sig`, base64 text copied verbatim from the envelope.
            public var signature: String
            /// The canonical PEM bytes of the key or certificate that verified it.
            public var verifier: [UInt8]

            public init(signature: String, verifier: [UInt8]) {
                self.signature = signature
                self.verifier = verifier
            }

            /// The raw signature bytes, or `nil` when `signature` is not base64.
            public var signatureBytes: [UInt8]? { ProtoBase64.decode(signature) }
        }

        /// SHA-256 of the envelope text the client proposed.
        public var envelopeHash: RekorHash
        /// SHA-256 of the decoded envelope payload.
        public var payloadHash: RekorHash
        /// Sorted by `signature` text, as Rekor stores them.
        public var signatures: [Signature]

        public init(envelopeHash: RekorHash, payloadHash: RekorHash, signatures: [Signature]) {
            self.envelopeHash = envelopeHash
            self.payloadHash = payloadHash
            self.signatures = signatures.sorted { $0.signature.utf8.lexicographicallyPrecedes($1.signature.utf8) }
        }

        /// Builds the stored entry from a proposal the way Rekor's dsse 0.0.1 type does.
        ///
        /// The caller verifies the envelope first (this module does no public-key cryptography):
        /// `canonicalVerifiers[i]` is the canonical PEM of the key that verified the envelope's
        /// `i`-th signature. Then, as in Rekor, signatures are keyed by their base64 text (a
        /// repeated signature is logged once), sorted by that text, the payload is hashed after
        /// base64 decoding and the envelope is hashed as the exact text proposed.
        ///
        /// - Throws: `ModelError` when the envelope is not a DSSE envelope or the verifier count
        ///   differs from the signature count.
        public init(proposal: DSSEProposal, canonicalVerifiers: [String]) throws(ModelError) {
            let envelope = try DSSEEnvelopeText(proposal.envelope)
            guard canonicalVerifiers.count == envelope.signatures.count else {
                throw ModelError(.invalidValue, field: "proposedContent.verifiers",
                                 "\(envelope.signatures.count) envelope signatures but \(canonicalVerifiers.count) verifiers")
            }
            var verifierBySignature: [[UInt8]: [UInt8]] = [:]
            for (signature, pem) in zip(envelope.signatures, canonicalVerifiers) {
                verifierBySignature[Array(signature.utf8)] = Array(pem.utf8)
            }
            let signatures = verifierBySignature.map { Signature(signature: String(decoding: $0.key, as: UTF8.self), verifier: $0.value) }
            self.init(
                envelopeHash: try RekorHash(algorithm: .sha256, digest: Array(SHA256.hash(data: Array(proposal.envelope.utf8)))),
                payloadHash: try RekorHash(algorithm: .sha256, digest: Array(SHA256.hash(data: envelope.payload))),
                signatures: signatures)
        }

        /// Whether `payload` (decoded DSSE payload bytes) is the one this entry logged.
        public func matchesPayload(_ payload: some Sequence<UInt8>) -> Bool {
            payloadHash.digest == Array(SHA256.hash(data: Array(payload)))
        }
    }
}

extension RekorV1.DSSEEntry: Codable {
    private enum SpecKeys: String, CodingKey {
        case envelopeHash
        case payloadHash
        case signatures
    }

    private enum SignatureKeys: String, CodingKey {
        case signature
        case verifier
    }

    public init(from decoder: any Decoder) throws {
        let spec = try decoder.container(keyedBy: SpecKeys.self)
        self.envelopeHash = try spec.decode(RekorHash.self, forKey: .envelopeHash)
        self.payloadHash = try spec.decode(RekorHash.self, forKey: .payloadHash)
        for (key, hash) in [(SpecKeys.envelopeHash, envelopeHash), (.payloadHash, payloadHash)] where hash.algorithm != .sha256 {
            throw ModelError(.invalidValue, field: spec.fieldPath(key) + ".algorithm", "dsse 0.0.1 hashes are sha256")
        }
        var list = try spec.nestedUnkeyedContainer(forKey: .signatures)
        var signatures: [Signature] = []
        while !list.isAtEnd {
            let item = try list.nestedContainer(keyedBy: SignatureKeys.self)
            signatures.append(Signature(signature: try item.decodeBase64Text(forKey: .signature),
                                        verifier: try item.decodeStandardBase64(forKey: .verifier)))
        }
        guard !signatures.isEmpty else {
            throw ModelError(.invalidValue, field: spec.fieldPath(.signatures), "at least one signature is required")
        }
        // Keep the logged order: a stored body must re-serialize to the bytes that were hashed.
        self.signatures = signatures
    }

    public func encode(to encoder: any Encoder) throws {
        var spec = encoder.container(keyedBy: SpecKeys.self)
        try spec.encode(envelopeHash, forKey: .envelopeHash)
        try spec.encode(payloadHash, forKey: .payloadHash)
        var list = spec.nestedUnkeyedContainer(forKey: .signatures)
        for signature in signatures {
            var item = list.nestedContainer(keyedBy: SignatureKeys.self)
            try item.encode(signature.signature, forKey: .signature)
            try item.encodeStandardBase64(signature.verifier, forKey: .verifier)
        }
    }
}

/// The parts of a DSSE envelope's JSON text that Rekor's dsse type reads, with signatures kept
/// as the base64 text the client wrote (Rekor logs and sorts that text, not the decoded bytes).
struct DSSEEnvelopeText {
    let payloadType: String
    let payload: [UInt8]
    let signatures: [String]

    init(_ text: String) throws(ModelError) {
        let field = "proposedContent.envelope"
        let value: JSONValue
        do {
            value = try JSONValue(parsing: text.utf8, limits: RekorV1.limits)
        } catch {
            throw ModelError(.invalidValue, field: field, "not a DSSE envelope: \(error.description)")
        }
        guard let payloadText = value["payload"]?.stringValue, let payload = ProtoBase64.decode(payloadText) else {
            throw ModelError(.invalidValue, field: field + ".payload", "missing or not base64")
        }
        guard let payloadType = value["payloadType"]?.stringValue else {
            throw ModelError(.invalidValue, field: field + ".payloadType", "missing or not a string")
        }
        guard let list = value["signatures"]?.arrayValue, !list.isEmpty else {
            throw ModelError(.invalidValue, field: field + ".signatures", "at least one signature is required")
        }
        var signatures: [String] = []
        for (index, item) in list.enumerated() {
            guard let sig = item["sig"]?.stringValue, let bytes = ProtoBase64.decode(sig), !bytes.isEmpty else {
                throw ModelError(.invalidValue, field: field + ".signatures[\(index)].sig", "missing or not base64")
            }
            signatures.append(sig)
        }
        self.payloadType = payloadType
        self.payload = payload
        self.signatures = signatures
    }
}
