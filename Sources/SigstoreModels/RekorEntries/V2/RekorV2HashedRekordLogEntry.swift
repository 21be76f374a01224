extension RekorV2 {
    /// The `spec.hashedRekordV002` of a logged `hashedrekord 0.0.2` entry
    /// (`HashedRekordLogEntryV002`): the request's signature, and its digest tagged with the
    /// algorithm the key type implies.
    ///
    /// Verifiers rebuild this from a bundle rather than trusting `canonicalizedBody`, so the log
    /// must produce exactly these bytes: `RekorEntry.hashedRekordV002(entry).canonicalBody()`.
    public struct HashedRekordLogEntry: Sendable, Hashable {
        public static let kind = "hashedrekord"
        public static let apiVersion = "0.0.2"

        /// The signed digest and the algorithm the key type implies.
        public var data: HashOutput
        public var signature: Signature

        public init(data: HashOutput, signature: Signature) {
            self.data = data
            self.signature = signature
        }

        /// The entry rekor-tiles logs for a request, after it has verified the signature.
        ///
        /// - Throws: `ModelError` with code `.invalidValue` when the key type is not one Rekor v2
        ///   accepts or the digest length does not match the hash it implies.
        public init(request: HashedRekordRequest) throws(ModelError) {
            let algorithm = try RekorV2.hashAlgorithm(forKeyDetails: request.signature.verifier.keyDetails)
            guard let length = algorithm.digestByteCount, request.digest.count == length else {
                throw ModelError(.invalidValue, field: "digest",
                                 "a \(algorithm.rawValue) digest is \(algorithm.digestByteCount ?? 0) bytes, not \(request.digest.count)")
            }
            self.init(data: HashOutput(algorithm: algorithm, digest: request.digest), signature: request.signature)
        }
    }
}

extension RekorV2.HashedRekordLogEntry: Codable {
    private static let fields = ProtoFields("data", "signature")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        data = try reader.require("data")
        signature = try reader.require("signature")
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.encode(data, as: "data")
        try writer.encode(signature, as: "signature")
    }
}
